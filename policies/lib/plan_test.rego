package planassure.lib.plan_test

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
	not plan.has_allocation({"finance": {"funding": {
		"recurrent_programme": 0,
		"non_recurrent_programme": 0,
		"running_cost": 0,
	}}})
}

# OPA's own arithmetic on decimals is 64-bit binary floating point: these fail without exact
test_total_is_exact if {
	plan.total([200012.2, 40000.84, 6300.56]) == 246313.6
	plan.total([12345678901234567890, 0.1]) == 12345678901234567890.1
	plan.total([0.1, 0.2]) == 0.3
	plan.total([-0.05, 0.01]) == -0.04
	plan.total([]) == 0
}

test_exact_units if {
	plan.exact(1231.568) == 1231568000000000000000000000000000
	plan.exact(-0.5) == -500000000000000000000000000000
	plan.exact(0) == 0
	plan.exact(0.000000000000000000000000000001) == 1
	plan.exact(1e3) == 1000000000000000000000000000000000
	not plan.exact(0.0000000000000000000000000000001)
	not plan.exact(1.55e-1)
	not plan.exact("1.5")
}

# below 1, the integer part is "0" or "-0": the digits read with a leading zero, and
# the result must still be a plain number that prints and sums like any other
test_exact_units_below_one if {
	plan.exact(0.125) == 125000000000000000000000000000
	plan.exact(-0.05) == -50000000000000000000000000000
	json.marshal(plan.exact(0.125)) == "125000000000000000000000000000"
	json.marshal(plan.exact(-0.05)) == "-50000000000000000000000000000"
	plan.total([0.125, -0.05]) == 0.075
	plan.difference(-0.05, 0.125) == -0.175
}

# whole figures take the integer path, exact at any size; decimals the exact one
test_within_whole_and_decimal if {
	plan.within(123456789012345678901, 123456789012345678900, 1)
	not plan.within(123456789012345678901, 123456789012345678900, 0)
	plan.within(0.3, plan.total([0.1, 0.2]), 0)
	not plan.within(0.3, 0.30000000000000001, 0)
	plan.within(100, 99.9, 0.1)
	not plan.within(100, 99.89, 0.1)
}

test_difference_is_exact if {
	plan.difference(0.1, 0.3) == -0.2
	plan.difference(12345678901234567890.5, 12345678901234567890) == 0.5
}

test_threshold_exact_at_the_line if {
	plan.at_least_pct(1231.568, 0.5, plan.allocation({"finance": {"funding": {
		"recurrent_programme": 200012.2,
		"non_recurrent_programme": 40000.84,
		"running_cost": 6300.56,
	}}}))
	not plan.at_least_pct(1231.567999, 0.5, 246313.6)
	plan.share(0.5, 246313.6) == 1231.568
	plan.within(246313.6, plan.total([200012.2, 40000.84, 6300.56]), 0)
	not plan.within(0.3, 0.30000000000000000001, 0)
	plan.within(-0.1, 0.1, 0.2)
}

# numbers without an exact form (an exponent, in --data) are computed in floating point
test_inexact_numbers_fall_back if {
	plan.total([1e3, 1]) == 1001
	plan.difference(1e3, 1) == 999
	plan.share(1e1, 100) == 10
	plan.at_least_pct(10, 1e1, 100)
	not plan.at_least_pct(9, 1e1, 100)
	plan.within(1e3, 1000.5, 1)
	not plan.within(1e3, 1002, 1)
}
