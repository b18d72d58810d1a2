# METADATA
# title: Community health services within 18 weeks
# description: |
#   Each plan year plans at least the round's share of community health services activity within 18
#   weeks. A shortfall with an agreed recovery plan is a warning; without one, or with no figure, an
#   error. Monthly levels, where given, end at the planned level.
# related_resources:
#   - description: NHS England, Medium Term Planning Framework - delivering change together 2026/27 to 2028/29
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-delivering-change-together-2026-27-to-2028-29/
# custom:
#   thresholds: [performance.community_18wk]
#   reads:
#     - performance.community_18wk.plan
#     - performance.community_18wk.monthly
#     - performance.community_18wk.recovery_plan
#   severity: error
#   guidance: >-
#     MTPF p32: 78% by March 2027, 80% by March 2029; 2027/28 is the plan's own trajectory
package planassure.rules.performance.community_18wk

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "community_18wk"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "community health services within 18 weeks",
	"service": "community",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 180,
}

deny contains finding if {
	some finding in performance.findings[_key]
}

not_applicable contains performance.not_applicable_reason(_key) if {
	rounds.known
	not performance.applies(_key)
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
