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

# the gate: whole figures meeting the threshold are not looked at again; 0.5% of 245,500 is
# 1,227.5 (the line itself is not whole)
test_pass_sound_years if {
	s := contingency._sound with input as fixture.plan
	s == {1, 2}
	contingency._unsound == {} with input as fixture.plan
}

# each way out of the gate leaves the year to the clauses above, which decide it exactly:
# [patch of 2017/18, findings]
test_fail_unsound_years_each_way if {
	cases := [
		[[{"op": "replace", "path": "/years/1/finance/reserves/contingency", "value": 1227}], 1],
		[[{"op": "replace", "path": "/years/1/finance/reserves/contingency", "value": 1227.5}], 0],
		[[{"op": "replace", "path": "/years/1/finance/reserves/contingency", "value": 1227.4}], 1],
		[[{"op": "replace", "path": "/years/1/finance/reserves/contingency", "value": "1300"}], 1],
		[[{"op": "remove", "path": "/years/1/finance/reserves/contingency"}], 1],
		[[{"op": "replace", "path": "/years/1/finance/funding/running_cost", "value": 4500.5}], 0],
		[[{"op": "replace", "path": "/years/1/finance/funding/recurrent_programme", "value": -5500}], 1],
	]
	every c in cases {
		plan := json.patch(fixture.plan, c[0])
		contingency._sound == {2} with input as plan
		plan_years := {i | some i, year in plan.years; year.basis == "plan"}
		object.keys(contingency._unsound) == plan_years - contingency._sound with input as plan
		count(contingency.deny) == c[1] with input as plan
	}
}

# a threshold of more than two decimal places leaves every year to the clauses above
test_fail_unsound_three_decimal_places if {
	s := contingency._sound with input as fixture.plan with data.planassure.rounds as _three_decimal_places
	s == set()
	r := contingency.deny with input as fixture.plan with data.planassure.rounds as _three_decimal_places
	r == set()
}

_three_decimal_places := {"2017-19": {"contingency_pct": 0.505}}
