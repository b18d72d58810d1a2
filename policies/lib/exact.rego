# METADATA
# description: |
#   Exact money for the rules. OPA computes exactly with integers of any size, but
#   with decimals in 64-bit binary floating point, so sums, differences and
#   percentage comparisons of money (£000) go through these helpers, which work in
#   whole 10^-30 units and never divide.
package planassure.lib.exact

# METADATA
# description: min_pct percent of total (£000), the figure a percentage threshold asks for, exactly
share(min_pct, total) := (floor(min_pct) * floor(total)) / 100 if {
	_whole_share(min_pct, total)
} else := _decimal(exact(min_pct) * exact(total), 62) if {
	_all_exact([min_pct, total])
} else := (min_pct * total) / 100

# METADATA
# description: |
#   true when x is at least min_pct percent of total, compared exactly
#   (no division, no rounding: 2,521 of 252,100 meets 1%, 2,520 does not)
at_least_pct(x, min_pct, total) if _at_least_pct(x, min_pct, total)

# true or false; the floating-point comparison only where a figure has no exact form
_at_least_pct(x, min_pct, total) := met if {
	met := ((exact(x) * 100) * _unit) >= (exact(min_pct) * exact(total))
} else := (x * 100) >= (min_pct * total)

# METADATA
# description: true when a and b differ by no more than tolerance, compared exactly
within(a, b, tolerance) if _within(a, b, tolerance)

# true or false; the floating-point comparison only where a figure has no exact form
_within(a, b, tolerance) := near if {
	_whole(a)
	_whole(b)
	_whole(tolerance)
	near := abs(a - b) <= tolerance
} else := near if {
	near := _magnitude(exact(a) - exact(b)) <= exact(tolerance)
} else := abs(a - b) <= tolerance

# METADATA
# description: |
#   Exact money. OPA computes exactly with integers of any size, but with decimals in
#   64-bit binary floating point: 200012.2 + 40000.84 + 6300.56 gives 246313.60000000000001,
#   and 12345678901234567890 + 0.1 gives 12345678901234567890. So sums and comparisons of
#   money go through exact(x), x as a whole number of 10^-30 units, read from x's own
#   digits: "-12.5" is "-12" and "5" padded to 30 places, read as one integer (the
#   leading zeros of "-0" and "0" are dropped by adding 0). A plan's figures always have
#   an exact form (ReadPlan refuses exponents and more than 30 digits either side of the
#   point); a number without one (1e3, or 31 decimal places, in --data) is computed the
#   old way, in floating point.
exact(x) := floor(x) * _unit if {
	_whole(x)
} else := to_number(concat("", [parts[0], frac, substring(_zeros, 0, 30 - count(frac))])) + 0 if {
	parts := split(json.marshal(x), ".")
	count(parts) == 2
	frac := parts[1]
	regex.match(`^[0-9]{1,30}$`, frac)
}

# METADATA
# description: |
#   x × 100 where it is a whole number (x has at most two decimal places), checked exactly:
#   a percentage threshold in hundredths of a percent, for tests in integer arithmetic
#   (x * 100 >= pct * total is x * 10000 >= hundredths(pct) * total); undefined otherwise
hundredths(x) := n if {
	is_number(x)
	n := round(x * 100)
	exact(x) == n * _hundredth
}

# METADATA
# description: the sum of the numbers xs, exactly (see exact)
total(xs) := sum([floor(x) | some x in xs]) if {
	_all_whole(xs)
} else := _decimal(sum([exact(x) | some x in xs]), 30) if {
	_all_exact(xs)
} else := sum(xs)

# METADATA
# description: a - b, exactly (see exact)
difference(a, b) := floor(a) - floor(b) if {
	_all_whole([a, b])
} else := _decimal(exact(a) - exact(b), 30) if {
	_all_exact([a, b])
} else := a - b

# 10^30: one in units of 10^-30
_unit := 1000000000000000000000000000000

# 10^28: one hundredth in units of 10^-30
_hundredth := 10000000000000000000000000000

_zeros := "0000000000000000000000000000000000000000000000000000000000000000000000"

_all_exact(xs) if count([1 | some x in xs; exact(x)]) == count(xs)

# Whole numbers need no conversion: OPA computes with integers of any size exactly.
# floor(x) == x compares digit by digit, so 12345678901234567890.1 is not whole; and
# floor(x) is written in plain digits (1e3 becomes 1000), so it is what gets computed.
_whole(x) if {
	is_number(x)
	floor(x) == x
}

_all_whole(xs) if {
	every x in xs {
		is_number(x)
		floor(x) == x
	}
}

_whole_share(min_pct, total) if {
	_all_whole([min_pct, total])
	(floor(min_pct) * floor(total)) % 100 == 0
}

_magnitude(n) := 0 - n if {
	n < 0
} else := n

_sign(n) := "-" if {
	n < 0
} else := ""

# the integer n of 10^-places units as a number in plain decimal digits
_decimal(n, places) := to_number(concat("", [_sign(n), whole, _point(frac)])) if {
	digits := json.marshal(_magnitude(n))
	padded := concat("", [substring(_zeros, 0, max([0, (places + 1) - count(digits)])), digits])
	whole := substring(padded, 0, count(padded) - places)
	frac := trim_right(substring(padded, count(padded) - places, -1), "0")
}

_point(frac) := concat("", [".", frac]) if {
	frac != ""
} else := ""
