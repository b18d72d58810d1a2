package planassure.rules.must_dos.milestones_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.must_dos.milestones

test_pass_fixture if {
	r := milestones.deny with input as fixture.plan
	r == set()
}

# both ends of the period count: 1 April of the first plan year, 31 March after the last
test_pass_period_ends_included if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/must_dos/0/milestones/0/due", "value": "2017-04-01"},
		{"op": "replace", "path": "/must_dos/1/milestones/0/due", "value": "2019-03-31"},
	])
	r := milestones.deny with input as plan
	r == set()
}

# one milestone inside the period is enough
test_pass_one_of_several_inside if {
	plan := json.patch(fixture.plan, [{
		"op": "add", "path": "/must_dos/2/milestones/-",
		"value": {"description": "Later", "due": "2020-06-30", "status": "not_started"},
	}])
	r := milestones.deny with input as plan
	r == set()
}

test_fail_due_before_period if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/must_dos/3/milestones/0/due", "value": "2017-03-31"}])
	r := milestones.deny with input as plan
	r == {{
		"msg": "must-do 4 (A&E and ambulance waits) has no milestone due inside the plan period 2017-04-01 to 2019-03-31",
		"pointer": "/must_dos/3/milestones",
		"expected": "2017-04-01 to 2019-03-31",
		"actual": ["2017-03-31"],
	}}
}

test_fail_due_after_period if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/must_dos/8/milestones/0/due", "value": "2019-04-01"}])
	r := milestones.deny with input as plan
	r == {{
		"msg": concat(" ", [
			"must-do 9 (quality and organisations in special measures) has no milestone due inside the plan period",
			"2017-04-01 to 2019-03-31",
		]),
		"pointer": "/must_dos/8/milestones",
		"expected": "2017-04-01 to 2019-03-31",
		"actual": ["2019-04-01"],
	}}
}

# the period follows the plan's own years: a one-year 2016/17 plan ends on 2017-03-31
test_fail_period_from_plan_years if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/year", "value": "2016/17"},
		{"op": "replace", "path": "/years/2/basis", "value": "forecast_outturn"},
		{"op": "replace", "path": "/years/0/year", "value": "2015/16"},
	])
	r := milestones.deny with input as plan
	count(r) == 9
	some f in r
	f.expected == "2016-04-01 to 2017-03-31"
}

test_fail_missing_milestones if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/must_dos/5/milestones"}])
	r := milestones.deny with input as plan
	r == {{
		"msg": "must-do 6 (62-day cancer standard) has no milestone due inside the plan period 2017-04-01 to 2019-03-31",
		"pointer": "/must_dos/5/milestones",
		"expected": "2017-04-01 to 2019-03-31",
		"actual": [],
	}}
}

test_fail_missing_due_date if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/must_dos/5/milestones/0/due"}])
	r := milestones.deny with input as plan
	r == {{
		"msg": "must-do 6 (62-day cancer standard) has no milestone due inside the plan period 2017-04-01 to 2019-03-31",
		"pointer": "/must_dos/5/milestones",
		"expected": "2017-04-01 to 2019-03-31",
		"actual": [],
	}}
}

test_fail_missing_entry if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/must_dos/1"}])
	r := milestones.deny with input as plan
	r == {{
		"msg": "must-do 2 (aggregate financial balance) has no milestone due inside the plan period 2017-04-01 to 2019-03-31",
		"pointer": "/must_dos",
		"expected": "2017-04-01 to 2019-03-31",
		"actual": [],
	}}
}

test_fail_missing_plan_years if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/basis", "value": "forecast_outturn"},
		{"op": "replace", "path": "/years/2/basis", "value": "forecast_outturn"},
	])
	r := milestones.deny with input as plan
	r == {{
		"msg": "must-do milestones cannot be assessed: the plan has no plan years, so no plan period",
		"pointer": "/years",
	}}
}
