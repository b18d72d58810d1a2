package planassure.rules.finance.bank_spend_test

import data.planassure.lib.current_fixture_test as fixture
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
