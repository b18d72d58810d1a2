# METADATA
# title: RTT first appointment within 18 weeks
# description: |
#   ICB plans for 2025/26 plan at least the round's share of patients seen for a first appointment
#   within 18 weeks by March 2026; a trust's own target is performance.rtt_first_appt_trust_improvement.
#   A shortfall with an agreed recovery plan is a warning; without one, or with no figure, an error.
#   Monthly levels, where given, end at the planned level.
# related_resources:
#   - description: NHS England, 2025/26 priorities and operational planning guidance (PRN01625)
#     ref: https://www.england.nhs.uk/long-read/2025-26-priorities-and-operational-planning-guidance/
# custom:
#   thresholds: [performance.rtt_first_appt_18wk]
#   reads:
#     - performance.rtt_first_appt_18wk.plan
#     - performance.rtt_first_appt_18wk.monthly
#     - performance.rtt_first_appt_18wk.recovery_plan
#   severity: error
#   guidance: >-
#     2025/26 guidance p18: 72% nationally by March 2026 (the planned year-end level); every trust 5
#     points on November 2024, at least 67%
package planassure.rules.performance.rtt_first_appt_18wk

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "rtt_first_appt_18wk"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "RTT first appointment within 18 weeks",
	"service": "acute",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 210,
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
