package planassure.rules.footprint.unconfirmed_funding_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.lib.footprint_fixture_test as fixtures
import data.planassure.rules.footprint.unconfirmed_funding

test_pass_fixture if {
	r := unconfirmed_funding.deny with input as fixtures.with_members
	r == set()
}

test_pass_not_on_a_ccg_plan if {
	r := unconfirmed_funding.deny with input as fixture.plan
	r == set()
}

test_pass_confirmed_nothing_outstanding if {
	fp := json.patch(fixtures.footprint, [
		{
			"op": "add",
			"path": "/footprint/years/1/unconfirmed_funding",
			"value": [{"kind": "stf", "description": "STF now confirmed", "amount": 0}],
		},
	])
	r := unconfirmed_funding.deny with input as fp
	r == set()
}

test_fail_indicative_stf if {
	fp := json.patch(fixtures.footprint, [
		{
			"op": "add",
			"path": "/footprint/years/2/unconfirmed_funding",
			"value": [{"kind": "stf", "description": "Indicative STF allocation", "amount": 3000}],
		},
	])
	r := unconfirmed_funding.deny with input as fp
	r == {{
		"msg": concat(" ", [
			"2018/19: the position relies on 3000 of unconfirmed sustainability and transformation funding (STF):",
			"Indicative STF allocation; without it the NHS position after STF would be -1500, not 1500",
		]),
		"pointer": "/footprint/years/2/unconfirmed_funding/0/amount",
		"actual": 3000,
	}}
}

test_fail_headroom_named_member if {
	fp := json.patch(fixtures.footprint, [
		{
			"op": "add",
			"path": "/footprint/years/1/unconfirmed_funding",
			"value": [{"kind": "headroom", "description": "headroom the CCG expects to access", "amount": 700, "member": "00X"}],
		},
		{"op": "remove", "path": "/footprint/years/1/members/3"},
	])
	r := unconfirmed_funding.deny with input as fp
	r == {{
		"msg": concat(" ", [
			"2017/18: the position relies on 700 of unconfirmed headroom funding",
			"(relied on by NHS Fixture CCG (00X)): headroom the CCG expects to access",
		]),
		"pointer": "/footprint/years/1/unconfirmed_funding/0/amount",
		"actual": 700,
	}}
}

test_fail_missing_figure if {
	fp := json.patch(fixtures.footprint, [
		{
			"op": "add",
			"path": "/footprint/years/1/unconfirmed_funding",
			"value": [{"kind": "other", "description": "a transformation bid"}],
		},
	])
	r := unconfirmed_funding.deny with input as fp
	r == {{
		"msg": "2017/18: the amount of unconfirmed funding is missing: a transformation bid",
		"pointer": "/footprint/years/1/unconfirmed_funding/0/amount",
	}}
}
