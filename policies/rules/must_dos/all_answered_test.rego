package planassure.rules.must_dos.all_answered_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.must_dos.all_answered

test_pass_fixture if {
	r := all_answered.deny with input as fixture.plan
	r == set()
}

# a second, empty entry does not matter when another entry answers the must-do
test_pass_duplicate_entry_answered_elsewhere if {
	plan := json.patch(fixture.plan, [{"op": "add", "path": "/must_dos/-", "value": {"number": 3, "summary": ""}}])
	r := all_answered.deny with input as plan
	r == set()
}

test_fail_empty_summary if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/must_dos/4/summary", "value": ""}])
	r := all_answered.deny with input as plan
	r == {{
		"msg": "must-do 5 (referral to treatment within 18 weeks) is not answered: its summary is missing or empty",
		"pointer": "/must_dos/4/summary",
	}}
}

test_fail_white_space_summary if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/must_dos/0/summary", "value": " \t\n "}])
	r := all_answered.deny with input as plan
	r == {{
		"msg": "must-do 1 (Sustainability and Transformation Plan) is not answered: its summary is missing or empty",
		"pointer": "/must_dos/0/summary",
	}}
}

test_fail_missing_summary if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/must_dos/6/summary"}])
	r := all_answered.deny with input as plan
	r == {{
		"msg": "must-do 7 (mental health access standards) is not answered: its summary is missing or empty",
		"pointer": "/must_dos/6/summary",
	}}
}

test_fail_missing_entry if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/must_dos/8"}])
	r := all_answered.deny with input as plan
	r == {{
		"msg": "must-do 9 (quality and organisations in special measures) is not answered: the plan has no entry for it",
		"pointer": "/must_dos",
	}}
}

test_fail_missing_must_dos if {
	plan := json.remove(fixture.plan, ["must_dos"])
	r := all_answered.deny with input as plan
	count(r) == 9
	every f in r {
		f.pointer == "/must_dos"
	}
}
