package planassure.rules.finance.cumulative_chain_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.finance.cumulative_chain

test_pass_fixture if {
	r := cumulative_chain.deny with input as fixture.plan
	r == set()
}

# 2018/19: 2,900 brought forward + 0 in year - 300 returned = 2,600 carried forward
test_pass_within_tolerance if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/2/finance/surplus/cumulative_carried_forward",
		"value": 2601,
	}])
	r := cumulative_chain.deny with input as plan
	r == set()
}

test_fail_carried_forward_beyond_tolerance if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/2/finance/surplus/cumulative_carried_forward",
		"value": 2602,
	}])
	r := cumulative_chain.deny with input as plan
	r == {{
		"msg": concat("", [
			"2018/19: cumulative surplus carried forward 2602 is not 2600 (brought forward 2900 plus ",
			"in-year surplus 0 less return of excess surplus 300) (tolerance 1)",
		]),
		"pointer": "/years/2/finance/surplus/cumulative_carried_forward",
		"expected": 2600,
		"actual": 2602,
	}}
}

# the surplus returned leaves the cumulative surplus
test_fail_return_not_deducted if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/2/finance/surplus/cumulative_carried_forward",
		"value": 2900,
	}])
	r := cumulative_chain.deny with input as plan
	r == {{
		"msg": concat("", [
			"2018/19: cumulative surplus carried forward 2900 is not 2600 (brought forward 2900 plus ",
			"in-year surplus 0 less return of excess surplus 300) (tolerance 1)",
		]),
		"pointer": "/years/2/finance/surplus/cumulative_carried_forward",
		"expected": 2600,
		"actual": 2900,
	}}
}

# the first plan year brings forward what the baseline year carries forward
test_fail_brought_forward_breaks_chain if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/0/finance/surplus/cumulative_carried_forward",
		"value": 3500,
	}])
	r := cumulative_chain.deny with input as plan
	r == {{
		"msg": "2017/18: cumulative surplus brought forward 3400 is not 2016/17's carried forward 3500 (tolerance 1)",
		"pointer": "/years/1/finance/surplus/cumulative_brought_forward",
		"expected": 3500,
		"actual": 3400,
	}}
}

test_pass_chain_within_tolerance if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/0/finance/surplus/cumulative_carried_forward",
		"value": 3401,
	}])
	r := cumulative_chain.deny with input as plan
	r == set()
}

# a carried-forward figure both years need is reported once
test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/finance/surplus/cumulative_carried_forward"}])
	r := cumulative_chain.deny with input as plan
	r == {{
		"msg": "2017/18: cumulative surplus carried forward is missing",
		"pointer": "/years/1/finance/surplus/cumulative_carried_forward",
	}}
}

test_fail_missing_baseline_carried_forward if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/0/finance/surplus/cumulative_carried_forward"}])
	r := cumulative_chain.deny with input as plan
	r == {{
		"msg": "2016/17: cumulative surplus carried forward is missing",
		"pointer": "/years/0/finance/surplus/cumulative_carried_forward",
	}}
}

test_fail_missing_return_of_surplus if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/2/finance/funding/return_of_excess_surplus"}])
	r := cumulative_chain.deny with input as plan
	r == {{
		"msg": "2018/19: return of excess surplus is missing",
		"pointer": "/years/2/finance/funding/return_of_excess_surplus",
	}}
}

test_fail_no_baseline_year if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/0"}])
	r := cumulative_chain.deny with input as plan
	r == {{
		"msg": "2017/18: cumulative surplus brought forward cannot be checked: there is no previous year",
		"pointer": "/years/0/finance/surplus/cumulative_brought_forward",
	}}
}

test_pass_not_applicable_without_tolerance if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "replace", "path": "/years/2/finance/surplus/cumulative_carried_forward", "value": 0},
	])
	r := cumulative_chain.deny with input as plan with data.planassure.rounds as {"2019/20": {}}
	r == set()
	n := cumulative_chain.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {}}
	n == {"the round sets no arithmetic tolerance"}
}

# the gate: whole figures that chain within the tolerance are not looked at again
test_pass_sound_years if {
	s := cumulative_chain._sound with input as fixture.plan
	s == {1, 2}
	cumulative_chain._unsound == {} with input as fixture.plan
}

# each way out of the gate leaves the year to the clauses above, which decide it exactly:
# [patch, the sound years, findings]
test_fail_unsound_years_each_way if {
	cases := [
		[[{"op": "replace", "path": "/years/2/finance/surplus/cumulative_carried_forward", "value": 2602}], {1}, 1],
		[
			[
				{"op": "replace", "path": "/years/2/finance/surplus/in_year", "value": 0.5},
				{"op": "replace", "path": "/years/2/finance/surplus/cumulative_carried_forward", "value": 2600.5},
			],
			{1}, 0,
		],
		[[{"op": "replace", "path": "/years/2/finance/surplus/in_year", "value": 1.5}], {1}, 1],
		[[{"op": "replace", "path": "/years/2/finance/funding/return_of_excess_surplus", "value": "300"}], {1}, 1],
		[[{"op": "remove", "path": "/years/2/finance/surplus/in_year"}], {1}, 1],
		# the year before's carried forward: 2017/18's own check, and 2018/19's brought forward
		[[{"op": "replace", "path": "/years/1/finance/surplus/cumulative_carried_forward", "value": 2902}], set(), 2],
		[[{"op": "replace", "path": "/years/1/finance/surplus/cumulative_carried_forward", "value": 2900.5}], set(), 0],
		[[{"op": "remove", "path": "/years/0/finance/surplus/cumulative_carried_forward"}], {2}, 1],
		# no year before
		[[{"op": "remove", "path": "/years/0"}], {1}, 1],
	]
	every c in cases {
		plan := json.patch(fixture.plan, c[0])
		cumulative_chain._sound == c[1] with input as plan
		plan_years := {i | some i, year in plan.years; year.basis == "plan"}
		object.keys(cumulative_chain._unsound) == plan_years - cumulative_chain._sound with input as plan
		count(cumulative_chain.deny) == c[2] with input as plan
	}
}

# a tolerance that is not a whole number leaves every year to the clauses above
test_fail_unsound_decimal_tolerance if {
	s := cumulative_chain._sound with input as fixture.plan with data.planassure.rounds as {"2017-19": {"tolerance": 0.5}}
	s == set()
	r := cumulative_chain.deny with input as fixture.plan with data.planassure.rounds as {"2017-19": {"tolerance": 0.5}}
	r == set()
}
