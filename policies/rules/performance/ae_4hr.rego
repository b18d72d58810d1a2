# METADATA
# title: A&E 4-hour standard
# description: |
#   Each plan year plans at least the round's share of A&E attendances admitted, transferred or
#   discharged within 4 hours: the March level, or where the round says so the average of the 12
#   months (2028/29 in 2026-29). A shortfall with an agreed recovery plan is a warning; without one,
#   or with no figure, an error. Monthly levels, where given, end at the planned level.
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
#   thresholds: [performance.ae_4hr]
#   reads:
#     - performance.ae_4hr.plan
#     - performance.ae_4hr.monthly
#     - performance.ae_4hr.recovery_plan
#   severity: error
#   guidance: >-
#     NHS Constitution; planning guidance 2017-19 must-do 4 (A&E and ambulance waits); 2018/19
#     refresh (90%); Norwich CCG Operational Plan 2017-19 p7;
#     2025/26 guidance p18: 78% in March 2026; MTPF p30: every trust 82% by March 2027 (U17: read
#     for ICBs too) and 85% nationally as the average of 2028/29
package planassure.rules.performance.ae_4hr

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "ae_4hr"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "A&E within 4 hours",
	"service": "acute",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 10,
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
