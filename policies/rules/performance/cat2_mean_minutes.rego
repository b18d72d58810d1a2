# METADATA
# title: Category 2 ambulance mean response time
# description: |
#   Each plan year plans a category 2 mean response time of no more than the round's minutes (lower is
#   better), as the mean across the year. A shortfall with an agreed recovery plan is a warning; without
#   one, or with no figure, an error. Monthly levels, where given, end at the planned level.
# related_resources:
#   - description: NHS England, 2025/26 priorities and operational planning guidance (PRN01625)
#     ref: https://www.england.nhs.uk/long-read/2025-26-priorities-and-operational-planning-guidance/
#   - description: NHS England, Medium Term Planning Framework - delivering change together 2026/27 to 2028/29
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-delivering-change-together-2026-27-to-2028-29/
# custom:
#   thresholds: [performance.cat2_mean_minutes]
#   reads:
#     - performance.cat2_mean_minutes.plan
#     - performance.cat2_mean_minutes.monthly
#     - performance.cat2_mean_minutes.recovery_plan
#   severity: error
#   guidance: >-
#     2025/26 guidance p18: 30 minutes on average across 2025/26; MTPF p30: 25 minutes in 2026/27 (U2:
#     read as the year mean) and 18 minutes by 2028/29
package planassure.rules.performance.cat2_mean_minutes

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "cat2_mean_minutes"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "category 2 ambulance mean response time",
	"service": "ambulance",
	"unit": "minutes",
	"lower_is_better": true,
	"strict": false,
	"order": 170,
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
