package planassure.rules.governance.red_risks_mitigated_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.governance.red_risks_mitigated

test_pass_fixture if {
	r := red_risks_mitigated.deny with input as fixture.plan
	r == set()
}

test_pass_empty_register if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/risks", "value": []}])
	r := red_risks_mitigated.deny with input as plan
	r == set()
}

test_fail_red_without_mitigation if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/risks/1/rating", "value": "red"}])
	r := red_risks_mitigated.deny with input as plan
	r == {{
		"msg": "red risk \"Workforce\" has no mitigation",
		"pointer": "/risks/1/mitigation",
	}}
}

test_fail_white_space_mitigation if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/risks/0/mitigation", "value": " \n"}])
	r := red_risks_mitigated.deny with input as plan
	r == {{
		"msg": "red risk \"QIPP delivery\" has no mitigation",
		"pointer": "/risks/0/mitigation",
	}}
}

test_fail_missing_mitigation if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/risks/0/mitigation"}])
	r := red_risks_mitigated.deny with input as plan
	r == {{
		"msg": "red risk \"QIPP delivery\" has no mitigation",
		"pointer": "/risks/0/mitigation",
	}}
}

test_fail_missing_risks if {
	plan := json.remove(fixture.plan, ["risks"])
	r := red_risks_mitigated.deny with input as plan
	r == {{
		"msg": "red risks cannot be checked: the plan has no risk register",
		"pointer": "/risks",
	}}
}
