# METADATA
# title: Children and young people's eating disorder treatment in time
# description: |
#   Each plan year plans at least 95% of children and young people with an eating disorder starting
#   treatment within the waiting time standard (1 week urgent, 4 weeks routine). The 2016/17 round
#   sets no threshold. A shortfall with an agreed recovery plan is a warning; without one, or with
#   no figure, an error. Monthly levels, where given, end at the planned level.
# related_resources:
#   - description: >-
#       NHS England, Delivering the Forward View - NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   thresholds: [performance.cyp_eating_disorders]
#   reads:
#     - performance.cyp_eating_disorders.plan
#     - performance.cyp_eating_disorders.monthly
#     - performance.cyp_eating_disorders.recovery_plan
#   severity: error
#   guidance: >-
#     Planning guidance 2017-19 (children and young people's eating disorder waiting time standard,
#     95%); Norwich CCG Operational Plan 2017-19 p29
package planassure.rules.performance.cyp_eating_disorders

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "cyp_eating_disorders"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "children and young people's eating disorder treatment in time",
	"service": "mental_health",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 140,
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
