# METADATA
# title: Cancer 31-day wait
# description: |
#   Each plan year plans at least the round's share of cancer patients starting first treatment
#   within 31 days of the decision to treat. A shortfall with an agreed recovery plan is a warning;
#   without one, or with no figure, an error. Monthly levels, where given, end at the planned level.
# related_resources:
#   - description: Department of Health, Handbook to the NHS Constitution for England (supplements)
#     ref: https://www.gov.uk/government/publications/supplements-to-the-nhs-constitution-for-england
#   - description: >-
#       NHS England, Delivering the Forward View - NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
#   - description: NHS England, Medium Term Planning Framework - delivering change together 2026/27 to 2028/29
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-delivering-change-together-2026-27-to-2028-29/
# custom:
#   thresholds: [performance.cancer_31d]
#   reads:
#     - performance.cancer_31d.plan
#     - performance.cancer_31d.monthly
#     - performance.cancer_31d.recovery_plan
#   severity: error
#   guidance: >-
#     NHS Constitution (cancer 31-day wait, 96%); Norwich CCG Operational Plan 2017-19 p7;
#     2025/26: no 31-day success measure (not applicable); MTPF p28: every trust 94% by March 2027,
#     96% in 2028/29 (U4: "maintain", read as the March 2029 level)
package planassure.rules.performance.cancer_31d

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "cancer_31d"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "cancer 31-day wait from decision to treat",
	"service": "acute",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 40,
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
