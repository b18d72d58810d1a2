package planassure.main_test

import data.planassure.lib.current_fixture_test as current
import data.planassure.lib.fixture_test as fixture
import data.planassure.lib.footprint_fixture_test as footprint_fixture
import data.planassure.main

test_pass_fixture_has_no_findings if {
	r := main.findings with input as fixture.plan
	r == set()
}

test_fail_findings_carry_their_rule_id if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/finance/surplus/cumulative_carried_forward"}])
	r := main.findings with input as plan
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
	r := main.findings with input as footprint_fixture.with_members
	r == set()
}

test_fail_footprint_findings_carry_their_rule_id if {
	fp := json.patch(footprint_fixture.footprint, [
		{"op": "replace", "path": "/footprint/years/0/stated/nhs", "value": -9400},
	])
	r := main.findings with input as fp
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

# findings carry their rule's title and severity; errors are under deny and
# warnings under warn, as conftest reads them
test_findings_carry_title_and_severity if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/finance/surplus/cumulative_carried_forward"}])
	r := main.findings with input as plan
	some f in r
	f.rule == "finance.cumulative_surplus"
	f.severity == "error"
	f.title == data.planassure.rules.finance.cumulative_surplus.meta.title
	f in main.deny with input as plan
	not f in main.warn with input as plan
	main.verdict == "not_assured" with input as plan
}

test_warnings_go_to_warn if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/qipp/identified", "value": 7366}])
	some f in main.warn with input as plan
	f.rule == "finance.qipp_stretch"
	f.severity == "warning"
	not f in main.deny with input as plan
}

test_verdict_assured if {
	main.verdict == "assured" with input as fixture.plan
}

test_verdict_with_conditions if {
	main.verdict == "assured_with_conditions" with input as fixture.plan
		with data.planassure.rules as {"finance": {"local": {"deny": {{"msg": "m", "severity": "warning"}}}}}
}

# a rule without meta (a local rule) still reports, with no title or severity of its own
test_rule_without_meta if {
	r := main.findings with input as fixture.plan
		with data.planassure.rules as {"finance": {"local": {"deny": {{"msg": "m"}}}}}
	r == {{"msg": "m", "rule": "finance.local"}}
}

# every rule states its title and default severity (only meta and deny are
# read: the rule packages' documents would also hold their tests)
test_every_rule_has_meta if {
	metas := {concat(".", [area, name]): m |
		some area, name
		m := data.planassure.rules[area][name].meta
	}
	ids := {concat(".", [area, name]) |
		some area, name
		data.planassure.rules[area][name].deny
	}
	count(ids) > 40
	every id in ids {
		metas[id].title != ""
		metas[id].severity in {"error", "warning"}
	}
}

test_pass_plans_of_the_current_rounds if {
	every p in [current.icb, current.trust, current.icb_2025, current.trust_2025] {
		main.findings == set() with input as p
	}
}

test_commissioner_rules_do_not_apply_to_a_trust if {
	n := main.not_applicable with input as current.trust
	{
		"rule": "finance.funding_total",
		"msg": "a commissioner rule (CCG or ICB finance and activity): it does not apply to an NHS trust's plan",
	} in n
	plan := json.patch(current.trust, [{"op": "add", "path": "/years/1/finance/funding", "value": {"total": 1}}])
	r := main.findings with input as plan
	r == set()
}

test_a_new_rule_fires_through_the_entrypoint if {
	plan := json.patch(current.trust, [{"op": "replace", "path": "/years/3/finance/deficit_support", "value": 12000}])
	r := main.findings with input as plan
	{f.rule | some f in r} == {"finance.deficit_support_exit"}
}

# the rules that run: a plan runs every rule but the footprint ones, a footprint only
# those, a trust's plan none of the commissioner rules
test_pass_running_rules_by_kind if {
	ids := {id | some [_, _, id] in main._rules}
	count(ids) > 40
	on_plan := {id | some [_, _, id] in main._running} with input as fixture.plan
	on_plan == {id | some id in ids; not startswith(id, "footprint.")}
	on_footprint := {id | some [_, _, id] in main._running} with input as footprint_fixture.footprint
	on_footprint == {id | some id in ids; startswith(id, "footprint.")}
}

test_fail_running_rules_of_a_trust if {
	on_trust := {id | some [_, _, id] in main._running} with input as current.trust
	"finance.funding_total" in {id | some [_, _, id] in main._rules}
	not "finance.funding_total" in on_trust
	not "footprint.aggregate_balance" in on_trust
	"performance.ae_4hr" in on_trust
}
