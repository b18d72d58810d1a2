# METADATA
# title: Must-do milestones inside the plan period
# description: |
#   Each of the nine national must-dos has at least one milestone due inside the
#   plan period: from 1 April of the first plan year to 31 March after the last.
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
package planassure.rules.must_dos.milestones

import data.planassure.lib.must_dos

deny contains finding if {
	some n, name in must_dos.names
	_period
	not _has_milestone_in_period(n)
	finding := {
		"msg": sprintf("must-do %d (%s) has no milestone due inside the plan period %s", [n, name, _period]),
		"pointer": must_dos.pointer(n, "milestones"),
		"expected": _period,
		"actual": _due_dates(n),
	}
}

# without plan years there is no plan period to hold the milestones against
deny contains finding if {
	not _period
	finding := {
		"msg": "must-do milestones cannot be assessed: the plan has no plan years, so no plan period",
		"pointer": "/years",
	}
}

_period := sprintf("%s to %s", [must_dos.period_start, must_dos.period_end])

_milestones(n) := [m |
	some entry in must_dos.entries(n)
	some m in object.get(entry, "milestones", [])
]

_has_milestone_in_period(n) if {
	some m in _milestones(n)
	must_dos.in_period(object.get(m, "due", null))
}

# the due dates the must-do's milestones give, earliest first
_due_dates(n) := sort([due |
	some m in _milestones(n)
	due := m.due
])

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
