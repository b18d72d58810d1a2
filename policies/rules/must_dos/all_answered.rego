# METADATA
# title: Every national must-do answered
# description: |
#   The plan says how it delivers each of the nine national must-dos: each of
#   must-dos 1 to 9 has an entry with a summary that is not empty.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
#   - description: NHS England, NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   reads:
#     - /must_dos
#   severity: error
#   guidance: >-
#     Delivering the Forward View - NHS planning guidance 2016/17-2020/21, the nine must-dos for
#     2016/17 (as listed in the Southwark CCG Operating Plan 2016/17); Operational Planning and
#     Contracting Guidance 2017-2019
package planassure.rules.must_dos.all_answered

import data.planassure.lib.must_dos

# no entry at all for must-do n
deny contains finding if {
	some n, name in must_dos.names
	count(must_dos.entries(n)) == 0
	finding := {
		"msg": sprintf("must-do %d (%s) is not answered: the plan has no entry for it", [n, name]),
		"pointer": "/must_dos",
	}
}

# entries for must-do n, none of them with a summary
deny contains finding if {
	some n, name in must_dos.names
	not _answered(n)
	some i, _ in must_dos.entries(n)
	finding := {
		"msg": sprintf("must-do %d (%s) is not answered: its summary is missing or empty", [n, name]),
		"pointer": sprintf("/must_dos/%d/summary", [i]),
	}
}

_answered(n) if {
	some entry in must_dos.entries(n)
	must_dos.has_text(object.get(entry, "summary", ""))
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
