# METADATA
# title: RTT 18-week standard (incomplete pathways)
# description: |
#   Each plan year plans at least the round's share of patients on incomplete referral-to-treatment
#   pathways waiting under 18 weeks (the March level). A shortfall with an agreed recovery plan is a
#   warning; without one, or with no figure, an error. Monthly levels, where given, end at the
#   planned level.
# related_resources:
#   - description: Department of Health, Handbook to the NHS Constitution for England (supplements)
#     ref: https://www.gov.uk/government/publications/supplements-to-the-nhs-constitution-for-england
#   - description: >-
#       NHS England, Delivering the Forward View - NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
#   - description: NHS England, 2025/26 priorities and operational planning guidance (PRN01625)
#     ref: https://www.england.nhs.uk/long-read/2025-26-priorities-and-operational-planning-guidance/
#   - description: NHS England, Medium Term Planning Framework - delivering change together 2026/27 to 2028/29
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-delivering-change-together-2026-27-to-2028-29/
# custom:
#   thresholds: [performance.rtt_18wk]
#   reads:
#     - performance.rtt_18wk.plan
#     - performance.rtt_18wk.monthly
#     - performance.rtt_18wk.recovery_plan
#   severity: error
#   guidance: >-
#     NHS Constitution ("a minimum of 92%"); planning guidance 2017-19 must-do 5 (RTT: more than 92%
#     of non-emergency pathways within 18 weeks); the 2018/19 refresh's own ask, a waiting list no
#     larger than in March 2018, is not checked here;
#     2025/26 guidance p18: 65% nationally by March 2026 (checked for ICBs; a trust's own target
#     is performance.rtt_18wk_trust_improvement); MTPF p28: 70% in March 2027 (U3: [OUT]'s reading
#     of the "2026/27 target"; ICBs, trusts by the per-trust rule) and 92% by March 2029, for all
package planassure.rules.performance.rtt_18wk

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "rtt_18wk"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "RTT waits under 18 weeks (incomplete pathways)",
	"service": "acute",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 20,
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
