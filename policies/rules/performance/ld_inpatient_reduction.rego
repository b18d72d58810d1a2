# METADATA
# title: Fewer mental health inpatients with a learning disability or autism
# description: |
#   Each plan year plans at least the round's percentage reduction in reliance on mental health
#   inpatient care for people with a learning disability or autism, on the year before. A shortfall with
#   an agreed recovery plan is a warning; without one, or with no figure, an error. Monthly levels,
#   where given, end at the planned level.
# related_resources:
#   - description: NHS England, 2025/26 priorities and operational planning guidance (PRN01625)
#     ref: https://www.england.nhs.uk/long-read/2025-26-priorities-and-operational-planning-guidance/
#   - description: NHS England, Medium Term Planning Framework - delivering change together 2026/27 to 2028/29
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-delivering-change-together-2026-27-to-2028-29/
# custom:
#   thresholds: [performance.ld_inpatient_reduction]
#   reads:
#     - performance.ld_inpatient_reduction.plan
#     - performance.ld_inpatient_reduction.monthly
#     - performance.ld_inpatient_reduction.recovery_plan
#   severity: error
#   guidance: >-
#     2025/26 guidance p18: reduce by at least 10%; MTPF p34: at least 10% every year (the table shows it
#     in the 2028/29 column)
package planassure.rules.performance.ld_inpatient_reduction

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "ld_inpatient_reduction"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "reduction in mental health inpatients with a learning disability or autism",
	"service": "mental_health",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 190,
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
