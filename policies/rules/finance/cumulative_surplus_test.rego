package planassure.rules.finance.cumulative_surplus_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.finance.cumulative_surplus

test_pass_fixture if {
	r := cumulative_surplus.deny with input as fixture.plan
	r == set()
}

# exact at the threshold: 2,521 of 252,100 meets 1%, 2,520 does not
test_pass_exactly_at_threshold if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/2/finance/funding/recurrent_programme", "value": 246600},
		{"op": "replace", "path": "/years/2/finance/surplus/cumulative_carried_forward", "value": 2521},
	])
	r := cumulative_surplus.deny with input as plan
	r == set()
}

test_fail_just_below_threshold if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/2/finance/funding/recurrent_programme", "value": 246600},
		{"op": "replace", "path": "/years/2/finance/surplus/cumulative_carried_forward", "value": 2520},
	])
	r := cumulative_surplus.deny with input as plan
	r == {{
		"msg": "2018/19: cumulative surplus carried forward 2520 is 0.99% of allocation 252100, below the 1% required (2521)",
		"pointer": "/years/2/finance/surplus/cumulative_carried_forward",
		"expected": 2521,
		"actual": 2520,
	}}
}

test_fail_below_one_percent if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/1/finance/surplus/cumulative_carried_forward",
		"value": 100,
	}])
	r := cumulative_surplus.deny with input as plan
	r == {{
		"msg": "2017/18: cumulative surplus carried forward 100 is 0.04% of allocation 245500, below the 1% required (2455)",
		"pointer": "/years/1/finance/surplus/cumulative_carried_forward",
		"expected": 2455,
		"actual": 100,
	}}
}

test_fail_agreed_deficit_is_warning if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/finance/surplus/cumulative_carried_forward", "value": -2000},
		{"op": "add", "path": "/years/1/finance/surplus/control_total", "value": -4900},
	])
	r := cumulative_surplus.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: cumulative surplus carried forward -2000 is -0.82% of allocation 245500,",
			"below the 1% required (2455) (agreed deficit control total -4900: the control-total rule governs)",
		]),
		"pointer": "/years/1/finance/surplus/cumulative_carried_forward",
		"expected": 2455,
		"actual": -2000,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/finance/surplus/cumulative_carried_forward"}])
	r := cumulative_surplus.deny with input as plan
	r == {{
		"msg": "2017/18: cumulative surplus carried forward is missing",
		"pointer": "/years/1/finance/surplus/cumulative_carried_forward",
	}}
}

test_fail_missing_allocation if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/2/finance/funding/running_cost"}])
	r := cumulative_surplus.deny with input as plan
	r == {{
		"msg": "2018/19: cumulative surplus cannot be assessed: allocation is missing or not positive",
		"pointer": "/years/2/finance/funding",
	}}
}

test_not_applicable_in_refresh if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2018/19"},
		{"op": "replace", "path": "/years/1/finance/surplus/cumulative_carried_forward", "value": 100},
	])
	r := cumulative_surplus.deny with input as plan
	r == set()
	n := cumulative_surplus.not_applicable with input as plan
	n == {"the round sets no cumulative surplus threshold (the CCG control total governs)"}
}

test_override_threshold_by_data if {
	r := cumulative_surplus.deny with input as fixture.plan
		with data.planassure.rounds as {"2017-19": {"cumulative_surplus_pct": 2}}
	count(r) == 2
}

# the gate: whole figures meeting the threshold are not looked at again (1% of 245,500 is 2,455)
test_pass_sound_years if {
	s := cumulative_surplus._sound with input as fixture.plan
	s == {1, 2}
	cumulative_surplus._unsound == {} with input as fixture.plan
}

# each way out of the gate leaves the year to the clauses above, which decide it exactly:
# [patch of 2017/18, findings]
test_fail_unsound_years_each_way if {
	cases := [
		[[{"op": "replace", "path": "/years/1/finance/surplus/cumulative_carried_forward", "value": 2454}], 1],
		[
			[
				{"op": "replace", "path": "/years/1/finance/surplus/cumulative_carried_forward", "value": 2454},
				{"op": "add", "path": "/years/1/finance/surplus/control_total", "value": -100},
			],
			1,
		],
		[[{"op": "replace", "path": "/years/1/finance/surplus/cumulative_carried_forward", "value": 2455.5}], 0],
		[[{"op": "remove", "path": "/years/1/finance/surplus/cumulative_carried_forward"}], 1],
		[[{"op": "replace", "path": "/years/1/finance/funding/recurrent_programme", "value": -5500}], 1],
	]
	every c in cases {
		plan := json.patch(fixture.plan, c[0])
		cumulative_surplus._sound == {2} with input as plan
		plan_years := {i | some i, year in plan.years; year.basis == "plan"}
		object.keys(cumulative_surplus._unsound) == plan_years - cumulative_surplus._sound with input as plan
		count(cumulative_surplus.deny) == c[1] with input as plan
	}
}
