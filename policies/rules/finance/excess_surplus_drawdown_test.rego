package planassure.rules.finance.excess_surplus_drawdown_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.finance.excess_surplus_drawdown

test_pass_fixture if {
	r := excess_surplus_drawdown.deny with input as fixture.plan
	r == set()
}

# 2017/18: 3,400 brought forward less 1% of 245,500 (2,455) leaves 945 that may be drawn down
test_pass_exactly_at_limit if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/1/finance/funding/return_of_excess_surplus",
		"value": 945,
	}])
	r := excess_surplus_drawdown.deny with input as plan
	r == set()
}

test_fail_just_above_limit if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/1/finance/funding/return_of_excess_surplus",
		"value": 946,
	}])
	r := excess_surplus_drawdown.deny with input as plan
	r == {{
		"msg": concat("", [
			"2017/18: return of excess surplus 946 exceeds the 945 that may be drawn down ",
			"(brought forward 3400 less 1% of allocation 245500, 2455)",
		]),
		"pointer": "/years/1/finance/funding/return_of_excess_surplus",
		"expected": 945,
		"actual": 946,
	}}
}

# a surplus brought forward below the line leaves nothing to draw down
test_fail_no_excess_to_draw if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/2/finance/surplus/cumulative_brought_forward",
		"value": 2400,
	}])
	r := excess_surplus_drawdown.deny with input as plan
	r == {{
		"msg": concat("", [
			"2018/19: return of excess surplus 300 exceeds the -105 that may be drawn down ",
			"(brought forward 2400 less 1% of allocation 250500, 2505)",
		]),
		"pointer": "/years/2/finance/funding/return_of_excess_surplus",
		"expected": -105,
		"actual": 300,
	}}
}

# no drawdown, nothing to check: a surplus below the line is the cumulative-surplus rule's concern
test_pass_no_drawdown if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/2/finance/funding/return_of_excess_surplus", "value": 0},
		{"op": "replace", "path": "/years/2/finance/surplus/cumulative_brought_forward", "value": 1000},
	])
	r := excess_surplus_drawdown.deny with input as plan
	r == set()
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/finance/funding/return_of_excess_surplus"}])
	r := excess_surplus_drawdown.deny with input as plan
	r == {{
		"msg": "2017/18: return of excess surplus is missing",
		"pointer": "/years/1/finance/funding/return_of_excess_surplus",
	}}
}

test_fail_missing_brought_forward if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/finance/surplus/cumulative_brought_forward"}])
	r := excess_surplus_drawdown.deny with input as plan
	r == {{
		"msg": "2017/18: cumulative surplus brought forward is missing",
		"pointer": "/years/1/finance/surplus/cumulative_brought_forward",
	}}
}

# the surplus brought forward is only needed where the year draws down
test_pass_brought_forward_not_needed_without_drawdown if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/finance/funding/return_of_excess_surplus", "value": 0},
		{"op": "remove", "path": "/years/1/finance/surplus/cumulative_brought_forward"},
	])
	r := excess_surplus_drawdown.deny with input as plan
	r == set()
}

test_fail_missing_allocation if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/2/finance/funding/non_recurrent_programme"}])
	r := excess_surplus_drawdown.deny with input as plan
	r == {{
		"msg": "2018/19: return of excess surplus cannot be assessed: allocation is missing or not positive",
		"pointer": "/years/2/finance/funding",
	}}
}

test_pass_not_applicable_in_refresh if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2018/19"},
		{"op": "replace", "path": "/years/1/finance/funding/return_of_excess_surplus", "value": 5000},
	])
	r := excess_surplus_drawdown.deny with input as plan
	r == set()
	n := excess_surplus_drawdown.not_applicable with input as plan
	n == {"the round sets no cumulative surplus threshold (the CCG control total governs)"}
}

# the gate: a year drawing down nothing, or leaving whole figures at or above the line, is not
# looked at again (2017/18: 3,400 brought forward less 1% of 245,500, 2,455, leaves 945 to draw)
test_pass_sound_years if {
	s := excess_surplus_drawdown._sound with input as fixture.plan
	s == {1, 2}
	excess_surplus_drawdown._unsound == {} with input as fixture.plan
	cases := [
		[{"op": "replace", "path": "/years/1/finance/funding/return_of_excess_surplus", "value": 945}],
		[{"op": "replace", "path": "/years/1/finance/funding/return_of_excess_surplus", "value": 0}],
		[
			{"op": "replace", "path": "/years/1/finance/funding/return_of_excess_surplus", "value": -5},
			{"op": "remove", "path": "/years/1/finance/surplus/cumulative_brought_forward"},
		],
	]
	every patch in cases {
		excess_surplus_drawdown._sound == {1, 2} with input as json.patch(fixture.plan, patch)
	}
}

# each way out of the gate leaves the year to the clauses above, which decide it exactly:
# [patch of 2017/18, findings]
test_fail_unsound_years_each_way if {
	cases := [
		[[{"op": "replace", "path": "/years/1/finance/funding/return_of_excess_surplus", "value": 946}], 1],
		[[{"op": "replace", "path": "/years/1/finance/funding/return_of_excess_surplus", "value": 945.5}], 1],
		[[{"op": "replace", "path": "/years/1/finance/funding/return_of_excess_surplus", "value": 500.5}], 0],
		[[{"op": "replace", "path": "/years/1/finance/funding/return_of_excess_surplus", "value": "500"}], 1],
		[[{"op": "remove", "path": "/years/1/finance/surplus/cumulative_brought_forward"}], 1],
		[[{"op": "replace", "path": "/years/1/finance/funding/recurrent_programme", "value": -5500}], 1],
	]
	every c in cases {
		plan := json.patch(fixture.plan, c[0])
		excess_surplus_drawdown._sound == {2} with input as plan
		plan_years := {i | some i, year in plan.years; year.basis == "plan"}
		object.keys(excess_surplus_drawdown._unsound) == plan_years - excess_surplus_drawdown._sound with input as plan
		count(excess_surplus_drawdown.deny) == c[1] with input as plan
	}
}
