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
