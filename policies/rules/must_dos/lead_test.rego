package planassure.rules.must_dos.lead_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.must_dos.lead

test_pass_fixture if {
	r := lead.deny with input as fixture.plan
	r == set()
}

test_fail_empty_lead if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/must_dos/2/lead", "value": "  "}])
	r := lead.deny with input as plan
	r == {{
		"msg": "must-do 3 (sustainability and quality of general practice) names no lead",
		"pointer": "/must_dos/2/lead",
	}}
}

test_fail_missing_lead if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/must_dos/7/lead"}])
	r := lead.deny with input as plan
	r == {{
		"msg": "must-do 8 (care for people with learning disabilities) names no lead",
		"pointer": "/must_dos/7/lead",
	}}
}

test_fail_missing_entry if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/must_dos/3"}])
	r := lead.deny with input as plan
	r == {{
		"msg": "must-do 4 (A&E and ambulance waits) names no lead",
		"pointer": "/must_dos",
	}}
}
