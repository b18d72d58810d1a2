# METADATA
# title: IAPT first treatment within 6 weeks
# description: |
#   Each plan year plans at least 75% of people referred to IAPT starting treatment within 6 weeks.
#   A shortfall with an agreed recovery plan is a warning; without one, or with no figure, an error.
#   Monthly levels, where given, end at the planned level.
# related_resources:
#   - description: >-
#       NHS England, Delivering the Forward View - NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   thresholds: [performance.iapt_6wk]
#   reads:
#     - performance.iapt_6wk.plan
#     - performance.iapt_6wk.monthly
#     - performance.iapt_6wk.recovery_plan
#   severity: error
#   guidance: >-
#     Planning guidance 2016/17 and 2017-19 must-do 7 (mental health access standards: IAPT 75%
#     within 6 weeks)
package planassure.rules.performance.iapt_6wk

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "iapt_6wk"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "IAPT first treatment within 6 weeks",
	"service": "mental_health",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 90,
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
