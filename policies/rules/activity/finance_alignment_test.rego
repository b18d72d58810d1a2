package planassure.rules.activity.finance_alignment_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.activity.finance_alignment

test_pass_fixture if {
	r := finance_alignment.deny with input as fixture.plan
	r == set()
}

# exactly 5 points apart is not more than 5: acute +8%, admissions +3%
test_pass_exactly_at_gap if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/expenditure/acute", "value": 140400}])
	r := finance_alignment.deny with input as plan
	r == set()
}

test_fail_just_over_gap if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/expenditure/acute", "value": 140401}])
	r := finance_alignment.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: acute expenditure grows 8% over 2016/17 but elective and non-elective admissions grow 3%:",
			"5.01 percentage points apart, more than 5",
		]),
		"pointer": "/years/1/finance/expenditure/acute",
		"expected": 5,
		"actual": 5.01,
	}}
}

test_fail_admissions_outgrow_spend if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/2/activity/elective_admissions/plan", "value": 25000},
	])
	r := finance_alignment.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"2018/19: acute expenditure grows 1.86% over 2017/18 but elective and non-elective admissions grow 9.66%:",
			"7.8 percentage points apart, more than 5",
		]),
		"pointer": "/years/2/finance/expenditure/acute",
		"expected": 5,
		"actual": 7.8,
	}}
}

test_override_gap_by_data if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/expenditure/acute", "value": 140401}])
	r := finance_alignment.deny with input as plan with data.planassure.rounds as {"2017-19": {"alignment_gap_pp": 6}}
	r == set()
}

# a figure missing from the baseline year is reported once, at the year lacking it
test_fail_missing_baseline_acute if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/0/finance/expenditure/acute"}])
	r := finance_alignment.deny with input as plan
	r == {{
		"msg": "finance and activity alignment cannot be assessed: 2016/17 acute expenditure is missing",
		"pointer": "/years/0/finance/expenditure/acute",
	}}
}

test_fail_missing_admissions if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/2/activity/non_elective_admissions"}])
	r := finance_alignment.deny with input as plan
	r == {{
		"msg": "finance and activity alignment cannot be assessed: 2018/19 non_elective_admissions is missing",
		"pointer": "/years/2/activity/non_elective_admissions",
	}}
}

test_fail_missing_activity if {
	plan := json.remove(fixture.plan, ["years/0/activity"])
	r := finance_alignment.deny with input as plan
	r == {
		{
			"msg": "finance and activity alignment cannot be assessed: 2016/17 elective_admissions is missing",
			"pointer": "/years/0/activity/elective_admissions",
		},
		{
			"msg": "finance and activity alignment cannot be assessed: 2016/17 non_elective_admissions is missing",
			"pointer": "/years/0/activity/non_elective_admissions",
		},
	}
}

test_fail_zero_base_acute if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/0/finance/expenditure/acute", "value": 0}])
	r := finance_alignment.deny with input as plan
	r == {{
		"msg": "finance and activity alignment cannot be assessed: 2016/17 acute expenditure is 0",
		"pointer": "/years/0/finance/expenditure/acute",
	}}
}

test_fail_zero_base_admissions if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/0/activity/elective_admissions", "value": 0},
		{"op": "replace", "path": "/years/0/activity/non_elective_admissions", "value": 0},
	])
	r := finance_alignment.deny with input as plan
	r == {{
		"msg": "finance and activity alignment cannot be assessed: 2016/17 elective and non-elective admissions are 0",
		"pointer": "/years/0/activity",
	}}
}

test_fail_missing_previous_year if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/0"}])
	r := finance_alignment.deny with input as plan
	r == {{
		"msg": "2017/18: finance and activity alignment cannot be assessed: the plan has no year before it",
		"pointer": "/years/0/finance/expenditure/acute",
	}}
}
