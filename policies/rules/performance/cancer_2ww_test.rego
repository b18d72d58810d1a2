package planassure.rules.performance.cancer_2ww_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.performance.cancer_2ww

test_pass_fixture if {
	r := cancer_2ww.deny with input as fixture.plan
	r == set()
	n := cancer_2ww.not_applicable with input as fixture.plan
	n == set()
}

test_fail_below_standard_without_recovery_plan if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/cancer_2ww/plan", "value": 92},
	])
	r := cancer_2ww.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: cancer 2-week wait from urgent GP referral planned at 92%, below the 93% standard,",
			"with no recovery plan",
		]),
		"pointer": "/years/1/performance/cancer_2ww/plan",
		"expected": 93,
		"actual": 92,
	}}
}

test_fail_below_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/cancer_2ww/plan", "value": 92},
		{
			"op": "add",
			"path": "/years/1/performance/cancer_2ww/recovery_plan",
			"value": "Remedial action plan agreed with the provider, month 6 recovery",
		},
	])
	r := cancer_2ww.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: cancer 2-week wait from urgent GP referral planned at 92%, below the 93% standard;",
			"recovery plan: Remedial action plan agreed with the provider, month 6 recovery",
		]),
		"pointer": "/years/1/performance/cancer_2ww/plan",
		"expected": 93,
		"actual": 92,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/performance/cancer_2ww"}])
	r := cancer_2ww.deny with input as plan
	r == {{
		"msg": "2017/18: cancer 2-week wait from urgent GP referral trajectory is missing",
		"pointer": "/years/1/performance/cancer_2ww",
	}}
}

test_fail_monthly_does_not_end_at_plan if {
	plan := json.patch(fixture.plan, [
		{
			"op": "add",
			"path": "/years/1/performance/cancer_2ww/monthly",
			"value": [92, 92, 92, 92, 92, 92, 92, 92, 92, 92, 92, 92],
		},
	])
	r := cancer_2ww.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: cancer 2-week wait from urgent GP referral monthly trajectory ends at 92% in March,",
			"not at the 93% planned for the year",
		]),
		"pointer": "/years/1/performance/cancer_2ww/monthly/11",
		"expected": 93,
		"actual": 92,
	}}
}

test_not_applicable_in_a_round_without_performance_standards if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "remove", "path": "/years/1/performance/cancer_2ww"},
	])
	r := cancer_2ww.deny with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	r == set()
	n := cancer_2ww.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	n == {"the round sets no standard for cancer 2-week wait from urgent GP referral in the plan's years"}
}
