package planassure.rules.must_dos.overdue_milestones_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.must_dos.overdue_milestones

test_pass_fixture if {
	r := overdue_milestones.deny with input as fixture.plan
	r == set()
}

test_pass_past_milestone_complete if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/must_dos/0/milestones/0/due", "value": "2017-01-31"},
		{"op": "replace", "path": "/must_dos/0/milestones/0/status", "value": "complete"},
	])
	r := overdue_milestones.deny with input as plan
	r == set()
}

# due on the day of submission is not yet overdue
test_pass_due_on_submission_day if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/must_dos/0/milestones/0/due", "value": "2017-03-31"}])
	r := overdue_milestones.deny with input as plan
	r == set()
}

test_fail_overdue_not_complete if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/must_dos/2/milestones/0/due", "value": "2017-03-30"},
		{"op": "replace", "path": "/must_dos/2/milestones/0/status", "value": "at_risk"},
	])
	r := overdue_milestones.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"must-do 3 milestone \"Milestone for must-do 3\" was due 2017-03-30, before submission on 2017-03-31,",
			"and is at_risk, not complete",
		]),
		"pointer": "/must_dos/2/milestones/0/status",
		"expected": "complete",
		"actual": "at_risk",
	}}
}

# the submission date, not the clock, decides what is overdue
test_fail_overdue_against_submission_date if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/submission/submitted_on", "value": "2017-10-01"}])
	r := overdue_milestones.deny with input as plan
	count(r) == 9
	every f in r {
		f.actual == "on_track"
	}
}

test_fail_missing_status if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/must_dos/8/milestones/0/due", "value": "2016-12-31"},
		{"op": "remove", "path": "/must_dos/8/milestones/0/status"},
	])
	r := overdue_milestones.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"must-do 9 milestone \"Milestone for must-do 9\" was due 2016-12-31, before submission on 2017-03-31,",
			"and is missing, not complete",
		]),
		"pointer": "/must_dos/8/milestones/0/status",
		"expected": "complete",
		"actual": "missing",
	}}
}

test_fail_missing_due_date if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/must_dos/1/milestones/0/due"}])
	r := overdue_milestones.deny with input as plan
	r == {{
		"msg": "must-do 2 milestone \"Milestone for must-do 2\" has no due date",
		"pointer": "/must_dos/1/milestones/0/due",
	}}
}

test_fail_missing_submission_date if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/submission/submitted_on"}])
	r := overdue_milestones.deny with input as plan
	r == {{
		"msg": "overdue must-do milestones cannot be assessed: the submission date is missing",
		"pointer": "/submission/submitted_on",
	}}
}
