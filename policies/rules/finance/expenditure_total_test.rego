package planassure.rules.finance.expenditure_total_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.finance.expenditure_total

test_pass_fixture if {
	r := expenditure_total.deny with input as fixture.plan
	r == set()
}

# 2018/19: 136,500 + 25,200 + 26,000 + 16,500 + 37,000 + 9,500 + 4,400 = 255,100
test_pass_within_tolerance if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/2/finance/expenditure/total", "value": 255099}])
	r := expenditure_total.deny with input as plan
	r == set()
}

test_fail_beyond_tolerance if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/2/finance/expenditure/total", "value": 255102}])
	r := expenditure_total.deny with input as plan
	r == {{
		"msg": "2018/19: total expenditure 255102 is not the sum of its seven lines, 255100 (tolerance 1)",
		"pointer": "/years/2/finance/expenditure/total",
		"expected": 255100,
		"actual": 255102,
	}}
}

# running costs are one of the seven lines
test_fail_running_costs_left_out if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/expenditure/total", "value": 245100}])
	r := expenditure_total.deny with input as plan
	r == {{
		"msg": "2017/18: total expenditure 245100 is not the sum of its seven lines, 249500 (tolerance 1)",
		"pointer": "/years/1/finance/expenditure/total",
		"expected": 249500,
		"actual": 245100,
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/finance/expenditure/total"}])
	r := expenditure_total.deny with input as plan
	r == {{
		"msg": "2017/18: total expenditure is missing",
		"pointer": "/years/1/finance/expenditure/total",
	}}
}

test_fail_missing_line if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/2/finance/expenditure/continuing_healthcare"}])
	r := expenditure_total.deny with input as plan
	r == {{
		"msg": "2018/19: continuing healthcare expenditure is missing",
		"pointer": "/years/2/finance/expenditure/continuing_healthcare",
	}}
}

test_pass_not_applicable_without_tolerance if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "replace", "path": "/years/1/finance/expenditure/total", "value": 0},
	])
	r := expenditure_total.deny with input as plan with data.planassure.rounds as {"2019/20": {}}
	r == set()
	n := expenditure_total.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {}}
	n == {"the round sets no arithmetic tolerance"}
}

# the gate: whole lines adding up to the total within the tolerance are not looked at again
test_pass_sound_years if {
	s := expenditure_total._sound with input as fixture.plan
	s == {1, 2}
	expenditure_total._unsound == {} with input as fixture.plan
}

# each way out of the gate leaves the year to the clauses above, which decide it exactly:
# [patch of 2017/18, findings]
test_fail_unsound_years_each_way if {
	cases := [
		[[{"op": "replace", "path": "/years/1/finance/expenditure/total", "value": 249502}], 1],
		[[{"op": "replace", "path": "/years/1/finance/expenditure/acute", "value": 134000.5}], 0],
		[[{"op": "replace", "path": "/years/1/finance/expenditure/acute", "value": 134001.5}], 1],
		[[{"op": "replace", "path": "/years/1/finance/expenditure/total", "value": 249500.5}], 0],
		[[{"op": "replace", "path": "/years/1/finance/expenditure/acute", "value": "134000"}], 1],
		[[{"op": "remove", "path": "/years/1/finance/expenditure/acute"}], 1],
	]
	every c in cases {
		plan := json.patch(fixture.plan, c[0])
		expenditure_total._sound == {2} with input as plan
		plan_years := {i | some i, year in plan.years; year.basis == "plan"}
		object.keys(expenditure_total._unsound) == plan_years - expenditure_total._sound with input as plan
		count(expenditure_total.deny) == c[1] with input as plan
	}
}

# a tolerance that is not a whole number leaves every year to the clauses above
test_fail_unsound_decimal_tolerance if {
	s := expenditure_total._sound with input as fixture.plan with data.planassure.rounds as {"2017-19": {"tolerance": 0.5}}
	s == set()
	r := expenditure_total.deny with input as fixture.plan with data.planassure.rounds as {"2017-19": {"tolerance": 0.5}}
	r == set()
}
