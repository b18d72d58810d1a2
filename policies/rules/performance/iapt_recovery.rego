# METADATA
# title: IAPT recovery rate
# description: |
#   Each plan year plans an IAPT recovery rate of at least 50%. A shortfall with an agreed recovery
#   plan is a warning; without one, or with no figure, an error. Monthly levels, where given, end at
#   the planned level.
# related_resources:
#   - description: >-
#       NHS England, Delivering the Forward View - NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   thresholds: [performance.iapt_recovery]
#   reads:
#     - performance.iapt_recovery.plan
#     - performance.iapt_recovery.monthly
#     - performance.iapt_recovery.recovery_plan
#   severity: error
#   guidance: Planning guidance 2017-19 (mental health, IAPT recovery 50%); Norwich CCG Operational Plan 2017-19 p7, p30
package planassure.rules.performance.iapt_recovery

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "iapt_recovery"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "IAPT recovery rate",
	"service": "mental_health",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 80,
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
