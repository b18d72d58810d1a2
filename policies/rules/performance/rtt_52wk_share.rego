# METADATA
# title: RTT waits over 52 weeks below the round's share of the waiting list
# description: |
#   Each plan year plans fewer than the round's share of the waiting list waiting over 52 weeks by March
#   (lower is better; the figure itself misses). A shortfall with an agreed recovery plan is a warning;
#   without one, or with no figure, an error. Monthly levels, where given, end at the planned level.
# related_resources:
#   - description: NHS England, 2025/26 priorities and operational planning guidance (PRN01625)
#     ref: https://www.england.nhs.uk/long-read/2025-26-priorities-and-operational-planning-guidance/
# custom:
#   thresholds: [performance.rtt_52wk_share]
#   reads:
#     - performance.rtt_52wk_share.plan
#     - performance.rtt_52wk_share.monthly
#     - performance.rtt_52wk_share.recovery_plan
#   severity: error
#   guidance: >-
#     2025/26 guidance p18: less than 1% of the total waiting list by March 2026; the table does not say
#     whether per trust (read here for ICBs and trusts)
package planassure.rules.performance.rtt_52wk_share

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "rtt_52wk_share"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "RTT waits over 52 weeks (share of the waiting list)",
	"service": "acute",
	"unit": "%",
	"lower_is_better": true,
	"strict": true,
	"order": 200,
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
