# METADATA
# title: Cancer 2-week wait
# description: |
#   Each plan year plans at least 93% of patients urgently referred with suspected cancer seen by a
#   specialist within 2 weeks. A shortfall with an agreed recovery plan is a warning; without one,
#   or with no figure, an error. Monthly levels, where given, end at the planned level.
# related_resources:
#   - description: Department of Health, Handbook to the NHS Constitution for England (supplements)
#     ref: https://www.gov.uk/government/publications/supplements-to-the-nhs-constitution-for-england
#   - description: >-
#       NHS England, Delivering the Forward View - NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   thresholds: [performance.cancer_2ww]
#   reads:
#     - performance.cancer_2ww.plan
#     - performance.cancer_2ww.monthly
#     - performance.cancer_2ww.recovery_plan
#   severity: error
#   guidance: NHS Constitution (cancer 2-week wait, 93%); Norwich CCG Operational Plan 2017-19 p7
package planassure.rules.performance.cancer_2ww

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "cancer_2ww"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "cancer 2-week wait from urgent GP referral",
	"service": "acute",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 30,
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
