package planassure.lib.plan_test

import data.planassure.lib.exact
import data.planassure.lib.fixture_test as fixture
import data.planassure.lib.plan
import data.planassure.lib.rounds

test_plan_years_keyed_by_index if {
	ys := plan.plan_years with input as fixture.plan
	object.keys(ys) == {1, 2}
}

test_previous_year if {
	y := plan.previous_year(1) with input as fixture.plan
	y.year == "2016/17"
	not plan.previous_year(0) with input as fixture.plan
}

test_pct_cuts_rather_than_rounds if {
	plan.pct(2520, 252100) == 0.99
	plan.pct(2521, 252100) == 1
	not plan.pct(1, 0)
}

test_has_allocation if {
	plan.has_allocation(fixture.plan.years[1])
	not plan.has_allocation({"finance": {"funding": {
		"recurrent_programme": 0,
		"non_recurrent_programme": 0,
		"running_cost": 0,
	}}})
}

# OPA's own arithmetic on decimals is 64-bit binary floating point: these fail without exact

test_pass_allocation_lines_are_the_formula if {
	some year in fixture.plan.years
	plan.allocation(year) == exact.total([object.get(year, path, null) | some path in plan.allocation_lines])
}

test_fail_allocation_lines_follow_each_line if {
	year := json.patch(fixture.plan.years[1], [{"op": "replace", "path": "/finance/funding/running_cost", "value": 1}])
	original := fixture.plan.years[1]
	plan.allocation(year) != plan.allocation(original)
	plan.allocation(year) == exact.total([object.get(year, path, null) | some path in plan.allocation_lines])
}

# every finance threshold key reports draw is one a round sets
_unset_finance_thresholds contains key if {
	some key in plan.finance_thresholds
	not _set_by_a_round(key)
}

_set_by_a_round(key) if {
	some round in rounds.thresholds
	round[key]
}

test_pass_finance_thresholds_are_set_by_the_rounds if {
	count(plan.finance_thresholds) == 4
	count(_unset_finance_thresholds) == 0
}

test_fail_finance_thresholds_name_an_unknown_key if {
	unset := _unset_finance_thresholds with plan.finance_thresholds as {"contingency": "contingency_percent"}
	unset == {"contingency_percent"}
}

# whole allocation lines adding up to more than 0: the table holds has_allocation and allocation
test_pass_whole_allocations if {
	a := plan.whole_allocations with input as fixture.plan
	a == {1: 245500, 2: 250500}
	every i, allocation in a {
		plan.has_allocation(fixture.plan.years[i])
		plan.allocation(fixture.plan.years[i]) == allocation
	}
}

# a line that is not a whole number, missing or not a number, or a sum not above 0, leaves the year out
test_fail_whole_allocations_leave_the_year_out if {
	cases := [
		[{"op": "replace", "path": "/years/1/finance/funding/running_cost", "value": 4500.5}],
		[{"op": "replace", "path": "/years/1/finance/funding/running_cost", "value": "4500"}],
		[{"op": "remove", "path": "/years/1/finance/funding/non_recurrent_programme"}],
		[{"op": "replace", "path": "/years/1/finance/funding/recurrent_programme", "value": -5500}],
	]
	every patch in cases {
		a := plan.whole_allocations with input as json.patch(fixture.plan, patch)
		a == {2: 250500}
	}
}
