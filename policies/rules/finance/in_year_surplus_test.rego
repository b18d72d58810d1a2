package planassure.rules.finance.in_year_surplus_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.finance.in_year_surplus

test_pass_fixture if {
	r := in_year_surplus.deny with input as fixture.plan
	r == set()
}

# 2017/18: 246,000 - 249,500 + 3,500 = 0
test_pass_within_tolerance if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/surplus/in_year", "value": -1}])
	r := in_year_surplus.deny with input as plan
	r == set()
}

test_fail_beyond_tolerance if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/surplus/in_year", "value": 2}])
	r := in_year_surplus.deny with input as plan
	r == {{
		"msg": "2017/18: in-year surplus 2 is not funding 246000 less expenditure 249500 plus QIPP 3500, 0 (tolerance 1)",
		"pointer": "/years/1/finance/surplus/in_year",
		"expected": 0,
		"actual": 2,
	}}
}

# unidentified savings count towards the surplus after savings
test_fail_unidentified_qipp_left_out if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/2/finance/qipp/unidentified", "value": 1000}])
	r := in_year_surplus.deny with input as plan
	r == {{
		"msg": "2018/19: in-year surplus 0 is not funding 250800 less expenditure 255100 plus QIPP 5300, 1000 (tolerance 1)",
		"pointer": "/years/2/finance/surplus/in_year",
		"expected": 1000,
		"actual": 0,
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/finance/surplus/in_year"}])
	r := in_year_surplus.deny with input as plan
	r == {{
		"msg": "2017/18: in-year surplus is missing",
		"pointer": "/years/1/finance/surplus/in_year",
	}}
}

test_fail_missing_total if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/2/finance/expenditure/total", "value": null}])
	r := in_year_surplus.deny with input as plan
	r == {{
		"msg": "2018/19: total expenditure is missing",
		"pointer": "/years/2/finance/expenditure/total",
	}}
}

test_pass_not_applicable_without_tolerance if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "replace", "path": "/years/1/finance/surplus/in_year", "value": 900},
	])
	r := in_year_surplus.deny with input as plan with data.planassure.rounds as {"2019/20": {}}
	r == set()
	n := in_year_surplus.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {}}
	n == {"the round sets no arithmetic tolerance"}
}

# the gate: whole figures that add up within the tolerance are not looked at again
test_pass_sound_years if {
	s := in_year_surplus._sound with input as fixture.plan
	s == {1, 2}
	in_year_surplus._unsound == {} with input as fixture.plan
}

# each way out of the gate leaves the year to the clauses above, which decide it exactly:
# [patch of 2017/18, findings]
test_fail_unsound_years_each_way if {
	cases := [
		[[{"op": "replace", "path": "/years/1/finance/surplus/in_year", "value": 2}], 1],
		[[{"op": "replace", "path": "/years/1/finance/qipp/unidentified", "value": 0.5}], 0],
		[[{"op": "replace", "path": "/years/1/finance/qipp/unidentified", "value": 1.5}], 1],
		[[{"op": "replace", "path": "/years/1/finance/surplus/in_year", "value": -0.5}], 0],
		[[{"op": "replace", "path": "/years/1/finance/qipp/identified", "value": "3500"}], 1],
		[[{"op": "remove", "path": "/years/1/finance/qipp/identified"}], 1],
	]
	every c in cases {
		plan := json.patch(fixture.plan, c[0])
		in_year_surplus._sound == {2} with input as plan
		plan_years := {i | some i, year in plan.years; year.basis == "plan"}
		object.keys(in_year_surplus._unsound) == plan_years - in_year_surplus._sound with input as plan
		count(in_year_surplus.deny) == c[1] with input as plan
	}
}

# a tolerance that is not a whole number leaves every year to the clauses above
test_fail_unsound_decimal_tolerance if {
	s := in_year_surplus._sound with input as fixture.plan with data.planassure.rounds as {"2017-19": {"tolerance": 0.5}}
	s == set()
	r := in_year_surplus.deny with input as fixture.plan with data.planassure.rounds as {"2017-19": {"tolerance": 0.5}}
	r == set()
}
