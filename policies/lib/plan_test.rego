package planassure.lib.plan_test

import data.planassure.lib.exact
import data.planassure.lib.fixture_test as fixture
import data.planassure.lib.plan

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
