package planassure.rules.governance.sign_off_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.governance.sign_off

test_pass_fixture if {
	r := sign_off.deny with input as fixture.plan
	r == set()
}

test_pass_approved_on_submission_day if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/sign_off/governing_body_approved_on", "value": "2017-03-31"},
	])
	r := sign_off.deny with input as plan
	r == set()
}

test_pass_draft_without_sign_off if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/status", "value": "draft"},
		{"op": "remove", "path": "/sign_off"},
	])
	r := sign_off.deny with input as plan
	r == set()
}

test_fail_approved_after_submission if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/sign_off/governing_body_approved_on", "value": "2017-04-01"},
	])
	r := sign_off.deny with input as plan
	r == {{
		"msg": "the governing body approved the plan on 2017-04-01, after it was submitted as final on 2017-03-31",
		"pointer": "/sign_off/governing_body_approved_on",
		"expected": "on or before 2017-03-31",
		"actual": "2017-04-01",
	}}
}

test_fail_missing_approval_date if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/sign_off/governing_body_approved_on"}])
	r := sign_off.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"a final submission needs the date its governing body approved the plan:",
			"sign_off.governing_body_approved_on is missing",
		]),
		"pointer": "/sign_off/governing_body_approved_on",
	}}
}

test_fail_missing_sign_off if {
	plan := json.remove(fixture.plan, ["sign_off"])
	r := sign_off.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"a final submission needs the date its governing body approved the plan:",
			"sign_off.governing_body_approved_on is missing",
		]),
		"pointer": "/sign_off/governing_body_approved_on",
	}}
}

# a submission that does not say it is a draft is held to the final rule
test_fail_missing_status if {
	plan := json.patch(fixture.plan, [
		{"op": "remove", "path": "/submission/status"},
		{"op": "remove", "path": "/sign_off/governing_body_approved_on"},
	])
	r := sign_off.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"a final submission needs the date its governing body approved the plan:",
			"sign_off.governing_body_approved_on is missing",
		]),
		"pointer": "/sign_off/governing_body_approved_on",
	}}
}

test_fail_missing_submission_date if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/submission/submitted_on"}])
	r := sign_off.deny with input as plan
	r == {{
		"msg": "the governing body approval cannot be checked: the submission date is missing",
		"pointer": "/submission/submitted_on",
	}}
}
