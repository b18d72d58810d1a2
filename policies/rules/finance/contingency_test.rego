package planassure.rules.finance.contingency_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.finance.contingency

test_pass_fixture if {
	r := contingency.deny with input as fixture.plan
	r == set()
}

# exact at the threshold: 0.5% of 245,500 is 1,227.5, so 1,228 meets it and 1,227 does not
test_pass_just_above_threshold if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/reserves/contingency", "value": 1228}])
	r := contingency.deny with input as plan
	r == set()
}

test_fail_just_below_threshold if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/reserves/contingency", "value": 1227}])
	r := contingency.deny with input as plan
	r == {{
		"msg": "2017/18: contingency 1227 is 0.49% of allocation 245500, below the 0.5% required (1227.5)",
		"pointer": "/years/1/finance/reserves/contingency",
		"expected": 1227.5,
		"actual": 1227,
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/2/finance/reserves/contingency"}])
	r := contingency.deny with input as plan
	r == {{
		"msg": "2018/19: contingency is missing",
		"pointer": "/years/2/finance/reserves/contingency",
	}}
}

test_fail_missing_allocation if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/1/finance/funding/recurrent_programme",
		"value": null,
	}])
	r := contingency.deny with input as plan
	r == {{
		"msg": "2017/18: contingency cannot be assessed: allocation is missing or not positive",
		"pointer": "/years/1/finance/funding",
	}}
}

test_pass_kept_in_refresh if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/submission/round", "value": "2018/19"}])
	r := contingency.deny with input as plan
	r == set()
	n := contingency.not_applicable with input as plan
	n == set()
}

# every built-in round sets a contingency; a user round without one makes the rule not apply
test_pass_not_applicable_without_threshold if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "replace", "path": "/years/1/finance/reserves/contingency", "value": 0},
	])
	r := contingency.deny with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	r == set()
	n := contingency.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	n == {"the round sets no contingency threshold"}
}
