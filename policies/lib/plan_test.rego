package lib.plan_test

import data.lib.fixture_test as fixture
import data.lib.plan

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

test_at_least_pct_is_exact if {
	plan.at_least_pct(2521, 1, 252100)
	not plan.at_least_pct(2520, 1, 252100)
}

test_within_tolerance if {
	plan.within(100, 101, 1)
	not plan.within(100, 102, 1)
}

test_has_allocation if {
	plan.has_allocation(fixture.plan.years[1])
	not plan.has_allocation({"finance": {"funding": {"recurrent_programme": 0, "non_recurrent_programme": 0, "running_cost": 0}}})
}
