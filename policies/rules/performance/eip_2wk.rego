# METADATA
# title: Early intervention in psychosis within 2 weeks
# description: |
#   Each plan year plans at least the round's share of people with a first episode of psychosis
#   starting treatment within 2 weeks: 50% in 2016/17 and 2017/18, 53% in 2018/19. A shortfall with
#   an agreed recovery plan is a warning; without one, or with no figure, an error. Monthly levels,
#   where given, end at the planned level.
# related_resources:
#   - description: >-
#       NHS England, Delivering the Forward View - NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   thresholds: [performance.eip_2wk]
#   reads:
#     - performance.eip_2wk.plan
#     - performance.eip_2wk.monthly
#     - performance.eip_2wk.recovery_plan
#   severity: error
#   guidance: >-
#     Planning guidance 2016/17 and 2017-19 must-do 7 (EIP 50% within two weeks); Norwich CCG
#     Operational Plan 2017-19 p29 (53% in 2018/19)
package planassure.rules.performance.eip_2wk

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "eip_2wk"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "early intervention in psychosis within 2 weeks",
	"service": "mental_health",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 110,
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
