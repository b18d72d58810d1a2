package planassure.rules.finance.running_costs_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.finance.running_costs

test_pass_fixture if {
	r := running_costs.deny with input as fixture.plan
	r == set()
}

test_pass_whole_allocation_spent if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/1/finance/expenditure/running_costs",
		"value": 4500,
	}])
	r := running_costs.deny with input as plan
	r == set()
}

test_fail_over_allocation if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/1/finance/expenditure/running_costs",
		"value": 4501,
	}])
	r := running_costs.deny with input as plan
	r == {{
		"msg": "2017/18: running costs 4501 exceed the running cost allocation 4500",
		"pointer": "/years/1/finance/expenditure/running_costs",
		"expected": 4500,
		"actual": 4501,
	}}
}

test_fail_allocation_cut if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/2/finance/funding/running_cost", "value": 4000}])
	r := running_costs.deny with input as plan
	r == {{
		"msg": "2018/19: running costs 4400 exceed the running cost allocation 4000",
		"pointer": "/years/2/finance/expenditure/running_costs",
		"expected": 4000,
		"actual": 4400,
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/finance/expenditure/running_costs"}])
	r := running_costs.deny with input as plan
	r == {{
		"msg": "2017/18: running costs is missing",
		"pointer": "/years/1/finance/expenditure/running_costs",
	}}
}

test_fail_missing_allocation if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/2/finance/funding/running_cost"}])
	r := running_costs.deny with input as plan
	r == {{
		"msg": "2018/19: running cost allocation is missing",
		"pointer": "/years/2/finance/funding/running_cost",
	}}
}

# the gate: costs within the allocation are not looked at again, at the allocation too
test_pass_sound_years if {
	s := running_costs._sound with input as fixture.plan
	s == {1, 2}
	running_costs._unsound == {} with input as fixture.plan
	at := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/finance/expenditure/running_costs", "value": 4500},
	])
	running_costs._sound == {1, 2} with input as at
}

# each way out of the gate leaves the year to the clauses above: [patch of 2017/18, findings]
test_fail_unsound_years_each_way if {
	cases := [
		[[{"op": "replace", "path": "/years/1/finance/expenditure/running_costs", "value": 4500.5}], 1],
		[[{"op": "replace", "path": "/years/1/finance/funding/running_cost", "value": "4500"}], 1],
		[[{"op": "remove", "path": "/years/1/finance/expenditure/running_costs"}], 1],
	]
	every c in cases {
		plan := json.patch(fixture.plan, c[0])
		running_costs._sound == {2} with input as plan
		object.keys(running_costs._unsound) == {1} with input as plan
		count(running_costs.deny) == c[1] with input as plan
	}
}
