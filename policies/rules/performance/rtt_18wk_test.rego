package planassure.rules.performance.rtt_18wk_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.performance.rtt_18wk

test_pass_fixture if {
	r := rtt_18wk.deny with input as fixture.plan
	r == set()
	n := rtt_18wk.not_applicable with input as fixture.plan
	n == set()
}

test_fail_below_standard_without_recovery_plan if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/rtt_18wk/plan", "value": 91},
	])
	r := rtt_18wk.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: RTT waits under 18 weeks (incomplete pathways) planned at 91%, below the 92% standard,",
			"with no recovery plan",
		]),
		"pointer": "/years/1/performance/rtt_18wk/plan",
		"expected": 92,
		"actual": 91,
	}}
}

test_fail_below_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/rtt_18wk/plan", "value": 91},
		{
			"op": "add",
			"path": "/years/1/performance/rtt_18wk/recovery_plan",
			"value": "Remedial action plan agreed with the provider, month 6 recovery",
		},
	])
	r := rtt_18wk.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: RTT waits under 18 weeks (incomplete pathways) planned at 91%, below the 92% standard;",
			"recovery plan: Remedial action plan agreed with the provider, month 6 recovery",
		]),
		"pointer": "/years/1/performance/rtt_18wk/plan",
		"expected": 92,
		"actual": 91,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/performance/rtt_18wk"}])
	r := rtt_18wk.deny with input as plan
	r == {{
		"msg": "2017/18: RTT waits under 18 weeks (incomplete pathways) trajectory is missing",
		"pointer": "/years/1/performance/rtt_18wk",
	}}
}

test_fail_monthly_does_not_end_at_plan if {
	plan := json.patch(fixture.plan, [
		{
			"op": "add",
			"path": "/years/1/performance/rtt_18wk/monthly",
			"value": [91, 91, 91, 91, 91, 91, 91, 91, 91, 91, 91, 91],
		},
	])
	r := rtt_18wk.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: RTT waits under 18 weeks (incomplete pathways) monthly trajectory ends at 91% in March,",
			"not at the 92% planned for the year",
		]),
		"pointer": "/years/1/performance/rtt_18wk/monthly/11",
		"expected": 92,
		"actual": 91,
	}}
}

test_not_applicable_in_a_round_without_performance_standards if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "remove", "path": "/years/1/performance/rtt_18wk"},
	])
	r := rtt_18wk.deny with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	r == set()
	n := rtt_18wk.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	n == {"the round sets no standard for RTT waits under 18 weeks (incomplete pathways) in the plan's years"}
}
