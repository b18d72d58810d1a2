package planassure.rules.performance.diagnostics_6wk_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.performance.diagnostics_6wk

test_pass_fixture if {
	r := diagnostics_6wk.deny with input as fixture.plan
	r == set()
	n := diagnostics_6wk.not_applicable with input as fixture.plan
	n == set()
}

test_fail_below_standard_without_recovery_plan if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/diagnostics_6wk/plan", "value": 1.5},
	])
	r := diagnostics_6wk.deny with input as plan
	r == {{
		"msg": "2017/18: diagnostic waits of 6 weeks or more planned at 1.5%, above the 1% maximum, with no recovery plan",
		"pointer": "/years/1/performance/diagnostics_6wk/plan",
		"expected": 1,
		"actual": 1.5,
	}}
}

test_fail_below_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/diagnostics_6wk/plan", "value": 1.5},
		{
			"op": "add",
			"path": "/years/1/performance/diagnostics_6wk/recovery_plan",
			"value": "Remedial action plan agreed with the provider, month 6 recovery",
		},
	])
	r := diagnostics_6wk.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: diagnostic waits of 6 weeks or more planned at 1.5%, above the 1% maximum;",
			"recovery plan: Remedial action plan agreed with the provider, month 6 recovery",
		]),
		"pointer": "/years/1/performance/diagnostics_6wk/plan",
		"expected": 1,
		"actual": 1.5,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/performance/diagnostics_6wk"}])
	r := diagnostics_6wk.deny with input as plan
	r == {{
		"msg": "2017/18: diagnostic waits of 6 weeks or more trajectory is missing",
		"pointer": "/years/1/performance/diagnostics_6wk",
	}}
}

test_fail_monthly_does_not_end_at_plan if {
	plan := json.patch(fixture.plan, [
		{"op": "add", "path": "/years/1/performance/diagnostics_6wk/monthly", "value": [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]},
	])
	r := diagnostics_6wk.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: diagnostic waits of 6 weeks or more monthly trajectory ends at 2% in March,",
			"not at the 1% planned for the year",
		]),
		"pointer": "/years/1/performance/diagnostics_6wk/monthly/11",
		"expected": 1,
		"actual": 2,
	}}
}

test_not_applicable_in_a_round_without_performance_standards if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "remove", "path": "/years/1/performance/diagnostics_6wk"},
	])
	r := diagnostics_6wk.deny with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	r == set()
	n := diagnostics_6wk.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	n == {"the round sets no standard for diagnostic waits of 6 weeks or more in the plan's years"}
}

# lower is better: the threshold is a maximum, met at or below it
test_pass_lower_is_better if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/diagnostics_6wk/plan", "value": 0},
		{"op": "replace", "path": "/years/2/performance/diagnostics_6wk/plan", "value": 0.5},
	])
	r := diagnostics_6wk.deny with input as plan
	r == set()
}

test_fail_just_above_maximum if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/2/performance/diagnostics_6wk/plan", "value": 1.01},
	])
	r := diagnostics_6wk.deny with input as plan
	r == {{
		"msg": "2018/19: diagnostic waits of 6 weeks or more planned at 1.01%, above the 1% maximum, with no recovery plan",
		"pointer": "/years/2/performance/diagnostics_6wk/plan",
		"expected": 1,
		"actual": 1.01,
	}}
}
