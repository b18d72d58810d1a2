package planassure.rules.finance.qipp_stretch_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.finance.qipp_stretch

test_pass_fixture if {
	r := qipp_stretch.deny with input as fixture.plan
	r == set()
}

# 3% of 245,500 is 7,365: QIPP of exactly that is not above it, 7,366 is
test_pass_exactly_at_threshold if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/qipp/identified", "value": 7365}])
	r := qipp_stretch.deny with input as plan
	r == set()
}

test_fail_just_above_threshold if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/qipp/identified", "value": 7366}])
	r := qipp_stretch.deny with input as plan
	r == {{
		"msg": concat("", [
			"2017/18: QIPP savings 7366 are 3.01% of allocation 245500, ",
			"above the 3% (7365) beyond which delivery is at risk",
		]),
		"pointer": "/years/1/finance/qipp",
		"expected": 7365,
		"actual": 7366,
	}}
}

# unidentified savings count towards the stretch
test_fail_with_unidentified_savings if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/2/finance/qipp/unidentified", "value": 5500}])
	r := qipp_stretch.deny with input as plan
	r == {{
		"msg": concat("", [
			"2018/19: QIPP savings 9800 are 3.92% of allocation 250500, ",
			"above the 3% (7515) beyond which delivery is at risk",
		]),
		"pointer": "/years/2/finance/qipp",
		"expected": 7515,
		"actual": 9800,
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/1/finance/qipp/identified"}])
	r := qipp_stretch.deny with input as plan
	r == {{
		"msg": "2017/18: identified QIPP is missing",
		"pointer": "/years/1/finance/qipp/identified",
	}}
}

test_fail_missing_unidentified if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/2/finance/qipp/unidentified", "value": null}])
	r := qipp_stretch.deny with input as plan
	r == {{
		"msg": "2018/19: unidentified QIPP is missing",
		"pointer": "/years/2/finance/qipp/unidentified",
	}}
}

test_fail_missing_allocation if {
	plan := json.patch(fixture.plan, [{
		"op": "replace",
		"path": "/years/1/finance/funding/recurrent_programme",
		"value": -5500,
	}])
	r := qipp_stretch.deny with input as plan
	r == {{
		"msg": "2017/18: QIPP stretch cannot be assessed: allocation is missing or not positive",
		"pointer": "/years/1/finance/funding",
	}}
}

# every built-in round sets the stretch; a user round without one makes the rule not apply
test_pass_not_applicable_without_threshold if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2019/20"},
		{"op": "replace", "path": "/years/1/finance/qipp/identified", "value": 20000},
	])
	r := qipp_stretch.deny with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	r == set()
	n := qipp_stretch.not_applicable with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
	n == {"the round sets no QIPP stretch threshold"}
}

# the gate: whole figures within the threshold are not looked at again, at the line too
# (3% of 245,500 is 7,365)
test_pass_sound_years if {
	s := qipp_stretch._sound with input as fixture.plan
	s == {1, 2}
	qipp_stretch._unsound == {} with input as fixture.plan
	at := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/finance/qipp/identified", "value": 7365}])
	qipp_stretch._sound == {1, 2} with input as at
}

# each way out of the gate leaves the year to the clauses above: [patch of 2017/18, findings]
test_fail_unsound_years_each_way if {
	cases := [
		[[{"op": "replace", "path": "/years/1/finance/qipp/identified", "value": 7366}], 1],
		[[{"op": "replace", "path": "/years/1/finance/qipp/unidentified", "value": 0.5}], 0],
		[[{"op": "replace", "path": "/years/1/finance/qipp/identified", "value": "3500"}], 1],
		[[{"op": "remove", "path": "/years/1/finance/qipp/unidentified"}], 1],
		[[{"op": "replace", "path": "/years/1/finance/funding/recurrent_programme", "value": -5500}], 1],
	]
	every c in cases {
		plan := json.patch(fixture.plan, c[0])
		qipp_stretch._sound == {2} with input as plan
		plan_years := {i | some i, year in plan.years; year.basis == "plan"}
		object.keys(qipp_stretch._unsound) == plan_years - qipp_stretch._sound with input as plan
		count(qipp_stretch.deny) == c[1] with input as plan
	}
}

# a threshold that is not a whole number leaves every year to the clauses above
test_fail_unsound_decimal_threshold if {
	s := qipp_stretch._sound with input as fixture.plan with data.planassure.rounds as _decimal_threshold
	s == set()
	r := qipp_stretch.deny with input as fixture.plan with data.planassure.rounds as _decimal_threshold
	r == set()
}

_decimal_threshold := {"2017-19": {"qipp_stretch_pct": 2.5}}
