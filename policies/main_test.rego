package planassure.main_test

import data.planassure.lib.current_fixture_test as current
import data.planassure.lib.fixture_test as fixture
import data.planassure.lib.footprint_fixture_test as footprint_fixture
import data.planassure.main

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

# each kind of document is checked by its own rules only
test_pass_footprint_gets_no_plan_rule_findings if {
	r := main.deny with input as footprint_fixture.with_members
	r == set()
}

test_fail_footprint_findings_carry_their_rule_id if {
	fp := json.patch(footprint_fixture.footprint, [
		{"op": "replace", "path": "/footprint/years/0/stated/nhs", "value": -9400},
	])
	r := main.deny with input as fp
	{f.rule | some f in r} == {"footprint.member_consistency"}
}

test_not_applicable_names_the_other_kind if {
	n := main.not_applicable with input as fixture.plan
	{
		"rule": "footprint.aggregate_balance",
		"msg": "a footprint rule: it applies to footprint (STP) submissions, not to the plan of one organisation",
	} in n
	f := main.not_applicable with input as footprint_fixture.footprint
	{
		"rule": "must_dos.all_answered",
		"msg": "a rule for the plan of one organisation: it does not apply to a footprint (STP) submission",
	} in f
	not {
		"rule": "footprint.aggregate_balance",
		"msg": "a footprint rule: it applies to footprint (STP) submissions, not to the plan of one organisation",
	} in f
}

test_pass_plans_of_the_current_rounds if {
	every p in [current.icb, current.trust, current.icb_2025, current.trust_2025] {
		main.deny == set() with input as p
	}
}

test_commissioner_rules_do_not_apply_to_a_trust if {
	n := main.not_applicable with input as current.trust
	{
		"rule": "finance.funding_total",
		"msg": "a commissioner rule (CCG or ICB finance and activity): it does not apply to an NHS trust's plan",
	} in n
	plan := json.patch(current.trust, [{"op": "add", "path": "/years/1/finance/funding", "value": {"total": 1}}])
	r := main.deny with input as plan
	r == set()
}

test_a_new_rule_fires_through_the_entrypoint if {
	plan := json.patch(current.trust, [{"op": "replace", "path": "/years/3/finance/deficit_support", "value": 12000}])
	r := main.deny with input as plan
	{f.rule | some f in r} == {"finance.deficit_support_exit"}
}
