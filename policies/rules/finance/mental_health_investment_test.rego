package planassure.rules.finance.mental_health_investment_test

import data.planassure.lib.current_fixture_test as current
import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.finance.mental_health_investment

test_pass_fixture if {
	r := mental_health_investment.deny with input as fixture.plan
	r == set()
}

# 2017/18: the allocation grows 235,000 to 240,000; spend of 24,511 keeps pace, 24,510 does not
test_pass_exactly_keeps_pace if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/1/finance/expenditure/mental_health",
		"value": 24511,
	}])
	r := mental_health_investment.deny with input as plan
	r == set()
}

test_fail_just_below_allocation_growth if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/1/finance/expenditure/mental_health",
		"value": 24510,
	}])
	r := mental_health_investment.deny with input as plan
	r == {{
		"msg": concat("", [
			"2017/18: mental health spend grows 2.12% (24000 to 24510), ",
			"below the recurrent allocation's 2.13% (235000 to 240000)",
		]),
		"pointer": "/years/1/finance/expenditure/mental_health",
		"expected": 2.13,
		"actual": 2.12,
	}}
}

# the second plan year is measured against the first
test_fail_spend_cut if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/2/finance/expenditure/mental_health",
		"value": 24000,
	}])
	r := mental_health_investment.deny with input as plan
	r == {{
		"msg": concat("", [
			"2018/19: mental health spend grows -2.44% (24600 to 24000), ",
			"below the recurrent allocation's 2.09% (240000 to 245000)",
		]),
		"pointer": "/years/2/finance/expenditure/mental_health",
		"expected": 2.09,
		"actual": -2.44,
	}}
}

# a missing plan-year figure is reported once, though both plan years need it
test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/finance/expenditure/mental_health"}])
	r := mental_health_investment.deny with input as plan
	r == {{
		"msg": "2017/18: mental health spend is missing",
		"pointer": "/years/1/finance/expenditure/mental_health",
	}}
}

test_fail_missing_baseline_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/0/finance/funding/recurrent_programme"}])
	r := mental_health_investment.deny with input as plan
	r == {{
		"msg": "2016/17: recurrent programme allocation is missing",
		"pointer": "/years/0/finance/funding/recurrent_programme",
	}}
}

test_fail_baseline_not_positive if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/0/finance/expenditure/mental_health", "value": 0}])
	r := mental_health_investment.deny with input as plan
	r == {{
		"msg": "2017/18: mental health investment cannot be assessed: mental health spend 0 in 2016/17 is not positive",
		"pointer": "/years/0/finance/expenditure/mental_health",
	}}
}

test_fail_no_baseline_year if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/0"}])
	r := mental_health_investment.deny with input as plan
	r == {{
		"msg": "2017/18: mental health investment cannot be assessed: there is no previous year",
		"pointer": "/years/0",
	}}
}

test_pass_not_applicable_when_round_drops_standard if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/2/finance/expenditure/mental_health", "value": 1}])
	r := mental_health_investment.deny with input as plan
		with data.planassure.rounds as {"2017-19": {"mental_health_investment": false}}
	r == set()
	n := mental_health_investment.not_applicable with input as plan
		with data.planassure.rounds as {"2017-19": {"mental_health_investment": false}}
	n == {"the round does not set the Mental Health Investment Standard"}
}

test_not_applicable_in_2026_29_names_why if {
	n := mental_health_investment.not_applicable with input as current.icb
	n == {concat(" ", [
		"the MTPF does not restate the Mental Health Investment Standard",
		"(a redefinition as inflation-only is reported, without a figure)",
	])}
}

test_pass_icb_in_2025_26 if {
	mental_health_investment.deny == set() with input as current.icb_2025
}

# the gate: whole figures whose spend keeps pace are not looked at again
test_pass_sound_years if {
	s := mental_health_investment._sound with input as fixture.plan
	s == {1, 2}
	mental_health_investment._unsound == {} with input as fixture.plan
}

# each way out of the gate leaves the year to the clauses above: [patch, sound years, findings]
test_fail_unsound_years_each_way if {
	cases := [
		[[{"op": "replace", "path": "/years/1/finance/expenditure/mental_health", "value": 24510}], {2}, 1],
		[[{"op": "replace", "path": "/years/1/finance/expenditure/mental_health", "value": 24600.5}], set(), 0],
		[[{"op": "replace", "path": "/years/1/finance/funding/recurrent_programme", "value": "240000"}], set(), 1],
		[[{"op": "replace", "path": "/years/0/finance/expenditure/mental_health", "value": 0}], {2}, 1],
		[[{"op": "remove", "path": "/years/0/finance/funding/recurrent_programme"}], {2}, 1],
		[[{"op": "remove", "path": "/years/0"}], {1}, 1],
	]
	every c in cases {
		plan := json.patch(fixture.plan, c[0])
		mental_health_investment._sound == c[1] with input as plan
		plan_years := {i | some i, year in plan.years; year.basis == "plan"}
		object.keys(mental_health_investment._unsound) == plan_years - mental_health_investment._sound with input as plan
		count(mental_health_investment.deny) == c[2] with input as plan
	}
}
