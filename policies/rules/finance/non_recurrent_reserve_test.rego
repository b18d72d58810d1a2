package planassure.rules.finance.non_recurrent_reserve_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.finance.non_recurrent_reserve

test_pass_fixture if {
	r := non_recurrent_reserve.deny with input as fixture.plan
	r == set()
}

# exact at the threshold: 2,455 of 245,500 meets 1%, 2,454 does not
test_pass_exactly_at_threshold if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/reserves/non_recurrent", "value": 2455}])
	r := non_recurrent_reserve.deny with input as plan
	r == set()
}

test_fail_just_below_threshold if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/reserves/non_recurrent", "value": 2454}])
	r := non_recurrent_reserve.deny with input as plan
	r == {{
		"msg": "2017/18: non-recurrent reserve 2454 is 0.99% of allocation 245500, below the 1% required (2455)",
		"pointer": "/years/1/finance/reserves/non_recurrent",
		"expected": 2455,
		"actual": 2454,
	}}
}

test_fail_no_reserve if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/2/finance/reserves/non_recurrent", "value": 0}])
	r := non_recurrent_reserve.deny with input as plan
	r == {{
		"msg": "2018/19: non-recurrent reserve 0 is 0% of allocation 250500, below the 1% required (2505)",
		"pointer": "/years/2/finance/reserves/non_recurrent",
		"expected": 2505,
		"actual": 0,
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/finance/reserves/non_recurrent"}])
	r := non_recurrent_reserve.deny with input as plan
	r == {{
		"msg": "2017/18: non-recurrent reserve is missing",
		"pointer": "/years/1/finance/reserves/non_recurrent",
	}}
}

test_fail_figure_not_a_number if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/1/finance/reserves/non_recurrent",
		"value": "2500",
	}])
	r := non_recurrent_reserve.deny with input as plan
	r == {{
		"msg": "2017/18: non-recurrent reserve is missing",
		"pointer": "/years/1/finance/reserves/non_recurrent",
	}}
}

test_fail_missing_allocation if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/2/finance/funding/running_cost"}])
	r := non_recurrent_reserve.deny with input as plan
	r == {{
		"msg": "2018/19: non-recurrent reserve cannot be assessed: allocation is missing or not positive",
		"pointer": "/years/2/finance/funding",
	}}
}

test_pass_not_applicable_in_refresh if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2018/19"},
		{"op": "replace", "path": "/years/1/finance/reserves/non_recurrent", "value": 0},
	])
	r := non_recurrent_reserve.deny with input as plan
	r == set()
	n := non_recurrent_reserve.not_applicable with input as plan
	n == {"the round sets no non-recurrent reserve threshold (lifted in the refresh)"}
}

test_pass_applies_in_2017_19 if {
	n := non_recurrent_reserve.not_applicable with input as fixture.plan
	n == set()
}

# the gate: whole figures meeting the threshold are not looked at again, at the line too
# (1% of 245,500 is 2,455)
test_pass_sound_years if {
	s := non_recurrent_reserve._sound with input as fixture.plan
	s == {1, 2}
	non_recurrent_reserve._unsound == {} with input as fixture.plan
	at := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/reserves/non_recurrent", "value": 2455}])
	non_recurrent_reserve._sound == {1, 2} with input as at
}

# each way out of the gate leaves the year to the clauses above, which decide it exactly:
# [patch of 2017/18, findings]
test_fail_unsound_years_each_way if {
	cases := [
		[[{"op": "replace", "path": "/years/1/finance/reserves/non_recurrent", "value": 2454}], 1],
		[[{"op": "replace", "path": "/years/1/finance/reserves/non_recurrent", "value": 2454.5}], 1],
		[[{"op": "replace", "path": "/years/1/finance/reserves/non_recurrent", "value": 2455.5}], 0],
		[[{"op": "remove", "path": "/years/1/finance/reserves/non_recurrent"}], 1],
		[[{"op": "remove", "path": "/years/1/finance/funding/running_cost"}], 1],
	]
	every c in cases {
		plan := json.patch(fixture.plan, c[0])
		non_recurrent_reserve._sound == {2} with input as plan
		plan_years := {i | some i, year in plan.years; year.basis == "plan"}
		object.keys(non_recurrent_reserve._unsound) == plan_years - non_recurrent_reserve._sound with input as plan
		count(non_recurrent_reserve.deny) == c[1] with input as plan
	}
}
