package planassure.rules.footprint.member_consistency_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.lib.footprint_fixture_test as fixtures
import data.planassure.rules.footprint.member_consistency

test_pass_fixture if {
	r := member_consistency.deny with input as fixtures.with_members
	r == set()
}

test_pass_not_on_a_ccg_plan if {
	r := member_consistency.deny with input as fixture.plan
	r == set()
	n := member_consistency.not_applicable with input as fixture.plan
		with data.planassure.rounds as {"2017-19": {"tolerance": null}}
	n == set()
}

test_pass_within_tolerance if {
	fp := json.patch(fixtures.footprint, [{"op": "replace", "path": "/footprint/years/0/stated/nhs", "value": -901}])
	r := member_consistency.deny with input as fp
	r == set()
}

# the Somerset case: the stated NHS total is not the sum of the organisations
test_fail_stated_total_does_not_add_up if {
	fp := json.patch(fixtures.footprint, [
		{"op": "replace", "path": "/footprint/years/0/stated/nhs", "value": -9400},
		{"op": "replace", "path": "/footprint/years/0/stated/health_and_care", "value": -9900},
	])
	r := member_consistency.deny with input as fp
	r == {{
		"msg": concat(" ", [
			"2016/17: the stated NHS total -9400 is not what the members' figures give, -900",
			"(commissioner, provider and system-level figures; tolerance 1)",
		]),
		"pointer": "/footprint/years/0/stated/nhs",
		"expected": -900,
		"actual": -9400,
	}}
}

test_fail_each_stated_total if {
	fp := json.patch(fixtures.footprint, [
		{"op": "replace", "path": "/footprint/years/1/stated/commissioner", "value": 5},
		{"op": "replace", "path": "/footprint/years/1/stated/provider", "value": 5},
		{"op": "replace", "path": "/footprint/years/1/stated/nhs_before_stf", "value": 5},
		{"op": "replace", "path": "/footprint/years/1/stated/stf", "value": 5},
		{"op": "replace", "path": "/footprint/years/1/stated/health_and_care", "value": 5},
	])
	r := member_consistency.deny with input as fp
	{[f.pointer, f.expected] | some f in r} == {
		["/footprint/years/1/stated/commissioner", 0],
		["/footprint/years/1/stated/provider", 1500],
		["/footprint/years/1/stated/nhs_before_stf", -2500],
		["/footprint/years/1/stated/stf", 4000],
		["/footprint/years/1/stated/health_and_care", 1500],
	}
}

test_fail_member_stf_identity if {
	fp := json.patch(fixtures.footprint, [{"op": "replace", "path": "/footprint/years/1/members/1/stf", "value": 3000}])
	r := member_consistency.deny with input as fp
	{
		"msg": concat(" ", [
			"2017/18: Fixture Acute NHS FT (R0A):",
			"surplus after STF 1000 is not its surplus before STF -3000 plus its STF 3000 (tolerance 1)",
		]),
		"pointer": "/footprint/years/1/members/1/surplus_after_stf",
		"expected": 0,
		"actual": 1000,
	} in r

	# the stated STF and NHS-before-STF totals no longer add up either
	{f.pointer | some f in r} == {
		"/footprint/years/1/members/1/surplus_after_stf",
		"/footprint/years/1/stated/stf",
		"/footprint/years/1/stated/nhs_before_stf",
	}
}

test_fail_member_plan_disagrees if {
	ccg := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/surplus/in_year", "value": 250}])
	fp := object.union(fixtures.footprint, {"member_plans": [ccg]})
	r := member_consistency.deny with input as fp
	r == {{
		"msg": concat(" ", [
			"2017/18: NHS Fixture CCG (00X): the footprint gives surplus/(deficit) 0,",
			"its own plan an in-year surplus of 250 (tolerance 1)",
		]),
		"pointer": "/footprint/years/1/members/0/surplus_after_stf",
		"expected": 250,
		"actual": 0,
	}}
}

test_fail_plan_of_a_non_member if {
	other := json.patch(fixture.plan, [
		{"op": "replace", "path": "/organisation/code", "value": "99Q"},
		{"op": "replace", "path": "/organisation/name", "value": "NHS Elsewhere CCG"},
	])
	fp := object.union(fixtures.footprint, {"member_plans": [fixture.plan, other]})
	r := member_consistency.deny with input as fp
	r == {{
		"msg": "the plan of NHS Elsewhere CCG (99Q) names this footprint (organisation.stp) but is not one of its members",
		"pointer": "/footprint/members",
	}}
}

test_fail_missing_figure if {
	fp := json.patch(fixtures.footprint, [{"op": "remove", "path": "/footprint/years/0/members/1/surplus_after_stf"}])
	r := member_consistency.deny with input as fp
	r == {{
		"msg": "2016/17: surplus/(deficit) after STF of Fixture Acute NHS FT (R0A) is missing",
		"pointer": "/footprint/years/0/members/1/surplus_after_stf",
	}}
}

test_fail_missing_plan_figure if {
	ccg := json.patch(fixture.plan, [{"op": "remove", "path": "/years/2/finance/surplus/in_year"}])
	fp := object.union(fixtures.footprint, {"member_plans": [ccg]})
	r := member_consistency.deny with input as fp
	r == {{
		"msg": concat(" ", [
			"2018/19: NHS Fixture CCG (00X): its own plan's in-year surplus is missing:",
			"the footprint's figure 0 cannot be confirmed",
		]),
		"pointer": "/footprint/years/2/members/0/surplus_after_stf",
	}}
}

test_not_applicable_without_tolerance if {
	fp := json.patch(fixtures.footprint, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "replace", "path": "/footprint/years/0/stated/nhs", "value": -9400},
	])
	r := member_consistency.deny with input as fp with data.planassure.rounds as {"2019/20": {"contingency_pct": 0.5}}
	r == set()
	n := member_consistency.not_applicable with input as fp
		with data.planassure.rounds as {"2019/20": {"contingency_pct": 0.5}}
	n == {"the round sets no arithmetic tolerance"}
}
