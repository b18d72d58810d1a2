package planassure.rules.footprint.aggregate_balance_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.lib.footprint_fixture_test as fixtures
import data.planassure.rules.footprint.aggregate_balance

test_pass_fixture if {
	r := aggregate_balance.deny with input as fixtures.with_members
	r == set()
}

test_pass_not_on_a_ccg_plan if {
	r := aggregate_balance.deny with input as fixture.plan
	r == set()
}

# a deficit before the balance year is the trajectory, not a breach
test_pass_deficit_before_balance_year if {
	fp := json.patch(fixtures.footprint, [
		{"op": "add", "path": "/footprint/balance_year", "value": "2018/19"},
		{"op": "replace", "path": "/footprint/years/1/members/1/surplus_after_stf", "value": -9000},
	])
	r := aggregate_balance.deny with input as fp
	r == set()
}

test_fail_system_deficit if {
	fp := json.patch(fixtures.footprint, [
		{"op": "replace", "path": "/footprint/years/2/members/1/surplus_after_stf", "value": -2000},
	])
	r := aggregate_balance.deny with input as fp
	r == {{
		"msg": concat(" ", [
			"2018/19: the system is not in aggregate financial balance: NHS surplus/(deficit) after STF is -2500",
			"(commissioner 0, provider -1700, system-level -800, NHS -2500, health and care -2700)",
		]),
		"pointer": "/footprint/years/2/members",
		"expected": 0,
		"actual": -2500,
	}}
}

test_fail_only_the_balance_year if {
	fp := json.patch(fixtures.footprint, [
		{"op": "add", "path": "/footprint/balance_year", "value": "2016/17"},
		{"op": "replace", "path": "/footprint/years/2/members/1/surplus_after_stf", "value": -2000},
	])
	r := aggregate_balance.deny with input as fp
	{f.actual | some f in r} == {-900}
}

# sector-level lines alone (no member breakdown) carry the year
test_fail_sector_lines_only if {
	fp := json.patch(fixtures.footprint, [
		{"op": "remove", "path": "/footprint/years/2/members"},
		{"op": "replace", "path": "/footprint/years/2/adjustments", "value": [
			{"description": "Commissioner do nothing", "sector": "commissioner", "amount": -100},
			{"description": "Provider do something", "sector": "provider", "amount": 50},
		]},
	])
	r := aggregate_balance.deny with input as fp
	{f.actual | some f in r} == {-50}
}

test_fail_missing_figure if {
	fp := json.patch(fixtures.footprint, [{"op": "remove", "path": "/footprint/years/1/members/2/surplus_after_stf"}])
	r := aggregate_balance.deny with input as fp
	r == {{
		"msg": "2017/18: surplus/(deficit) after STF of Fixture Community NHS FT (R0B) is missing",
		"pointer": "/footprint/years/1/members/2/surplus_after_stf",
	}}
}

test_fail_missing_member if {
	fp := json.patch(fixtures.footprint, [{"op": "remove", "path": "/footprint/years/1/members/3"}])
	r := aggregate_balance.deny with input as fp
	r == {{
		"msg": concat(" ", [
			"2017/18: Fixture County Council (E10000001) has no figures in the year",
			"(a year lists every member's figures, or none)",
		]),
		"pointer": "/footprint/years/1/members",
	}}
}

test_fail_missing_year_figures if {
	fp := json.patch(fixtures.footprint, [
		{"op": "remove", "path": "/footprint/years/2/members"},
		{"op": "remove", "path": "/footprint/years/2/adjustments"},
	])
	r := aggregate_balance.deny with input as fp
	r == {{
		"msg": "2018/19: no figures: the year lists neither member figures nor system-level lines",
		"pointer": "/footprint/years/2/members",
	}}
}

test_fail_unknown_member if {
	fp := json.patch(fixtures.footprint, [
		{"op": "add", "path": "/footprint/years/1/members/-", "value": {"code": "RZZ", "surplus_after_stf": 5}},
	])
	r := aggregate_balance.deny with input as fp
	r == {{
		"msg": "2017/18: figures for RZZ, which is not a member of the footprint",
		"pointer": "/footprint/years/1/members/4/code",
	}}
}

test_fail_missing_balance_year if {
	fp := json.patch(fixtures.footprint, [{"op": "add", "path": "/footprint/balance_year", "value": "2020/21"}])
	r := aggregate_balance.deny with input as fp
	r == {{
		"msg": "balance year 2020/21 has no figures in the footprint's years",
		"pointer": "/footprint/balance_year",
	}}
}
