package planassure.rules.finance.bank_spend_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.lib.pay
import data.planassure.rules.finance.bank_spend

test_pass_fixture if {
	bank_spend.deny == set() with input as fixture.trust
	bank_spend.not_applicable == set() with input as fixture.trust
	bank_spend.deny == set() with input as fixture.trust_2025
}

test_fail_short_of_the_cut_in_a_later_year if {
	plan := json.patch(fixture.trust, [{"op": "replace", "path": "/years/3/finance/pay/bank", "value": 13122.1}])
	r := bank_spend.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2028/29: bank staff spend 13122.1 is 9.99% lower on 14580 in 2027/28,",
			"short of the 10% reduction the round asks (at most 13122)",
		]),
		"pointer": "/years/3/finance/pay/bank",
		"expected": 13122,
		"actual": 13122.1,
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.trust_2025, [{"op": "remove", "path": "/years/1/finance/pay/bank"}])
	r := bank_spend.deny with input as plan
	r == {{"msg": "2025/26: bank staff spend is missing", "pointer": "/years/1/finance/pay/bank"}}
}

# the gate (lib.pay._sound): whole figures falling by the round's percentage, at the line too
# (10% a year: 18,000, 16,200, 14,580, 13,122), are not looked at again
test_pass_sound_years if {
	pay._sound("bank", "bank_reduction_pct") == {1, 2, 3} with input as fixture.trust
	pay._sound("agency", "agency_reduction_pct") == {1} with input as fixture.trust
}

# each way out of the gate leaves the year to the findings, which decide it exactly:
# [patch, the sound years, findings]
test_fail_unsound_years_each_way if {
	cases := [
		[[{"op": "replace", "path": "/years/2/finance/pay/bank", "value": 14581}], {1, 3}, 1],
		[[{"op": "replace", "path": "/years/2/finance/pay/bank", "value": 14580.5}], {1}, 1],
		[[{"op": "replace", "path": "/years/2/finance/pay/bank", "value": 14579.5}], {1}, 1],
		[[{"op": "replace", "path": "/years/2/finance/pay/bank", "value": "14580"}], {1}, 1],
		[[{"op": "remove", "path": "/years/2/finance/pay/bank"}], {1}, 1],
		[[{"op": "remove", "path": "/years/0"}], {1, 2}, 1],
	]
	every c in cases {
		plan := json.patch(fixture.trust, c[0])
		pay._sound("bank", "bank_reduction_pct") == c[1] with input as plan
		count(bank_spend.deny) == c[2] with input as plan
	}
}

# a percentage of more than two decimal places leaves every year to the findings
test_fail_unsound_three_decimal_places if {
	pay._sound("bank", "bank_reduction_pct") == set() with input as fixture.trust
		with data.planassure.rounds as {"2026-29": {"bank_reduction_pct": 9.995}}
	bank_spend.deny == set() with input as fixture.trust
		with data.planassure.rounds as {"2026-29": {"bank_reduction_pct": 9.995}}
}
