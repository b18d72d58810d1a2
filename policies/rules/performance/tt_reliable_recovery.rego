# METADATA
# title: NHS Talking Therapies reliable recovery
# description: |
#   Each plan year plans at least the round's reliable recovery rate for NHS Talking Therapies courses.
#   A shortfall with an agreed recovery plan is a warning; without one, or with no figure, an error.
#   Monthly levels, where given, end at the planned level.
# related_resources:
#   - description: NHS England, Medium Term Planning Framework - delivering change together 2026/27 to 2028/29
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-delivering-change-together-2026-27-to-2028-29/
# custom:
#   thresholds: [performance.tt_reliable_recovery]
#   reads:
#     - performance.tt_reliable_recovery.plan
#     - performance.tt_reliable_recovery.monthly
#     - performance.tt_reliable_recovery.recovery_plan
#   severity: error
#   guidance: >-
#     MTPF p34: 51% by the end of 2026/27, 53% by the end of 2028/29; 2025/26 set no numeric target
package planassure.rules.performance.tt_reliable_recovery

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "tt_reliable_recovery"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "NHS Talking Therapies reliable recovery",
	"service": "mental_health",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 230,
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
