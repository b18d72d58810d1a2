package planassure.rules.finance.unidentified_qipp_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.finance.unidentified_qipp

test_pass_fixture if {
	r := unidentified_qipp.deny with input as fixture.plan
	r == set()
}

test_fail_unidentified_savings if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/2/finance/qipp/unidentified", "value": 800}])
	r := unidentified_qipp.deny with input as plan
	r == {{
		"msg": "2018/19: QIPP savings of 800 are still to be identified (no named schemes)",
		"pointer": "/years/2/finance/qipp/unidentified",
		"expected": 0,
		"actual": 800,
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/finance/qipp/unidentified"}])
	r := unidentified_qipp.deny with input as plan
	r == {{
		"msg": "2017/18: unidentified QIPP is missing",
		"pointer": "/years/1/finance/qipp/unidentified",
	}}
}

# the rule applies in every round: it needs no threshold
test_fail_in_every_round if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2016/17"},
		{"op": "replace", "path": "/years/1/finance/qipp/unidentified", "value": 1},
	])
	r := unidentified_qipp.deny with input as plan
	r == {{
		"msg": "2017/18: QIPP savings of 1 are still to be identified (no named schemes)",
		"pointer": "/years/1/finance/qipp/unidentified",
		"expected": 0,
		"actual": 1,
	}}
}
