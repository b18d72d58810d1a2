package planassure.rules.finance.agency_spend_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.lib.fixture_test as ccg
import data.planassure.rules.finance.agency_spend

test_pass_fixture if {
	agency_spend.deny == set() with input as fixture.trust
	agency_spend.not_applicable == set() with input as fixture.trust
	agency_spend.deny == set() with input as fixture.trust_2025
}

test_fail_short_of_the_cut if {
	plan := json.patch(fixture.trust, [{"op": "replace", "path": "/years/1/finance/pay/agency", "value": 4901}])
	r := agency_spend.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2026/27: agency staff spend 4901 is 29.98% lower on 7000 in 2025/26,",
			"short of the 30% reduction the round asks (at most 4900)",
		]),
		"pointer": "/years/1/finance/pay/agency",
		"expected": 4900,
		"actual": 4901,
	}}
}

test_fail_spend_rises if {
	plan := json.patch(fixture.trust_2025, [{"op": "replace", "path": "/years/1/finance/pay/agency", "value": 10500.5}])
	r := agency_spend.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2025/26: agency staff spend 10500.5 is no lower on 10000 in 2024/25,",
			"short of the 30% reduction the round asks (at most 7000)",
		]),
		"pointer": "/years/1/finance/pay/agency",
		"expected": 7000,
		"actual": 10500.5,
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.trust, [{"op": "remove", "path": "/years/1/finance/pay/agency"}])
	r := agency_spend.deny with input as plan
	r == {{"msg": "2026/27: agency staff spend is missing", "pointer": "/years/1/finance/pay/agency"}}
}

test_fail_missing_figure_of_the_year_before if {
	plan := json.patch(fixture.trust, [{"op": "remove", "path": "/years/0/finance/pay"}])
	r := agency_spend.deny with input as plan
	r == {{"msg": "2025/26: agency staff spend is missing", "pointer": "/years/0/finance/pay/agency"}}
}

test_fail_no_previous_year if {
	plan := json.patch(fixture.trust, [{"op": "remove", "path": "/years/0"}])
	r := agency_spend.deny with input as plan
	r == {{
		"msg": "2026/27: the fall in agency staff spend cannot be assessed: there is no previous year",
		"pointer": "/years/0",
	}}
}

test_not_applicable_to_an_icb if {
	agency_spend.deny == set() with input as fixture.icb
	n := agency_spend.not_applicable with input as fixture.icb
	n == {"the trusts' plans carry agency staff spend: it does not apply to a commissioner's plan"}
}

test_not_applicable_in_a_ccg_era_round if {
	n := agency_spend.not_applicable with input as ccg.plan
	n == {"the round sets no reduction in agency staff spend for the plan's years"}
}
