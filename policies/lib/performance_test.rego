package planassure.lib.performance_test

import data.planassure.lib.current_fixture_test as current
import data.planassure.lib.fixture_test as fixture
import data.planassure.lib.performance
import data.planassure.lib.rounds

_keys := {
	"ae_4hr", "rtt_18wk", "cancer_2ww", "cancer_31d", "cancer_62d", "diagnostics_6wk", "iapt_access",
	"iapt_recovery", "iapt_6wk", "iapt_18wk", "eip_2wk", "dementia_diagnosis", "cyp_mh_access",
	"cyp_eating_disorders", "rtt_first_appt_18wk", "rtt_52wk_share", "cancer_fds_28d", "ae_12hr",
	"cat2_mean_minutes", "community_18wk", "tt_reliable_recovery", "tt_reliable_improvement",
	"ld_inpatient_reduction",
}

# every performance key of plan-format.md has a label and a rule file
test_pass_every_key_labelled if {
	object.keys(performance.labels) == _keys
	every key in _keys {
		data.planassure.rules.performance[key].deny == set() with input as fixture.plan
	}
}

test_pass_fixture_has_no_findings if {
	f := performance.findings with input as fixture.plan
	f == {}
}

test_pass_thresholds_by_round_and_year if {
	t := {[round, key, fy]: threshold |
		some round in {"2016/17", "2017-19", "2018/19"}
		some key in {"ae_4hr", "iapt_access", "eip_2wk", "cyp_mh_access"}
		some fy in {"2017/18", "2018/19"}
		p := json.patch(fixture.plan, [{"op": "replace", "path": "/submission/round", "value": round}])
		threshold := rounds.performance_threshold(key, fy) with input as p
	}
	t == {
		["2016/17", "ae_4hr", "2017/18"]: 95, ["2016/17", "ae_4hr", "2018/19"]: 95,
		["2016/17", "iapt_access", "2017/18"]: 15, ["2016/17", "iapt_access", "2018/19"]: 15,
		["2016/17", "eip_2wk", "2017/18"]: 50, ["2016/17", "eip_2wk", "2018/19"]: 50,
		["2017-19", "ae_4hr", "2017/18"]: 95, ["2017-19", "ae_4hr", "2018/19"]: 95,
		["2017-19", "iapt_access", "2017/18"]: 16.8, ["2017-19", "iapt_access", "2018/19"]: 19,
		["2017-19", "eip_2wk", "2017/18"]: 50, ["2017-19", "eip_2wk", "2018/19"]: 53,
		["2017-19", "cyp_mh_access", "2018/19"]: 32,
		["2018/19", "ae_4hr", "2017/18"]: 90, ["2018/19", "ae_4hr", "2018/19"]: 90,
		["2018/19", "iapt_access", "2017/18"]: 19, ["2018/19", "iapt_access", "2018/19"]: 19,
		["2018/19", "eip_2wk", "2017/18"]: 53, ["2018/19", "eip_2wk", "2018/19"]: 53,
		["2018/19", "cyp_mh_access", "2017/18"]: 32, ["2018/19", "cyp_mh_access", "2018/19"]: 32,
	}
}

# a user's threshold that is not a number sets no threshold (so the rule does not apply)
test_pass_threshold_not_a_number_is_no_threshold if {
	not rounds.performance_threshold("eip_2wk", "2017/18") with input as fixture.plan
		with data.planassure.rounds as {"2017-19": {"performance": {"eip_2wk": {"2017/18": "50%"}}}}
	not rounds.performance_threshold("ae_4hr", "2017/18") with input as fixture.plan
		with data.planassure.rounds as {"2017-19": {"performance": {"ae_4hr": "95%"}}}
}

# a user's data file overrides one threshold and keeps the others
test_fail_override_threshold_by_data if {
	r := performance.findings with input as fixture.plan
		with data.planassure.rounds as {"2017-19": {"performance": {"ae_4hr": 96}}}
	r == {"ae_4hr": {
		{
			"msg": "2017/18: A&E within 4 hours planned at 95%, below the 96% standard, with no recovery plan",
			"pointer": "/years/1/performance/ae_4hr/plan",
			"expected": 96,
			"actual": 95,
		},
		{
			"msg": "2018/19: A&E within 4 hours planned at 95%, below the 96% standard, with no recovery plan",
			"pointer": "/years/2/performance/ae_4hr/plan",
			"expected": 96,
			"actual": 95,
		},
	}}
}

test_fail_below_standard_without_recovery_plan if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/performance/cancer_62d/plan", "value": 84.99}])
	r := performance.findings with input as plan
	r == {"cancer_62d": {{
		"msg": concat(" ", [
			"2017/18: cancer 62-day wait from urgent referral to treatment planned at 84.99%, below the 85% standard,",
			"with no recovery plan",
		]),
		"pointer": "/years/1/performance/cancer_62d/plan",
		"expected": 85,
		"actual": 84.99,
	}}}
}

# a blank recovery plan is no recovery plan
test_fail_blank_recovery_plan_is_error if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/rtt_18wk/plan", "value": 89},
		{"op": "add", "path": "/years/1/performance/rtt_18wk/recovery_plan", "value": "  "},
	])
	r := performance.findings.rtt_18wk with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: RTT waits under 18 weeks (incomplete pathways) planned at 89%, below the 92% standard,",
			"with no recovery plan",
		]),
		"pointer": "/years/1/performance/rtt_18wk/plan",
		"expected": 92,
		"actual": 89,
	}}
}

test_fail_below_standard_with_recovery_plan_is_warning if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/rtt_18wk/plan", "value": 89},
		{"op": "add", "path": "/years/1/performance/rtt_18wk/recovery_plan", "value": " NNUH Remedial Action Plan\n"},
	])
	r := performance.findings.rtt_18wk with input as plan
	r == {{
		"msg": concat(" ", [
			"2017/18: RTT waits under 18 weeks (incomplete pathways) planned at 89%, below the 92% standard;",
			"recovery plan: NNUH Remedial Action Plan",
		]),
		"pointer": "/years/1/performance/rtt_18wk/plan",
		"expected": 92,
		"actual": 89,
		"severity": "warning",
	}}
}

# a recovery plan that is not text is no recovery plan (the schema refuses it)
test_fail_recovery_plan_not_text_is_error if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/2/performance/iapt_6wk/plan", "value": 70},
		{"op": "add", "path": "/years/2/performance/iapt_6wk/recovery_plan", "value": true},
	])
	r := performance.findings.iapt_6wk with input as plan
	r == {{
		"msg": "2018/19: IAPT first treatment within 6 weeks planned at 70%, below the 75% standard, with no recovery plan",
		"pointer": "/years/2/performance/iapt_6wk/plan",
		"expected": 75,
		"actual": 70,
	}}
}

test_fail_missing_figure if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/2/performance"}])
	r := performance.findings.dementia_diagnosis with input as plan
	r == {{
		"msg": "2018/19: dementia diagnosis rate trajectory is missing",
		"pointer": "/years/2/performance/dementia_diagnosis",
	}}
}

# a planned level that is not a number is no figure
test_fail_missing_figure_plan_not_a_number if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/performance/ae_4hr/plan", "value": "95%"}])
	r := performance.findings.ae_4hr with input as plan
	r == {{
		"msg": "2017/18: A&E within 4 hours trajectory is missing",
		"pointer": "/years/1/performance/ae_4hr",
	}}
}

test_fail_plan_not_a_percentage if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/iapt_18wk/plan", "value": 101},
		{"op": "replace", "path": "/years/2/performance/iapt_18wk/plan", "value": -1},
	])
	r := performance.findings.iapt_18wk with input as plan
	r == {
		{
			"msg": "2017/18: IAPT first treatment within 18 weeks planned at 101, not a percentage from 0 to 100",
			"pointer": "/years/1/performance/iapt_18wk/plan",
			"actual": 101,
		},
		{
			"msg": "2018/19: IAPT first treatment within 18 weeks planned at -1, not a percentage from 0 to 100",
			"pointer": "/years/2/performance/iapt_18wk/plan",
			"actual": -1,
		},
		{
			"msg": "2018/19: IAPT first treatment within 18 weeks planned at -1%, below the 95% standard, with no recovery plan",
			"pointer": "/years/2/performance/iapt_18wk/plan",
			"expected": 95,
			"actual": -1,
		},
	}
}

test_fail_monthly_does_not_end_at_plan if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/2/performance/ae_4hr/monthly/11", "value": 94.8}])
	r := performance.findings.ae_4hr with input as plan
	r == {{
		"msg": "2018/19: A&E within 4 hours monthly trajectory ends at 94.8% in March, not at the 95% planned for the year",
		"pointer": "/years/2/performance/ae_4hr/monthly/11",
		"expected": 95,
		"actual": 94.8,
	}}
}

# within 0.1 either side: the year-end level is often a rounded March figure
test_pass_monthly_ends_within_tolerance if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/ae_4hr/monthly/11", "value": 94.9},
		{"op": "replace", "path": "/years/2/performance/ae_4hr/monthly/11", "value": 95.1},
	])
	r := performance.findings with input as plan
	r == {}
}

test_fail_monthly_not_a_percentage if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/ae_4hr/monthly/0", "value": 100.5},
		{"op": "replace", "path": "/years/1/performance/ae_4hr/monthly/5", "value": "94.5"},
		{"op": "replace", "path": "/years/1/performance/ae_4hr/monthly/11", "value": -95},
	])
	r := performance.findings.ae_4hr with input as plan
	r == {
		{
			"msg": "2017/18: A&E within 4 hours planned for April at 100.5, not a percentage from 0 to 100",
			"pointer": "/years/1/performance/ae_4hr/monthly/0",
			"actual": 100.5,
		},
		{
			"msg": "2017/18: A&E within 4 hours planned for September at 94.5, not a percentage from 0 to 100",
			"pointer": "/years/1/performance/ae_4hr/monthly/5",
			"actual": "94.5",
		},
		{
			"msg": "2017/18: A&E within 4 hours planned for March at -95, not a percentage from 0 to 100",
			"pointer": "/years/1/performance/ae_4hr/monthly/11",
			"actual": -95,
		},
		{
			"msg": "2017/18: A&E within 4 hours monthly trajectory ends at -95% in March, not at the 95% planned for the year",
			"pointer": "/years/1/performance/ae_4hr/monthly/11",
			"expected": 95,
			"actual": -95,
		},
	}
}

# each of these sorts below every number, so the least and greatest of the months
# (the check that spares the per-month loop) are not both numbers
test_fail_monthly_null_or_boolean if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/ae_4hr/monthly/3", "value": null},
		{"op": "replace", "path": "/years/2/performance/ae_4hr/monthly/4", "value": true},
	])
	r := performance.findings.ae_4hr with input as plan
	{f.pointer | some f in r} == {"/years/1/performance/ae_4hr/monthly/3", "/years/2/performance/ae_4hr/monthly/4"}
}

test_fail_monthly_not_twelve_months if {
	plan := json.patch(fixture.plan, [
		{"op": "add", "path": "/years/1/performance/ae_4hr/monthly/-", "value": 101},
		{"op": "replace", "path": "/years/2/performance/ae_4hr/monthly", "value": {"March": 95}},
	])
	r := performance.findings.ae_4hr with input as plan
	r == {
		{
			"msg": "2017/18: A&E within 4 hours monthly trajectory must list 12 months, April to March",
			"pointer": "/years/1/performance/ae_4hr/monthly",
		},
		{
			"msg": "2017/18: A&E within 4 hours planned for month 13 at 101, not a percentage from 0 to 100",
			"pointer": "/years/1/performance/ae_4hr/monthly/12",
			"actual": 101,
		},
		{
			"msg": "2018/19: A&E within 4 hours monthly trajectory must list 12 months, April to March",
			"pointer": "/years/2/performance/ae_4hr/monthly",
		},
	}
}

# monthly levels are checked only where the rule applies in that year
test_pass_monthly_not_checked_without_standard if {
	plan := json.patch(fixture.plan, [{
		"op": "add", "path": "/years/1/performance/cyp_mh_access/monthly",
		"value": [20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 120],
	}])
	r := performance.findings with input as plan
	r == {}
}

test_pass_lower_is_better if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/performance/diagnostics_6wk/plan", "value": 0}])
	r := performance.findings with input as plan
	r == {}
}

test_fail_lower_is_better_above_maximum if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/diagnostics_6wk/plan", "value": 1.2},
		{"op": "add", "path": "/years/1/performance/diagnostics_6wk/recovery_plan", "value": "Endoscopy insourcing"},
	])
	r := performance.findings with input as plan
	r == {"diagnostics_6wk": {{
		"msg": concat(" ", [
			"2017/18: diagnostic waits of 6 weeks or more planned at 1.2%, above the 1% maximum;",
			"recovery plan: Endoscopy insourcing",
		]),
		"pointer": "/years/1/performance/diagnostics_6wk/plan",
		"expected": 1,
		"actual": 1.2,
		"severity": "warning",
	}}}
}

test_pass_applies if {
	performance.applies("cyp_mh_access") with input as fixture.plan
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/years/2"}])
	not performance.applies("cyp_mh_access") with input as plan
	performance.applies("cyp_eating_disorders") with input as plan
}

test_pass_not_applicable_reason if {
	performance.not_applicable_reason("cyp_eating_disorders") == concat(" ", [
		"the round sets no standard for children and young people's eating disorder treatment in time",
		"in the plan's years",
	])
}

# an unknown round is reported elsewhere: no findings here, and no rule "not applicable"
test_pass_unknown_round_has_no_findings if {
	plan := json.patch(fixture.plan, [
		{"op": "replace", "path": "/submission/round", "value": "2099/00"},
		{"op": "replace", "path": "/years/1/performance/ae_4hr/plan", "value": 50},
	])
	r := performance.findings with input as plan
	r == {}
	every key in _keys {
		not performance.applies(key) with input as plan
		data.planassure.rules.performance[key].not_applicable == set() with input as plan
	}
}

test_pass_metrics_describe_every_label if {
	object.keys(performance.metrics) == object.keys(performance.labels)
	performance.metrics.diagnostics_6wk == {
		"label": "diagnostic waits of 6 weeks or more",
		"lower_is_better": true, "threshold": "performance.diagnostics_6wk",
		"unit": "%",
	}
	performance.metrics.ae_4hr.lower_is_better == false
}

test_fail_metric_of_no_label if {
	not performance.metrics.no_such_metric
}

test_pass_order_names_labelled_metrics_once if {
	every key in performance.order {
		performance.labels[key]
	}
	count({key | some key in performance.order}) == count(performance.order)
}

# every metric's rule file states each of its facts, of the kind lib.performance.facts describes
test_pass_facts_complete if {
	object.keys(performance.facts) == _keys
	every m in performance.facts {
		object.keys(m) == {"label", "service", "unit", "lower_is_better", "strict", "order"}
		is_string(m.label)
		m.service in {"acute", "ambulance", "community", "mental_health"}
		m.unit in {"%", "minutes"}
		is_boolean(m.lower_is_better)
		is_boolean(m.strict)
		is_number(m.order)
	}
	every key in performance.strict {
		key in performance.lower_is_better
	}
	performance.lower_is_better == {"diagnostics_6wk", "rtt_52wk_share", "cat2_mean_minutes"}
	performance.strict == {"rtt_52wk_share"}
	performance.minutes == {"cat2_mean_minutes"}
	performance.services.cat2_mean_minutes == "ambulance"
}

# reports list the metrics by their facts' order
test_pass_order_of_the_facts if {
	performance.order == [
		"ae_4hr", "rtt_18wk", "cancer_2ww", "cancer_31d", "cancer_62d", "diagnostics_6wk",
		"iapt_access", "iapt_recovery", "iapt_6wk", "iapt_18wk", "eip_2wk",
		"dementia_diagnosis", "cyp_mh_access", "cyp_eating_disorders",
		"ae_12hr", "cancer_fds_28d", "cat2_mean_minutes", "community_18wk", "ld_inpatient_reduction",
		"rtt_52wk_share", "rtt_first_appt_18wk", "tt_reliable_improvement", "tt_reliable_recovery",
	]
}

_new_metric := {
	"label": "a new standard", "service": "community", "unit": "minutes",
	"lower_is_better": true, "strict": false, "order": 15,
}

# a metric is its rule file's metric rule: a new one joins every table, in its place
test_pass_new_metric_joins_the_tables if {
	p := {
		"labels": performance.labels, "services": performance.services,
		"lower_is_better": performance.lower_is_better, "strict": performance.strict,
		"minutes": performance.minutes, "metrics": performance.metrics, "order": performance.order,
	} with data.planassure.rules.performance.new_metric.metric as _new_metric
	p.labels.new_metric == "a new standard"
	p.services.new_metric == "community"
	"new_metric" in p.lower_is_better
	"new_metric" in p.minutes
	not "new_metric" in p.strict
	p.metrics.new_metric == {
		"label": "a new standard", "lower_is_better": true,
		"threshold": "performance.new_metric", "unit": "minutes",
	}
	array.slice(p.order, 0, 3) == ["ae_4hr", "new_metric", "rtt_18wk"]
}

# a metric's order moves it; one whose order ties with another's follows it by key
test_pass_order_moves_and_ties_by_key if {
	first := object.union(performance.facts.rtt_18wk, {"order": 5})
	o := performance.order with data.planassure.rules.performance.rtt_18wk.metric as first
	array.slice(o, 0, 3) == ["rtt_18wk", "ae_4hr", "cancer_2ww"]
	tied := object.union(performance.facts.cancer_2ww, {"order": 10})
	t := performance.order with data.planassure.rules.performance.cancer_2ww.metric as tied
	array.slice(t, 0, 3) == ["ae_4hr", "cancer_2ww", "rtt_18wk"]
}

test_pass_units_minutes_and_percent if {
	performance.units.cat2_mean_minutes == "minutes"
	performance.units.ae_4hr == "%"
	every key, _ in performance.labels {
		performance.units[key] in {"minutes", "%"}
	}
	performance.metrics.cat2_mean_minutes.unit == "minutes"
}

test_fail_units_percent_is_not_minutes if {
	performance.units.rtt_18wk != "minutes"
}

test_pass_standards_by_organisation_type if {
	s := performance.standards with input as current.icb
	s.rtt_18wk["2026/27"] == {"threshold": 70, "kind": "round", "year_average": false}
	s.rtt_18wk["2028/29"].threshold == 92
	not s.rtt_18wk["2027/28"]
	s.ae_4hr["2028/29"] == {"threshold": 85, "kind": "round", "year_average": true}
	s.cat2_mean_minutes["2026/27"].threshold == 25
}

test_pass_standards_trust_target_where_no_round_threshold if {
	s := performance.standards with input as current.trust

	# the round's 70 is an ICB's; the trust's target is 7% on its baseline of 60, or 65
	s.rtt_18wk["2026/27"] == {"threshold": 65, "kind": "trust", "year_average": false}
	s.rtt_18wk["2028/29"].kind == "round"
	not s.cat2_mean_minutes
}

test_fail_standards_none_without_baseline if {
	p := json.remove(current.trust, ["years/1/performance/rtt_18wk/baseline"])
	s := performance.standards with input as p
	not s.rtt_18wk["2026/27"]
}

# the gate: a sound year-end level meeting its threshold is not looked at again
test_pass_sound_years_skip_the_findings if {
	u := performance._unsound with input as fixture.plan
	u == {}
}

# each way out of the gate, and the findings of each are the findings without the gate
test_fail_unsound_years_each_way if {
	cases := [
		[{"op": "replace", "path": "/years/1/performance/ae_4hr/plan", "value": 94}],
		[{"op": "replace", "path": "/years/1/performance/ae_4hr/plan", "value": 100.5}],
		[{"op": "replace", "path": "/years/1/performance/ae_4hr/plan", "value": "95"}],
		[{"op": "replace", "path": "/years/1/performance/ae_4hr/plan", "value": true}],
		[{"op": "replace", "path": "/years/1/performance/ae_4hr/plan", "value": [95]}],
		[{"op": "replace", "path": "/years/1/performance/ae_4hr/monthly/3", "value": "95"}],
		[{"op": "replace", "path": "/years/1/performance/ae_4hr/monthly/3", "value": true}],
		[{"op": "remove", "path": "/years/1/performance/ae_4hr"}],
		[{"op": "replace", "path": "/years/1/performance/ae_4hr/monthly/11", "value": 94}],
		[{"op": "replace", "path": "/years/1/performance/ae_4hr/monthly/3", "value": null}],
		[{"op": "replace", "path": "/years/1/performance/ae_4hr/monthly", "value": [95]}],
		[{"op": "replace", "path": "/years/1/performance/ae_4hr/monthly", "value": false}],
	]
	every patch in cases {
		p := json.patch(fixture.plan, patch)
		u := performance._unsound with input as p
		u == {"ae_4hr": {1: 95}}
		count(performance.findings.ae_4hr) > 0 with input as p
	}
}

# a maximum (lower is better) and a strict maximum leave the gate only when missed
test_fail_unsound_lower_is_better if {
	at := json.patch(fixture.plan, [{"op": "replace", "path": "/years/1/performance/diagnostics_6wk/plan", "value": 1}])
	performance._unsound == {} with input as at
	above := json.patch(fixture.plan, [
		{"op": "replace", "path": "/years/1/performance/diagnostics_6wk/plan", "value": 1.1},
	])
	performance._unsound == {"diagnostics_6wk": {1: 1}} with input as above
}

test_fail_unsound_strict_maximum if {
	below := json.patch(current.icb_2025, [
		{"op": "replace", "path": "/years/1/performance/rtt_52wk_share/plan", "value": 0.99},
	])
	not performance._unsound.rtt_52wk_share with input as below
	at := json.patch(current.icb_2025, [{"op": "replace", "path": "/years/1/performance/rtt_52wk_share/plan", "value": 1}])
	performance._unsound.rtt_52wk_share == {1: 1} with input as at
}

# a year the round judges by its average is always looked at in full
test_fail_unsound_year_average if {
	p := json.patch(fixture.plan, [{"op": "add", "path": "/x", "value": 1}])
	u := performance._unsound with input as p
		with data.planassure.rounds as {"2017-19": {"year_average": {"ae_4hr": ["2017/18"]}}}
	u.ae_4hr[1] == 95
}

# the sound levels in each direction: a minimum, a maximum, a strict maximum, and a
# threshold beyond the metric's ceiling
test_pass_range_each_direction if {
	performance._range(0, 95, 100) == [95, 100, null]
	performance._range(0, -5, 100) == [0, 100, null]
	performance._range(1, 1, 100) == [0, 1, null]
	performance._range(1, 150, 100) == [0, 100, null]
	performance._range(2, 1, 100) == [0, 1, 1]
	performance._range(2, 150, 100) == [0, 100, 150]
}

# a year judged by its average has no bounds, so it always leaves the gate
test_fail_bounds_year_average if {
	performance._bounds.ae_4hr[1] == [95, 100, null, 100] with input as fixture.plan
	p := json.patch(fixture.plan, [{"op": "add", "path": "/x", "value": 1}])
	not performance._bounds.ae_4hr[1] with input as p
		with data.planassure.rounds as {"2017-19": {"year_average": {"ae_4hr": ["2017/18"]}}}
}
