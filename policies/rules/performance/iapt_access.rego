# METADATA
# title: IAPT access
# description: |
#   Each plan year plans IAPT (talking therapies) access for at least the round's share of the
#   prevalence of anxiety and depression: 15% in 2016/17; 16.8% in 2017/18 and 19% in 2018/19. A
#   shortfall with an agreed recovery plan is a warning; without one, or with no figure, an error.
#   Monthly levels, where given, end at the planned level.
# related_resources:
#   - description: >-
#       NHS England, Delivering the Forward View - NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   thresholds: [performance.iapt_access]
#   reads:
#     - performance.iapt_access.plan
#     - performance.iapt_access.monthly
#     - performance.iapt_access.recovery_plan
#   severity: error
#   guidance: >-
#     Planning guidance 2017-19 (mental health access, Five Year Forward View for Mental Health);
#     Norwich CCG Operational Plan 2017-19 p29 ("at least 19%" by 2018/19)
package planassure.rules.performance.iapt_access

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "iapt_access"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "IAPT (talking therapies) access",
	"service": "mental_health",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 70,
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
