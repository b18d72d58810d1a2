package planassure.rules.finance.breakeven_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.rules.finance.breakeven

test_pass_fixture if {
	breakeven.deny == set() with input as fixture.icb
	breakeven.deny == set() with input as fixture.trust
	breakeven.not_applicable == set() with input as fixture.trust
}

test_pass_at_breakeven if {
	plan := json.patch(fixture.trust, [{"op": "replace", "path": "/years/3/finance/surplus/in_year", "value": 0}])
	breakeven.deny == set() with input as plan
}

test_fail_deficit if {
	plan := json.patch(fixture.trust, [{"op": "replace", "path": "/years/2/finance/surplus/in_year", "value": -0.5}])
	r := breakeven.deny with input as plan
	r == {{
		"msg": "2027/28: in-year position -0.5 is a deficit: the round asks every organisation to break even or better",
		"pointer": "/years/2/finance/surplus/in_year",
		"expected": 0,
		"actual": -0.5,
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.icb, [{"op": "remove", "path": "/years/1/finance/surplus/in_year"}])
	r := breakeven.deny with input as plan
	r == {{"msg": "2026/27: in-year surplus is missing", "pointer": "/years/1/finance/surplus/in_year"}}
}

test_not_applicable_in_2025_26 if {
	breakeven.deny == set() with input as fixture.trust_2025
	n := breakeven.not_applicable with input as fixture.trust_2025
	n == {"the round does not ask each organisation to break even (the system is the unit)"}
}
