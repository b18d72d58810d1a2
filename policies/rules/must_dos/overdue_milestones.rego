# METADATA
# title: No overdue must-do milestones
# description: |
#   A must-do milestone due before the plan was submitted (submission.submitted_on,
#   never today's date) is complete.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
#   - description: NHS England, NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   reads:
#     - /must_dos
#     - /submission/submitted_on
#   severity: warning
#   guidance: >-
#     Delivering the Forward View - NHS planning guidance 2016/17-2020/21, the nine must-dos for
#     2016/17 (as listed in the Southwark CCG Operating Plan 2016/17); Operational Planning and
#     Contracting Guidance 2017-2019
package planassure.rules.must_dos.overdue_milestones

deny contains finding if {
	some i, j
	m := _milestones[i][j]
	_submitted_on
	is_string(m.due)
	m.due < _submitted_on
	status := object.get(m, "status", "missing")
	status != "complete"
	finding := {
		"msg": sprintf("must-do %v milestone %q was due %s, before submission on %s, and is %s, not complete", [
			input.must_dos[i].number, object.get(m, "description", ""), m.due, _submitted_on, status,
		]),
		"pointer": sprintf("/must_dos/%d/milestones/%d/status", [i, j]),
		"expected": "complete",
		"actual": status,
	}
}

# a milestone without a due date cannot be shown not to be overdue
deny contains finding if {
	some i, j
	m := _milestones[i][j]
	not is_string(object.get(m, "due", null))
	finding := {
		"msg": sprintf(
			"must-do %v milestone %q has no due date",
			[input.must_dos[i].number, object.get(m, "description", "")],
		),
		"pointer": sprintf("/must_dos/%d/milestones/%d/due", [i, j]),
	}
}

deny contains finding if {
	count(_milestones) > 0
	not _submitted_on
	finding := {
		"msg": "overdue must-do milestones cannot be assessed: the submission date is missing",
		"pointer": "/submission/submitted_on",
	}
}

_submitted_on := input.submission.submitted_on if is_string(input.submission.submitted_on)

# the milestones of every must-do entry, keyed by the entry's index: one
# comprehension, built in time linear in the milestones (a rule with a two-level
# head, _milestones[i][j], merges one object per milestone and grows quadratically)
_milestones := {i: ms |
	some i, entry in object.get(input, "must_dos", [])
	ms := object.get(entry, "milestones", [])
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
