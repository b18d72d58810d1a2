# METADATA
# title: Red risks mitigated
# description: |
#   Every risk rated red says how it is mitigated (a mitigation that is not empty).
#   A plan without a risk register cannot show this and is a finding; an empty
#   register is the plan's statement that it has no risks.
# related_resources:
#   - description: NHS England, NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   reads:
#     - /risks
#   severity: warning
#   guidance: >-
#     Operational Planning and Contracting Guidance 2017-2019, plan risks; Norwich CCG Operational
#     Plan 2017-19, s4.2, p15-16 (key financial risks named, with a 0.5% contingency "to manage
#     in-year pressures and risks")
package planassure.rules.governance.red_risks_mitigated

deny contains finding if {
	some i, risk in input.risks
	risk.rating == "red"
	not _mitigated(risk)
	finding := {
		"msg": sprintf("red risk %q has no mitigation", [object.get(risk, "description", "")]),
		"pointer": sprintf("/risks/%d/mitigation", [i]),
	}
}

deny contains finding if {
	not is_array(object.get(input, "risks", null))
	finding := {
		"msg": "red risks cannot be checked: the plan has no risk register",
		"pointer": "/risks",
	}
}

_mitigated(risk) if trim_space(object.get(risk, "mitigation", "")) != ""

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
