# METADATA
# title: Dementia diagnosis rate
# description: |
#   Each plan year plans a dementia diagnosis rate of at least two thirds (66.7%) of estimated
#   prevalence. A shortfall with an agreed recovery plan is a warning; without one, or with no
#   figure, an error. Monthly levels, where given, end at the planned level.
# related_resources:
#   - description: >-
#       NHS England, Delivering the Forward View - NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   thresholds: [performance.dementia_diagnosis]
#   reads:
#     - performance.dementia_diagnosis.plan
#     - performance.dementia_diagnosis.monthly
#     - performance.dementia_diagnosis.recovery_plan
#   severity: error
#   guidance: >-
#     Planning guidance 2017-19 (dementia diagnosis rate of two thirds); Norwich CCG Operational
#     Plan 2017-19 p31 ("national ambition is 67%")
package planassure.rules.performance.dementia_diagnosis

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "dementia_diagnosis"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "dementia diagnosis rate",
	"service": "mental_health",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 120,
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
