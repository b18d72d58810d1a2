package planassure.rules.finance.efficiency_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.lib.fixture_test as ccg
import data.planassure.rules.finance.efficiency

test_pass_fixture if {
	efficiency.deny == set() with input as fixture.trust
	efficiency.deny == set() with input as fixture.icb
	efficiency.deny == set() with input as fixture.icb_2025
	efficiency.deny == set() with input as fixture.trust_2025
	efficiency.not_applicable == set() with input as fixture.icb
}

# 2% of 510,000 is 10,200 exactly
test_pass_at_the_share if {
	plan := json.patch(fixture.trust, [{"op": "replace", "path": "/years/1/finance/efficiency/planned", "value": 10200}])
	efficiency.deny == set() with input as plan
}

test_fail_below_the_share if {
	plan := json.patch(fixture.trust, [{"op": "replace", "path": "/years/1/finance/efficiency/planned", "value": 10199.9}])
	r := efficiency.deny with input as plan
	r == {{
		"msg": "2026/27: planned efficiency 10199.9 is 1.99% of the cost base 510000, below the round's 2% (10200)",
		"pointer": "/years/1/finance/efficiency/planned",
		"expected": 10200,
		"actual": 10199.9,
	}}
}

test_fail_cost_base_not_positive if {
	plan := json.patch(fixture.trust, [{"op": "replace", "path": "/years/2/finance/efficiency/cost_base", "value": 0}])
	r := efficiency.deny with input as plan
	r == {{
		"msg": "2027/28: efficiency cannot be assessed: the cost base 0 is not positive",
		"pointer": "/years/2/finance/efficiency/cost_base",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.icb_2025, [{"op": "remove", "path": "/years/1/finance/efficiency/cost_base"}])
	r := efficiency.deny with input as plan
	r == {{"msg": "2025/26: efficiency cost base is missing", "pointer": "/years/1/finance/efficiency/cost_base"}}
}

test_not_applicable_in_a_ccg_era_round if {
	n := efficiency.not_applicable with input as ccg.plan
	n == {"the round sets no efficiency requirement for the plan's years"}
}

# the gate: whole figures meeting the round's percentage are not looked at again (2% of
# 510,000 is 10,200)
test_pass_sound_years if {
	s := efficiency._sound with input as fixture.trust
	s == {1, 2, 3}
	efficiency._unsound == {} with input as fixture.trust
	at := json.patch(fixture.trust, [{"op": "replace", "path": "/years/1/finance/efficiency/planned", "value": 10200}])
	efficiency._sound == {1, 2, 3} with input as at
}

# each way out of the gate leaves the year to the clauses above: [patch of 2026/27, findings]
test_fail_unsound_years_each_way if {
	cases := [
		[[{"op": "replace", "path": "/years/1/finance/efficiency/planned", "value": 10199}], 1],
		[[{"op": "replace", "path": "/years/1/finance/efficiency/planned", "value": 10200.5}], 0],
		[[{"op": "replace", "path": "/years/1/finance/efficiency/planned", "value": 10199.5}], 1],
		[[{"op": "replace", "path": "/years/1/finance/efficiency/cost_base", "value": 0}], 1],
		[[{"op": "replace", "path": "/years/1/finance/efficiency/planned", "value": "10710"}], 1],
	]
	every c in cases {
		plan := json.patch(fixture.trust, c[0])
		efficiency._sound == {2, 3} with input as plan
		object.keys(efficiency._unsound) == {1} with input as plan
		count(efficiency.deny) == c[1] with input as plan
	}
}

# a percentage of more than two decimal places leaves every year to the clauses above
test_fail_unsound_three_decimal_places if {
	efficiency._sound == set() with input as fixture.trust
		with data.planassure.rounds as {"2026-29": {"efficiency_pct": 2.005}}
	efficiency.deny == set() with input as fixture.trust
		with data.planassure.rounds as {"2026-29": {"efficiency_pct": 2.005}}
}

# a round that asks no efficiency of the plan's years leaves nothing to look at
test_pass_no_years_asked if {
	not efficiency._unsound with input as ccg.plan
	efficiency.deny == set() with input as ccg.plan
}
