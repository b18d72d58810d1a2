package planassure.rules.activity.identity_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.activity.identity

test_pass_fixture if {
	r := identity.deny with input as fixture.plan
	r == set()
}

# within the round's tolerance (1)
test_pass_within_tolerance if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/2/activity/elective_admissions/plan", "value": 20986},
	])
	r := identity.deny with input as plan
	r == set()
}

# a count line needs no identity; an object line follows a count line
test_pass_count_lines if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/activity/elective_admissions", "value": 20600},
		{"op": "add", "path": "/years/0/activity/ae_attendances", "value": 40000},
		{
			"op": "add",
			"path": "/years/1/activity/ae_attendances",
			"value": {"plan": 41000, "growth": 1500, "qipp": -600, "backlog_clearance": 100},
		},
	])
	r := identity.deny with input as plan
	r == set()
}

test_fail_plan_not_built if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/activity/non_elective_admissions/growth", "value": 1000},
	])
	r := identity.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: non_elective_admissions plan 30900 is not the 2016/17 total 30000 + growth 1000 + QIPP -300 +",
			"backlog clearance 0 = 30700 (tolerance 1)",
		]),
		"pointer": "/years/1/activity/non_elective_admissions/plan",
		"expected": 30700,
		"actual": 30900,
	}}
}

test_fail_just_outside_tolerance if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/2/activity/elective_admissions/plan", "value": 20987},
	])
	r := identity.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2018/19: elective_admissions plan 20987 is not the 2017/18 total 20600 + growth 500 + QIPP -115 +",
			"backlog clearance 0 = 20985 (tolerance 1)",
		]),
		"pointer": "/years/2/activity/elective_admissions/plan",
		"expected": 20985,
		"actual": 20987,
	}}
}

test_fail_missing_component if {
	plan := json.patch(fixture.plan, [
		{"op": "remove", "path": "/years/2/activity/non_elective_admissions/backlog_clearance"},
	])
	r := identity.deny with input as plan
	r == {{
		"msg": "2018/19: non_elective_admissions backlog_clearance is missing",
		"pointer": "/years/2/activity/non_elective_admissions/backlog_clearance",
	}}
}

test_fail_missing_previous_total if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/0/activity/elective_admissions"}])
	r := identity.deny with input as plan
	r == {{
		"msg": "2017/18: elective_admissions cannot be checked: the 2016/17 total of elective_admissions is missing",
		"pointer": "/years/0/activity/elective_admissions",
	}}
}

test_fail_missing_previous_year if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/0"}])
	r := identity.deny with input as plan
	r == {
		{
			"msg": "2017/18: elective_admissions cannot be checked: the plan has no year before it",
			"pointer": "/years/0/activity/elective_admissions",
		},
		{
			"msg": "2017/18: non_elective_admissions cannot be checked: the plan has no year before it",
			"pointer": "/years/0/activity/non_elective_admissions",
		},
	}
}

test_not_applicable_without_tolerance if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "replace", "path": "/years/1/activity/elective_admissions/plan", "value": 1},
	])
	r := identity.deny with input as plan with data.planassure.rounds as {"2019/20": {"contingency_pct": 0.5}}
	r == set()
	n := identity.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {"contingency_pct": 0.5}}
	n == {"the round sets no arithmetic tolerance"}
}

test_override_tolerance_by_data if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/2/activity/elective_admissions/plan", "value": 20987},
	])
	r := identity.deny with input as plan with data.planassure.rounds as {"2017-19": {"tolerance": 2}}
	r == set()
}

# a line that adds up exactly still fails a tolerance below 0, as exact.within judges it
test_fail_exact_total_with_negative_tolerance if {
	r := identity.deny with input as fixture.plan with data.planassure.rounds as {"2017-19": {"tolerance": -1}}
	count(r) > 0
	r0 := identity.deny with input as fixture.plan with data.planassure.rounds as {"2017-19": {"tolerance": 0}}
	r0 == set()
}

# the gate: lines that add up are not looked at again
test_pass_sound_lines_skip_the_findings if {
	identity._unsound == set() with input as fixture.plan
	within := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/2/activity/elective_admissions/plan", "value": 20986},
	])
	identity._unsound == set() with input as within
}

# each way out of the gate
test_fail_unsound_lines_each_way if {
	cases := [
		[{"op": "replace", "path": "/years/2/activity/elective_admissions/plan", "value": 30000}],
		[{"op": "remove", "path": "/years/2/activity/elective_admissions/qipp"}],
		[{"op": "remove", "path": "/years/1/activity/elective_admissions"}],
	]
	every patch in cases {
		p := json.patch(fixture.plan, patch)
		[2, "elective_admissions"] in identity._unsound with input as p
	}
}
