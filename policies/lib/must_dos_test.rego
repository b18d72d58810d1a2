package planassure.lib.must_dos_test

import data.planassure.lib.current_fixture_test as current
import data.planassure.lib.fixture_test as fixture
import data.planassure.lib.must_dos

test_nine_must_dos if {
	object.keys(must_dos.names) == {n | some n in numbers.range(1, 9)}
}

test_metrics_for_must_dos_4_to_7 if {
	object.keys(must_dos.metrics) == {4, 5, 6, 7}
	must_dos.metrics[7] == {"eip_2wk", "iapt_6wk", "iapt_18wk"}
}

test_entries_keyed_by_index if {
	plan := json.patch(fixture.plan, [{"op": "add", "path": "/must_dos/-", "value": {"number": 2}}])
	e := must_dos.entries(2) with input as plan
	object.keys(e) == {1, 9}
}

test_pointer_to_first_entry_else_list if {
	must_dos.pointer(4, "lead") == "/must_dos/3/lead" with input as fixture.plan
	must_dos.pointer(10, "lead") == "/must_dos" with input as fixture.plan
}

test_has_text if {
	must_dos.has_text(" a ")
	not must_dos.has_text(" \t\n")
}

test_period_from_plan_years if {
	must_dos.period_start == "2017-04-01" with input as fixture.plan
	must_dos.period_end == "2019-03-31" with input as fixture.plan
}

test_in_period_includes_both_ends if {
	must_dos.in_period("2017-04-01") with input as fixture.plan
	must_dos.in_period("2019-03-31") with input as fixture.plan
	not must_dos.in_period("2017-03-31") with input as fixture.plan
	not must_dos.in_period("2019-04-01") with input as fixture.plan
	not must_dos.in_period(null) with input as fixture.plan
}

test_no_period_without_plan_years if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/basis", "value": "outturn"},
		{"op": "replace", "path": "/years/2/basis", "value": "outturn"},
	])
	not must_dos.period_start with input as plan
	not must_dos.period_end with input as plan
}

test_the_round_names_its_own_list if {
	object.keys(must_dos.names) == {n | some n in numbers.range(1, 7)} with input as current.icb_2025
	must_dos.names[2] == "improve A&E waiting times and ambulance response times" with input as current.icb_2025
	object.keys(must_dos.names) == {n | some n in numbers.range(1, 15)} with input as current.trust
	object.keys(must_dos.metrics) == {1, 2, 3, 4, 5, 6, 7, 11, 13, 15} with input as current.icb
	must_dos.metrics[3] == {"cancer_31d", "cancer_62d"} with input as current.trust
}

test_a_trust_lists_the_metrics_of_its_services if {
	plan := json.patch(current.trust, [{"op": "replace", "path": "/organisation/services", "value": ["community"]}])
	m := must_dos.metrics with input as plan
	m == {11: {"community_18wk"}}
}
