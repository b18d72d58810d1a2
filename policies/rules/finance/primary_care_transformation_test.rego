package planassure.rules.finance.primary_care_transformation_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.finance.primary_care_transformation

# £3 a head of 200,000 is 600 (£000): the fixture invests 300 in each of its two plan years
test_pass_fixture if {
	r := primary_care_transformation.deny with input as fixture.plan
	r == set()
}

test_fail_just_below if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/2/finance/primary_care_transformation",
		"value": 299,
	}])
	r := primary_care_transformation.deny with input as plan
	r == {{
		"msg": "2017/18 to 2018/19: primary care transformation investment 599 is below £3 a head of population 200000 (600)",
		"pointer": "/years/1/finance/primary_care_transformation",
		"expected": 600,
		"actual": 599,
	}}
}

# compared exactly: 600 (£000) is short of £3 a head of 200,001 (600.003)
test_fail_exact_comparison if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/organisation/population", "value": 200001}])
	r := primary_care_transformation.deny with input as plan
	r == {{
		"msg": concat("", [
			"2017/18 to 2018/19: primary care transformation investment 600 is below £3 a head of population 200001 ",
			"(600.003)",
		]),
		"pointer": "/years/1/finance/primary_care_transformation",
		"expected": 600.003,
		"actual": 600,
	}}
}

# the investment counts over the plan years together, however it is phased
test_pass_phased_into_one_year if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/finance/primary_care_transformation", "value": 0},
		{"op": "replace", "path": "/years/2/finance/primary_care_transformation", "value": 600},
	])
	r := primary_care_transformation.deny with input as plan
	r == set()
}

# only plan years count: a refresh plan with one plan year must hold the whole sum in it
test_fail_one_plan_year if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2018/19"},
		{"op": "replace", "path": "/years/1/basis", "value": "forecast_outturn"},
	])
	r := primary_care_transformation.deny with input as plan
	r == {{
		"msg": "2018/19: primary care transformation investment 300 is below £3 a head of population 200000 (600)",
		"pointer": "/years/2/finance/primary_care_transformation",
		"expected": 600,
		"actual": 300,
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/2/finance/primary_care_transformation"}])
	r := primary_care_transformation.deny with input as plan
	r == {{
		"msg": "2018/19: primary care transformation investment is missing",
		"pointer": "/years/2/finance/primary_care_transformation",
	}}
}

test_fail_missing_population if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/organisation/population"}])
	r := primary_care_transformation.deny with input as plan
	r == {{
		"msg": "2017/18 to 2018/19: primary care transformation cannot be assessed: population is missing or not positive",
		"pointer": "/organisation/population",
	}}
}

test_pass_not_applicable_in_2016_17 if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2016/17"},
		{"op": "replace", "path": "/years/1/finance/primary_care_transformation", "value": 0},
	])
	r := primary_care_transformation.deny with input as plan
	r == set()
	n := primary_care_transformation.not_applicable with input as plan
	n == {"the round sets no GP Forward View investment per head"}
}

# the gate: figures meeting the threshold, at the threshold too (£3 a head of 200,000 is 600),
# are not looked at again
test_pass_sound if {
	primary_care_transformation._sound with input as fixture.plan
}

# each way out of the gate leaves the plan to the clauses above: [patch, findings]
test_fail_unsound_each_way if {
	cases := [
		[[{"op": "replace", "path": "/years/1/finance/primary_care_transformation", "value": 299}], 1],
		[[{"op": "replace", "path": "/years/1/finance/primary_care_transformation", "value": "300"}], 1],
		[[{"op": "remove", "path": "/years/2/finance/primary_care_transformation"}], 1],
		[[{"op": "remove", "path": "/organisation/population"}], 1],
		[[{"op": "replace", "path": "/organisation/population", "value": 0}], 1],
	]
	every c in cases {
		plan := json.patch(fixture.plan, c[0])
		not primary_care_transformation._sound with input as plan
		count(primary_care_transformation.deny) == c[1] with input as plan
	}
}

# a threshold that is not a whole number leaves the plan to the clauses above
test_fail_unsound_decimal_threshold if {
	not primary_care_transformation._sound with input as fixture.plan
		with data.planassure.rounds as {"2017-19": {"gp_forward_view_per_head": 2.5}}
	r := primary_care_transformation.deny with input as fixture.plan
		with data.planassure.rounds as {"2017-19": {"gp_forward_view_per_head": 2.5}}
	r == set()
}
