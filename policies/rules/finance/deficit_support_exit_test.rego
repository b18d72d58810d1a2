package planassure.rules.finance.deficit_support_exit_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.lib.fixture_test as ccg
import data.planassure.rules.finance.deficit_support_exit as rule

test_pass_fixture if {
	rule.deny == set() with input as fixture.trust
	rule.deny == set() with input as fixture.icb
	rule.not_applicable == set() with input as fixture.icb
}

test_pass_support_within_the_surplus if {
	plan := json.patch(fixture.trust, [{"op": "replace", "path": "/years/3/finance/deficit_support", "value": 2000}])
	rule.deny == set() with input as plan
}

test_pass_support_before_the_last_year if {
	plan := json.patch(fixture.trust, [{"op": "replace", "path": "/years/1/finance/deficit_support", "value": 9000}])
	rule.deny == set() with input as plan
}

test_fail_breakeven_only_with_support if {
	plan := json.patch(fixture.trust, [
		{"op": "replace", "path": "/years/3/finance/surplus/in_year", "value": 0},
		{"op": "replace", "path": "/years/3/finance/deficit_support", "value": 14500.5},
	])
	r := rule.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2028/29: breaks even only with deficit support: the in-year",
			"position 0 includes 14500.5 of it, -14500.5 without it",
		]),
		"pointer": "/years/3/finance/deficit_support",
		"expected": 0,
		"actual": -14500.5,
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.trust, [{"op": "remove", "path": "/years/3/finance/deficit_support"}])
	r := rule.deny with input as plan
	r == {{"msg": "2028/29: deficit support is missing", "pointer": "/years/3/finance/deficit_support"}}
}

test_not_applicable_in_2025_26 if {
	n := rule.not_applicable with input as fixture.trust_2025
	n == {"the round does not ask for breakeven without deficit support in the plan's years"}
}

# the gate: whole figures at least breaking even without the support are not looked at again,
# at the line too (2028/29: 2,000 in year, 2,000 of it support)
test_pass_sound_years if {
	rule._sound == {3} with input as fixture.trust
	rule._unsound == {} with input as fixture.trust
	at := json.patch(fixture.trust, [{"op": "replace", "path": "/years/3/finance/deficit_support", "value": 2000}])
	rule._sound == {3} with input as at
}

# a round that does not ask this of the plan's years leaves nothing to look at
test_pass_no_years_asked if {
	not rule._unsound with input as ccg.plan
	rule.deny == set() with input as ccg.plan
}

# each way out of the gate leaves the year to the clauses above: [patch of 2028/29, findings]
test_fail_unsound_years_each_way if {
	cases := [
		[[{"op": "replace", "path": "/years/3/finance/deficit_support", "value": 2001}], 1],
		[[{"op": "replace", "path": "/years/3/finance/deficit_support", "value": 1999.5}], 0],
		[[{"op": "replace", "path": "/years/3/finance/deficit_support", "value": 2000.5}], 1],
		[[{"op": "replace", "path": "/years/3/finance/deficit_support", "value": "0"}], 1],
		[[{"op": "remove", "path": "/years/3/finance/surplus/in_year"}], 1],
	]
	every c in cases {
		plan := json.patch(fixture.trust, c[0])
		rule._sound == set() with input as plan
		object.keys(rule._unsound) == {3} with input as plan
		count(rule.deny) == c[1] with input as plan
	}
}
