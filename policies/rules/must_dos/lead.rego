# METADATA
# title: Must-dos name an accountable lead
# description: |
#   Each of the nine national must-dos names the lead accountable for delivering it.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
#   - description: NHS England, NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   reads:
#     - /must_dos
#   severity: warning
#   guidance: >-
#     Delivering the Forward View - NHS planning guidance 2016/17-2020/21, the nine must-dos for
#     2016/17 (as listed in the Southwark CCG Operating Plan 2016/17); Operational Planning and
#     Contracting Guidance 2017-2019
package planassure.rules.must_dos.lead

import data.planassure.lib.must_dos

deny contains finding if {
	some n, name in must_dos.names
	not _has_lead(n)
	finding := {
		"msg": sprintf("must-do %d (%s) names no lead", [n, name]),
		"pointer": must_dos.pointer(n, "lead"),
	}
}

_has_lead(n) if {
	some entry in must_dos.entries(n)
	must_dos.has_text(object.get(entry, "lead", ""))
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
