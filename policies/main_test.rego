package main_test

import data.lib.fixture_test as fixture
import data.main

test_pass_fixture_has_no_findings if {
	r := main.deny with input as fixture.plan
	r == set()
}

test_fail_findings_carry_their_rule_id if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/finance/surplus/cumulative_carried_forward"}])
	r := main.deny with input as plan
	some f in r
	f.rule == "finance.cumulative_surplus"
	f.pointer == "/years/1/finance/surplus/cumulative_carried_forward"
}

test_not_applicable_names_the_rule if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/submission/round", "value": "2018/19"}])
	n := main.not_applicable with input as plan
	some x in n
	x.rule == "finance.cumulative_surplus"
	x.msg == "the round sets no cumulative surplus threshold (the CCG control total governs)"
}
