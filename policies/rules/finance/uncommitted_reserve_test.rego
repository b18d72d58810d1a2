package planassure.rules.finance.uncommitted_reserve_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.finance.uncommitted_reserve

test_pass_fixture if {
	r := uncommitted_reserve.deny with input as fixture.plan
	r == set()
}

# 0.5% of 245,500 is 1,227.5: 1,228 meets it, 1,227 does not
test_pass_just_above_threshold if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/1/finance/reserves/non_recurrent_uncommitted",
		"value": 1228,
	}])
	r := uncommitted_reserve.deny with input as plan
	r == set()
}

test_fail_just_below_threshold if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/1/finance/reserves/non_recurrent_uncommitted",
		"value": 1227,
	}])
	r := uncommitted_reserve.deny with input as plan
	r == {{
		"msg": "2017/18: uncommitted reserve 1227 is 0.49% of allocation 245500, below the 0.5% required (1227.5)",
		"pointer": "/years/1/finance/reserves/non_recurrent_uncommitted",
		"expected": 1227.5,
		"actual": 1227,
	}}
}

# equal to the whole reserve is allowed: all of it may be held uncommitted
test_pass_whole_reserve_uncommitted if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/1/finance/reserves/non_recurrent_uncommitted",
		"value": 2500,
	}])
	r := uncommitted_reserve.deny with input as plan
	r == set()
}

test_fail_more_than_the_reserve if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/1/finance/reserves/non_recurrent_uncommitted",
		"value": 2600,
	}])
	r := uncommitted_reserve.deny with input as plan
	r == {{
		"msg": "2017/18: uncommitted reserve 2600 is more than the non-recurrent reserve 2500 it is part of",
		"pointer": "/years/1/finance/reserves/non_recurrent_uncommitted",
		"expected": 2500,
		"actual": 2600,
	}}
}

# 2016/17 held the whole 1% uncommitted: the fixture's 0.5% falls short in both years
test_fail_whole_percent_in_2016_17 if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/submission/round", "value": "2016/17"}])
	r := uncommitted_reserve.deny with input as plan
	r == {
		{
			"msg": "2017/18: uncommitted reserve 1300 is 0.52% of allocation 245500, below the 1% required (2455)",
			"pointer": "/years/1/finance/reserves/non_recurrent_uncommitted",
			"expected": 2455,
			"actual": 1300,
		},
		{
			"msg": "2018/19: uncommitted reserve 1300 is 0.51% of allocation 250500, below the 1% required (2505)",
			"pointer": "/years/2/finance/reserves/non_recurrent_uncommitted",
			"expected": 2505,
			"actual": 1300,
		},
	}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/2/finance/reserves/non_recurrent_uncommitted"}])
	r := uncommitted_reserve.deny with input as plan
	r == {{
		"msg": "2018/19: uncommitted reserve is missing",
		"pointer": "/years/2/finance/reserves/non_recurrent_uncommitted",
	}}
}

test_fail_missing_reserve if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/2/finance/reserves/non_recurrent"}])
	r := uncommitted_reserve.deny with input as plan
	r == {{
		"msg": "2018/19: non-recurrent reserve is missing",
		"pointer": "/years/2/finance/reserves/non_recurrent",
	}}
}

test_fail_missing_allocation if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/funding/running_cost", "value": "4500"}])
	r := uncommitted_reserve.deny with input as plan
	r == {{
		"msg": "2017/18: uncommitted reserve cannot be assessed: allocation is missing or not positive",
		"pointer": "/years/1/finance/funding",
	}}
}

test_pass_not_applicable_in_refresh if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2018/19"},
		{"op": "replace", "path": "/years/1/finance/reserves/non_recurrent_uncommitted", "value": 9999},
	])
	r := uncommitted_reserve.deny with input as plan
	r == set()
	n := uncommitted_reserve.not_applicable with input as plan
	n == {"the round sets no uncommitted reserve threshold (lifted in the refresh)"}
}

# the gate: whole figures meeting the threshold, within the non-recurrent reserve, are not
# looked at again (0.5% of 245,500 is 1,227.5)
test_pass_sound_years if {
	s := uncommitted_reserve._sound with input as fixture.plan
	s == {1, 2}
	uncommitted_reserve._unsound == {} with input as fixture.plan
}

# each way out of the gate leaves the year to the clauses above, which decide it exactly:
# [patch of 2017/18, findings]
test_fail_unsound_years_each_way if {
	cases := [
		[[{"op": "replace", "path": "/years/1/finance/reserves/non_recurrent_uncommitted", "value": 1227}], 1],
		[[{"op": "replace", "path": "/years/1/finance/reserves/non_recurrent_uncommitted", "value": 1300.5}], 0],
		[[{"op": "replace", "path": "/years/1/finance/reserves/non_recurrent_uncommitted", "value": 2600}], 1],
		[[{"op": "replace", "path": "/years/1/finance/reserves/non_recurrent", "value": "2500"}], 1],
		[[{"op": "remove", "path": "/years/1/finance/reserves/non_recurrent_uncommitted"}], 1],
		[[{"op": "replace", "path": "/years/1/finance/funding/non_recurrent_programme", "value": 1000.5}], 0],
	]
	every c in cases {
		plan := json.patch(fixture.plan, c[0])
		uncommitted_reserve._sound == {2} with input as plan
		plan_years := {i | some i, year in plan.years; year.basis == "plan"}
		object.keys(uncommitted_reserve._unsound) == plan_years - uncommitted_reserve._sound with input as plan
		count(uncommitted_reserve.deny) == c[1] with input as plan
	}
}
