package planassure.rules.finance.system_balance_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.rules.finance.system_balance

test_pass_fixture if {
	system_balance.deny == set() with input as fixture.icb_2025
	system_balance.not_applicable == set() with input as fixture.icb_2025
}

test_fail_system_deficit if {
	plan := json.patch(fixture.icb_2025, [
		{"op": "replace", "path": "/years/1/finance/surplus/system_in_year", "value": -41200},
	])
	r := system_balance.deny with input as plan
	r == {{
		"msg": "2025/26: the net system position -41200 is a deficit: the round asks for a balanced system",
		"pointer": "/years/1/finance/surplus/system_in_year",
		"expected": 0,
		"actual": -41200,
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.icb_2025, [{"op": "remove", "path": "/years/1/finance/surplus/system_in_year"}])
	r := system_balance.deny with input as plan
	r == {{"msg": "2025/26: net system position is missing", "pointer": "/years/1/finance/surplus/system_in_year"}}
}

test_not_applicable_to_a_trust if {
	system_balance.deny == set() with input as fixture.trust_2025
	n := system_balance.not_applicable with input as fixture.trust_2025
	n == {"the ICB's plan carries the net system position: it does not apply to a trust's plan"}
}

test_not_applicable_in_2026_29 if {
	n := system_balance.not_applicable with input as fixture.icb
	n == {"the round does not set a system financial balance"}
}
