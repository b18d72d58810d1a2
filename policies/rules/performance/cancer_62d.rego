# METADATA
# title: Cancer 62-day wait
# description: |
#   Each plan year plans at least the round's share of cancer patients starting first treatment
#   within 62 days of an urgent referral. A shortfall with an agreed recovery plan is a warning;
#   without one, or with no figure, an error. Monthly levels, where given, end at the planned level.
# related_resources:
#   - description: >-
#       NHS England, Delivering the Forward View - NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
#   - description: Department of Health, Handbook to the NHS Constitution for England (supplements)
#     ref: https://www.gov.uk/government/publications/supplements-to-the-nhs-constitution-for-england
#   - description: NHS England, 2025/26 priorities and operational planning guidance (PRN01625)
#     ref: https://www.england.nhs.uk/long-read/2025-26-priorities-and-operational-planning-guidance/
#   - description: NHS England, Medium Term Planning Framework - delivering change together 2026/27 to 2028/29
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-delivering-change-together-2026-27-to-2028-29/
# custom:
#   thresholds: [performance.cancer_62d]
#   reads:
#     - performance.cancer_62d.plan
#     - performance.cancer_62d.monthly
#     - performance.cancer_62d.recovery_plan
#   severity: error
#   guidance: >-
#     NHS Constitution (cancer 62-day wait, 85%); planning guidance 2017-19 must-do 6 (the 62-day
#     cancer standard); Norwich CCG Operational Plan 2017-19 p7;
#     2025/26 guidance p18: 75% by March 2026; MTPF p28: every trust 80% by March 2027, 85% in
#     2028/29 (U4: "maintain", read as the March 2029 level)
package planassure.rules.performance.cancer_62d

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "cancer_62d"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "cancer 62-day wait from urgent referral to treatment",
	"service": "acute",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 50,
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
