package planassure.rules.finance.funding_total_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.finance.funding_total

test_pass_fixture if {
	r := funding_total.deny with input as fixture.plan
	r == set()
}

# 2017/18: 240,000 + 1,000 + 500 + 4,500 = 246,000
test_pass_within_tolerance if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/funding/total", "value": 246001}])
	r := funding_total.deny with input as plan
	r == set()
}

test_fail_beyond_tolerance if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/funding/total", "value": 246002}])
	r := funding_total.deny with input as plan
	r == {{
		"msg": "2017/18: total funding 246002 is not the sum of its four lines, 246000 (tolerance 1)",
		"pointer": "/years/1/finance/funding/total",
		"expected": 246000,
		"actual": 246002,
	}}
}

# the return of excess surplus is one of the four lines
test_fail_return_of_surplus_left_out if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/2/finance/funding/return_of_excess_surplus",
		"value": 1300,
	}])
	r := funding_total.deny with input as plan
	r == {{
		"msg": "2018/19: total funding 250800 is not the sum of its four lines, 251800 (tolerance 1)",
		"pointer": "/years/2/finance/funding/total",
		"expected": 251800,
		"actual": 250800,
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/finance/funding/total"}])
	r := funding_total.deny with input as plan
	r == {{
		"msg": "2017/18: total funding is missing",
		"pointer": "/years/1/finance/funding/total",
	}}
}

test_fail_missing_line if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/2/finance/funding/non_recurrent_programme"}])
	r := funding_total.deny with input as plan
	r == {{
		"msg": "2018/19: non-recurrent programme allocation is missing",
		"pointer": "/years/2/finance/funding/non_recurrent_programme",
	}}
}

# the tolerance is the round's: a user may widen it by data
test_pass_tolerance_from_round if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/funding/total", "value": 246005}])
	r := funding_total.deny with input as plan with data.planassure.rounds as {"2017-19": {"tolerance": 5}}
	r == set()
}

test_pass_not_applicable_without_tolerance if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "replace", "path": "/years/1/finance/funding/total", "value": 0},
	])
	r := funding_total.deny with input as plan with data.planassure.rounds as {"2019/20": {}}
	r == set()
	n := funding_total.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {}}
	n == {"the round sets no arithmetic tolerance"}
}

test_pass_applies_in_every_built_in_round if {
	every round in ["2016/17", "2017-19", "2018/19"] {
		plan := json.patch(fixture.plan, [{"op": "replace", "path": "/submission/round", "value": round}])
		n := funding_total.not_applicable with input as plan
		n == set()
	}
}

# the gate: whole lines adding up to the total within the tolerance are not looked at again
test_pass_sound_years if {
	s := funding_total._sound with input as fixture.plan
	s == {1, 2}
	funding_total._unsound == {} with input as fixture.plan
}

# each way out of the gate leaves the year to the clauses above, which decide it exactly:
# [patch of 2017/18, findings]
test_fail_unsound_years_each_way if {
	cases := [
		[[{"op": "replace", "path": "/years/1/finance/funding/total", "value": 246002}], 1],
		[[{"op": "replace", "path": "/years/1/finance/funding/running_cost", "value": 4500.5}], 0],
		[[{"op": "replace", "path": "/years/1/finance/funding/running_cost", "value": 4501.5}], 1],
		[[{"op": "replace", "path": "/years/1/finance/funding/total", "value": 246000.5}], 0],
		[[{"op": "replace", "path": "/years/1/finance/funding/running_cost", "value": "4500"}], 1],
		[[{"op": "remove", "path": "/years/1/finance/funding/running_cost"}], 1],
	]
	every c in cases {
		plan := json.patch(fixture.plan, c[0])
		funding_total._sound == {2} with input as plan
		plan_years := {i | some i, year in plan.years; year.basis == "plan"}
		object.keys(funding_total._unsound) == plan_years - funding_total._sound with input as plan
		count(funding_total.deny) == c[1] with input as plan
	}
}

# a tolerance that is not a whole number leaves every year to the clauses above
test_fail_unsound_decimal_tolerance if {
	s := funding_total._sound with input as fixture.plan with data.planassure.rounds as {"2017-19": {"tolerance": 0.5}}
	s == set()
	r := funding_total.deny with input as fixture.plan with data.planassure.rounds as {"2017-19": {"tolerance": 0.5}}
	r == set()
}
