# METADATA
# title: Children and young people's mental health access
# description: |
#   Each plan year for which the round sets the standard plans NHS-funded mental health treatment
#   for at least 32% of children and young people with a diagnosable condition. The 2017-19 round
#   sets it for 2018/19 only ("32% by 2018/19"); the 2016/17 round sets none. A shortfall with an
#   agreed recovery plan is a warning; without one, or with no figure, an error. Monthly levels,
#   where given, end at the planned level.
# related_resources:
#   - description: >-
#       NHS England, Delivering the Forward View - NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   thresholds: [performance.cyp_mh_access]
#   reads:
#     - performance.cyp_mh_access.plan
#     - performance.cyp_mh_access.monthly
#     - performance.cyp_mh_access.recovery_plan
#   severity: error
#   guidance: >-
#     Planning guidance 2017-19 (Five Year Forward View for Mental Health: children and young
#     people's access); Norwich CCG Operational Plan 2017-19 p29 (32% by 2018/19)
package planassure.rules.performance.cyp_mh_access

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "cyp_mh_access"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "children and young people's mental health access",
	"service": "mental_health",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 130,
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
