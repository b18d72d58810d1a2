package planassure.rules.finance.control_total_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.finance.control_total

# the fixture sets no control total: nothing to check
test_pass_fixture if {
	r := control_total.deny with input as fixture.plan
	r == set()
}

test_pass_meets_control_total if {
	plan := json.patch(fixture.plan, [{"op": "add", "path": "/years/1/finance/surplus/control_total", "value": 0}])
	r := control_total.deny with input as plan
	r == set()
}

test_pass_within_agreed_deficit if {
	plan := json.patch(fixture.plan, [{"op": "add", "path": "/years/1/finance/surplus/control_total", "value": -500}])
	r := control_total.deny with input as plan
	r == set()
}

test_fail_below_control_total if {
	plan := json.patch(fixture.plan, [{"op": "add", "path": "/years/1/finance/surplus/control_total", "value": 100}])
	r := control_total.deny with input as plan
	r == {{
		"msg": "2017/18: in-year surplus 0 is below the control total 100",
		"pointer": "/years/1/finance/surplus/in_year",
		"expected": 100,
		"actual": 0,
	}}
}

test_fail_deficit_beyond_agreed_deficit if {
	plan := json.patch(fixture.plan, [
		{"op": "add", "path": "/years/2/finance/surplus/control_total", "value": -500},
		{"op": "replace", "path": "/years/2/finance/surplus/in_year", "value": -600},
	])
	r := control_total.deny with input as plan
	r == {{
		"msg": "2018/19: in-year surplus -600 is below the control total -500",
		"pointer": "/years/2/finance/surplus/in_year",
		"expected": -500,
		"actual": -600,
	}}
}

test_fail_control_total_not_a_number if {
	plan := json.patch(fixture.plan, [{
		"op": "add",
		"path": "/years/1/finance/surplus/control_total",
		"value": "breakeven",
	}])
	r := control_total.deny with input as plan
	r == {{
		"msg": "2017/18: control total is not a number",
		"pointer": "/years/1/finance/surplus/control_total",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [
		{"op": "add", "path": "/years/1/finance/surplus/control_total", "value": 0},
		{"op": "remove", "path": "/years/1/finance/surplus/in_year"},
	])
	r := control_total.deny with input as plan
	r == {{
		"msg": "2017/18: in-year surplus is missing",
		"pointer": "/years/1/finance/surplus/in_year",
	}}
}

# a null control total is no control total
test_pass_null_control_total if {
	plan := json.patch(fixture.plan, [
		{"op": "add", "path": "/years/1/finance/surplus/control_total", "value": null},
		{"op": "remove", "path": "/years/1/finance/surplus/in_year"},
	])
	r := control_total.deny with input as plan
	r == set()
}

# a control total on the baseline year is not checked: the rule is for plan years
test_pass_baseline_year_not_checked if {
	plan := json.patch(fixture.plan, [{"op": "add", "path": "/years/0/finance/surplus/control_total", "value": 500}])
	r := control_total.deny with input as plan
	r == set()
}
