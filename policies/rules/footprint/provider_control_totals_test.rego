package planassure.rules.footprint.provider_control_totals_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.lib.footprint_fixture_test as fixtures
import data.planassure.rules.footprint.provider_control_totals

test_pass_fixture if {
	r := provider_control_totals.deny with input as fixtures.with_members
	r == set()
}

test_pass_not_on_a_ccg_plan if {
	r := provider_control_totals.deny with input as fixture.plan
	r == set()
}

# the outturn year is outside the round: no control total asked for
test_pass_outturn_year_not_checked if {
	fp := json.patch(fixtures.footprint, [
		{"op": "replace", "path": "/footprint/years/0/members/1/surplus_after_stf", "value": -99999},
	])
	r := provider_control_totals.deny with input as fp
	r == set()
}

test_fail_each_provider_listed if {
	fp := json.patch(fixtures.footprint, [
		{"op": "replace", "path": "/footprint/years/1/members/1/surplus_after_stf", "value": 400},
		{"op": "replace", "path": "/footprint/years/2/members/2/surplus_after_stf", "value": -100},
	])
	r := provider_control_totals.deny with input as fp
	r == {
		{
			"msg": "2017/18: Fixture Acute NHS FT (R0A): surplus/(deficit) after STF 400 misses its control total 1000 by 600",
			"pointer": "/footprint/years/1/members/1/surplus_after_stf",
			"expected": 1000,
			"actual": 400,
		},
		{
			"msg": concat(" ", [
				"2018/19: Fixture Community NHS FT (R0B):",
				"surplus/(deficit) after STF -100 misses its control total 300 by 400",
			]),
			"pointer": "/footprint/years/2/members/2/surplus_after_stf",
			"expected": 300,
			"actual": -100,
		},
	}
}

test_fail_missing_figure if {
	fp := json.patch(fixtures.footprint, [{"op": "remove", "path": "/footprint/years/1/members/2/control_total"}])
	r := provider_control_totals.deny with input as fp
	r == {{
		"msg": "2017/18: control total of Fixture Community NHS FT (R0B) is missing",
		"pointer": "/footprint/years/1/members/2/control_total",
	}}
}

test_fail_missing_surplus if {
	fp := json.patch(fixtures.footprint, [{"op": "remove", "path": "/footprint/years/1/members/1/surplus_after_stf"}])
	r := provider_control_totals.deny with input as fp
	r == {{
		"msg": "2017/18: surplus/(deficit) after STF of Fixture Acute NHS FT (R0A) is missing",
		"pointer": "/footprint/years/1/members/1/surplus_after_stf",
	}}
}

test_fail_missing_provider_figures if {
	fp := json.patch(fixtures.footprint, [{"op": "remove", "path": "/footprint/years/2/members/1"}])
	r := provider_control_totals.deny with input as fp
	r == {{
		"msg": "2018/19: Fixture Acute NHS FT (R0A) has no figures in the year: its control total cannot be assessed",
		"pointer": "/footprint/years/2/members",
	}}
}

test_fail_missing_year if {
	fp := json.patch(fixtures.footprint, [{"op": "remove", "path": "/footprint/years/1"}])
	r := provider_control_totals.deny with input as fp
	r == {{
		"msg": "2017/18: the round sets provider control totals for the year, and the footprint gives no figures for it",
		"pointer": "/footprint/years",
	}}
}

test_not_applicable_without_threshold if {
	fp := json.patch(fixtures.footprint, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "remove", "path": "/footprint/years/1/members/1/control_total"},
	])
	r := provider_control_totals.deny with input as fp with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	r == set()
	n := provider_control_totals.not_applicable with input as fp
		with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	n == {"the round sets no provider control totals"}
}
