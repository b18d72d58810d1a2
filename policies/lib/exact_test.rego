package planassure.lib.exact_test

import data.planassure.lib.exact
import data.planassure.lib.plan

test_at_least_pct_is_exact if {
	exact.at_least_pct(2521, 1, 252100)
	not exact.at_least_pct(2520, 1, 252100)
}

test_within_tolerance if {
	exact.within(100, 101, 1)
	not exact.within(100, 102, 1)
}

test_total_is_exact if {
	exact.total([200012.2, 40000.84, 6300.56]) == 246313.6
	exact.total([12345678901234567890, 0.1]) == 12345678901234567890.1
	exact.total([0.1, 0.2]) == 0.3
	exact.total([-0.05, 0.01]) == -0.04
	exact.total([]) == 0
}

test_exact_units if {
	exact.exact(1231.568) == 1231568000000000000000000000000000
	exact.exact(-0.5) == -500000000000000000000000000000
	exact.exact(0) == 0
	exact.exact(0.000000000000000000000000000001) == 1
	exact.exact(1e3) == 1000000000000000000000000000000000
	not exact.exact(0.0000000000000000000000000000001)
	not exact.exact(1.55e-1)
	not exact.exact("1.5")
}

# below 1, the integer part is "0" or "-0": the digits read with a leading zero, and
# the result must still be a plain number that prints and sums like any other
test_exact_units_below_one if {
	exact.exact(0.125) == 125000000000000000000000000000
	exact.exact(-0.05) == -50000000000000000000000000000
	json.marshal(exact.exact(0.125)) == "125000000000000000000000000000"
	json.marshal(exact.exact(-0.05)) == "-50000000000000000000000000000"
	exact.total([0.125, -0.05]) == 0.075
	exact.difference(-0.05, 0.125) == -0.175
}

# whole figures take the integer path, exact at any size; decimals the exact one
test_within_whole_and_decimal if {
	exact.within(123456789012345678901, 123456789012345678900, 1)
	not exact.within(123456789012345678901, 123456789012345678900, 0)
	exact.within(0.3, exact.total([0.1, 0.2]), 0)
	not exact.within(0.3, 0.30000000000000001, 0)
	exact.within(100, 99.9, 0.1)
	not exact.within(100, 99.89, 0.1)
}

test_difference_is_exact if {
	exact.difference(0.1, 0.3) == -0.2
	exact.difference(12345678901234567890.5, 12345678901234567890) == 0.5
}

test_threshold_exact_at_the_line if {
	exact.at_least_pct(1231.568, 0.5, plan.allocation({"finance": {"funding": {
		"recurrent_programme": 200012.2,
		"non_recurrent_programme": 40000.84,
		"running_cost": 6300.56,
	}}}))
	not exact.at_least_pct(1231.567999, 0.5, 246313.6)
	exact.share(0.5, 246313.6) == 1231.568
	exact.within(246313.6, exact.total([200012.2, 40000.84, 6300.56]), 0)
	not exact.within(0.3, 0.30000000000000000001, 0)
	exact.within(-0.1, 0.1, 0.2)
}

# numbers without an exact form (an exponent, in --data) are computed in floating point
test_inexact_numbers_fall_back if {
	exact.total([1e3, 1]) == 1001
	exact.difference(1e3, 1) == 999
	exact.share(1e1, 100) == 10
	exact.at_least_pct(10, 1e1, 100)
	not exact.at_least_pct(9, 1e1, 100)
	exact.within(1e3, 1000.5, 1)
	not exact.within(1e3, 1002, 1)
}

# a threshold in hundredths of a percent, where it has at most two decimal places
test_hundredths_of_two_decimal_places if {
	exact.hundredths(0.5) == 50
	exact.hundredths(1) == 100
	exact.hundredths(12.34) == 1234
	exact.hundredths(-0.25) == -25
}

test_hundredths_undefined_beyond_two_decimal_places if {
	not exact.hundredths(0.125)
	not exact.hundredths(0.005)
	not exact.hundredths(1.0000000000000000000000000001)
	not exact.hundredths("0.5")
}
