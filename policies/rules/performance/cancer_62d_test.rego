package planassure.rules.performance.cancer_62d_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.performance.cancer_62d

test_pass_fixture if {
	r := cancer_62d.deny with input as fixture.plan
	r == set()
	n := cancer_62d.not_applicable with input as fixture.plan
	n == set()
}

test_fail_below_standard_without_recovery_plan if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/cancer_62d/plan", "value": 84},
	])
	r := cancer_62d.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: cancer 62-day wait from urgent referral to treatment planned at 84%, below the 85% standard,",
			"with no recovery plan",
		]),
		"pointer": "/years/1/performance/cancer_62d/plan",
		"expected": 85,
		"actual": 84,
	}}
}

test_fail_below_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/cancer_62d/plan", "value": 84},
		{
			"op": "add",
			"path": "/years/1/performance/cancer_62d/recovery_plan",
			"value": "Remedial action plan agreed with the provider, month 6 recovery",
		},
	])
	r := cancer_62d.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: cancer 62-day wait from urgent referral to treatment planned at 84%, below the 85% standard;",
			"recovery plan: Remedial action plan agreed with the provider, month 6 recovery",
		]),
		"pointer": "/years/1/performance/cancer_62d/plan",
		"expected": 85,
		"actual": 84,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/performance/cancer_62d"}])
	r := cancer_62d.deny with input as plan
	r == {{
		"msg": "2017/18: cancer 62-day wait from urgent referral to treatment trajectory is missing",
		"pointer": "/years/1/performance/cancer_62d",
	}}
}

test_fail_monthly_does_not_end_at_plan if {
	plan := json.patch(fixture.plan, [
		{
			"op": "add",
			"path": "/years/1/performance/cancer_62d/monthly",
			"value": [84, 84, 84, 84, 84, 84, 84, 84, 84, 84, 84, 84],
		},
	])
	r := cancer_62d.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: cancer 62-day wait from urgent referral to treatment monthly trajectory ends at 84% in March,",
			"not at the 85% planned for the year",
		]),
		"pointer": "/years/1/performance/cancer_62d/monthly/11",
		"expected": 85,
		"actual": 84,
	}}
}

test_not_applicable_in_a_round_without_performance_standards if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "remove", "path": "/years/1/performance/cancer_62d"},
	])
	r := cancer_62d.deny with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	r == set()
	n := cancer_62d.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	n == {"the round sets no standard for cancer 62-day wait from urgent referral to treatment in the plan's years"}
}
