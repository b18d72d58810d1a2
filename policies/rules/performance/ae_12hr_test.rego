package planassure.rules.performance.ae_12hr_test

import data.planassure.lib.current_fixture_test as fixture
import data.planassure.lib.fixture_test as ccg
import data.planassure.rules.performance.ae_12hr

test_pass_fixture if {
	r := ae_12hr.deny with input as fixture.icb
	r == set()
	n := ae_12hr.not_applicable with input as fixture.icb
	n == set()
	ae_12hr.deny == set() with input as fixture.trust_2025
}

test_fail_no_better_than_the_year_before if {
	plan := json.patch(fixture.icb, [{"op": "replace", "path": "/years/2/performance/ae_12hr/plan", "value": 91}])
	r := ae_12hr.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2027/28: A&E within 12 hours (share across the year) planned at 91%,",
			"no higher than 91% in 2026/27, with no recovery plan",
		]),
		"pointer": "/years/2/performance/ae_12hr/plan",
		"expected": 91,
		"actual": 91,
	}}
}

test_fail_worse_than_the_baseline_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.icb_2025, [
		{"op": "replace", "path": "/years/1/performance/ae_12hr/plan", "value": 88.5},
		{"op": "add", "path": "/years/1/performance/ae_12hr/recovery_plan", "value": " UEC recovery plan "},
	])
	r := ae_12hr.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2025/26: A&E within 12 hours (share across the year) planned at 88.5%, no",
			"higher than 89% in 2024/25; recovery plan: UEC recovery plan",
		]),
		"pointer": "/years/1/performance/ae_12hr/plan",
		"expected": 89,
		"actual": 88.5,
		"severity": "warning",
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.icb, [{"op": "remove", "path": "/years/3/performance/ae_12hr"}])
	r := ae_12hr.deny with input as plan
	r == {{
		"msg": "2028/29: A&E within 12 hours (share across the year) trajectory is missing",
		"pointer": "/years/3/performance/ae_12hr",
	}}
}

test_fail_missing_baseline_figure if {
	plan := json.patch(fixture.icb, [{"op": "remove", "path": "/years/0/performance/ae_12hr"}])
	r := ae_12hr.deny with input as plan
	r == {{
		"msg": "2025/26: A&E within 12 hours (share across the year) trajectory is missing",
		"pointer": "/years/0/performance/ae_12hr",
	}}
}

test_fail_no_previous_year if {
	plan := json.patch(fixture.icb, [{"op": "remove", "path": "/years/0"}])
	r := ae_12hr.deny with input as plan
	r == {{
		"msg": "2026/27: A&E within 12 hours (share across the year) cannot be assessed: there is no previous year",
		"pointer": "/years/0",
	}}
}

test_not_applicable_in_a_ccg_era_round if {
	ae_12hr.deny == set() with input as ccg.plan
	n := ae_12hr.not_applicable with input as ccg.plan
	n == {"the round does not ask for an improvement in A&E within 12 hours (share across the year)"}
}

test_not_applicable_to_a_trust_without_an_emergency_department if {
	plan := json.patch(fixture.trust, [
		{"op": "replace", "path": "/organisation/services", "value": ["mental_health"]},
		{"op": "remove", "path": "/years/1/performance/ae_12hr"},
	])
	ae_12hr.deny == set() with input as plan
	n := ae_12hr.not_applicable with input as plan
	n == {"the trust does not provide acute services (organisation.services)"}
}
