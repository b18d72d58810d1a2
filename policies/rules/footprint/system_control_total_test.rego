package planassure.rules.footprint.system_control_total_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.lib.footprint_fixture_test as fixtures
import data.planassure.rules.footprint.system_control_total

test_pass_fixture if {
	r := system_control_total.deny with input as fixtures.with_members
	r == set()
}

test_pass_not_on_a_ccg_plan if {
	r := system_control_total.deny with input as fixture.plan
	r == set()
	n := system_control_total.not_applicable with input as json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2016/17"},
	])
	n == set()
}

# exactly at the control total meets it
test_pass_at_control_total if {
	fp := json.patch(fixtures.footprint, [
		{"op": "replace", "path": "/footprint/years/2/system_control_total", "value": 1500},
	])
	r := system_control_total.deny with input as fp
	r == set()
}

test_fail_gap_to_control_total if {
	fp := json.patch(fixtures.footprint, [
		{"op": "replace", "path": "/footprint/years/1/system_control_total", "value": 4000},
	])
	r := system_control_total.deny with input as fp
	r == {{
		"msg": concat(" ", [
			"2017/18: NHS surplus/(deficit) after STF 1500 misses the system control total 4000 by 2500",
			"(commissioner 0, provider 1500, system-level 0, NHS 1500, health and care 1500)",
		]),
		"pointer": "/footprint/years/1/system_control_total",
		"expected": 4000,
		"actual": 1500,
	}}
}

test_fail_missing_figure if {
	fp := json.patch(fixtures.footprint, [{"op": "remove", "path": "/footprint/years/2/system_control_total"}])
	r := system_control_total.deny with input as fp
	r == {{
		"msg": "2018/19: system control total is missing",
		"pointer": "/footprint/years/2/system_control_total",
	}}
}

test_fail_missing_member_figure if {
	fp := json.patch(fixtures.footprint, [{"op": "remove", "path": "/footprint/years/2/members/0/surplus_after_stf"}])
	r := system_control_total.deny with input as fp
	r == {{
		"msg": "2018/19: surplus/(deficit) after STF of NHS Fixture CCG (00X) is missing",
		"pointer": "/footprint/years/2/members/0/surplus_after_stf",
	}}
}

test_fail_missing_year if {
	fp := json.patch(fixtures.footprint, [{"op": "remove", "path": "/footprint/years/2"}])
	r := system_control_total.deny with input as fp
	r == {{
		"msg": "2018/19: the round sets a system control total for the year, and the footprint gives no figures for it",
		"pointer": "/footprint/years",
	}}
}

test_not_applicable_in_2016_17 if {
	fp := json.patch(fixtures.footprint, [
		{"op": "replace", "path": "/submission/round", "value": "2016/17"},
		{"op": "replace", "path": "/footprint/years/1/system_control_total", "value": 99999},
	])
	r := system_control_total.deny with input as fp
	r == set()
	n := system_control_total.not_applicable with input as fp
	n == {"the round sets no system control total (organisational control totals only)"}
}
