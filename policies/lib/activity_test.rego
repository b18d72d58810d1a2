package planassure.lib.activity_test

import data.planassure.lib.activity
import data.planassure.lib.fixture_test as fixture

test_seven_lines if {
	count(activity.lines) == 7
	"elective_admissions" in activity.lines
}

test_total_of_count_or_object if {
	activity.total(20000) == 20000
	activity.total({"plan": 20600, "growth": 700}) == 20600
	not activity.total({"growth": 700})
	not activity.total(null)
}

test_line_or_null if {
	activity.line(fixture.plan.years[0], "elective_admissions") == 20000
	activity.line(fixture.plan.years[0], "ae_attendances") == null
}

test_alignment_gap_default if {
	activity.alignment_gap_pp == 5 with input as fixture.plan
}

test_alignment_gap_per_round_by_data if {
	activity.alignment_gap_pp == 3 with input as fixture.plan
		with data.planassure.rounds as {"2017-19": {"alignment_gap_pp": 3}}
}

test_no_alignment_gap_for_unknown_round if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/submission/round", "value": "2099/00"}])
	not activity.alignment_gap_pp with input as plan
}
