# METADATA
# description: |
#   Thresholds of the business rules, keyed by planning round (submission.round).
#   A threshold absent from a round means the rule does not apply in that round.
#   Users override or add rounds with data at data.planassure.rounds, merged over
#   the built-in ones key by key.
package planassure.lib.rounds

import data.planassure.lib.plan

_builtin := {
	"2016/17": {
		"cumulative_surplus_pct": 1,
		"non_recurrent_reserve_pct": 1,
		"uncommitted_reserve_pct": 1,
		"contingency_pct": 0.5,
		"mental_health_investment": true,
		"qipp_stretch_pct": 3,
		"tolerance": 1,
		"alignment_gap_pp": 5,
		# footprints: organisational control totals for the round's year; system
		# control totals came with 2017-19 ("likely system control totals", Somerset STP p13)
		"provider_control_total": {"2016/17": true},
		"performance": {
			"ae_4hr": 95,
			"rtt_18wk": 92,
			"cancer_2ww": 93,
			"cancer_31d": 96,
			"cancer_62d": 85,
			"diagnostics_6wk": 1,
			"iapt_access": 15,
			"iapt_recovery": 50,
			"iapt_6wk": 75,
			"iapt_18wk": 95,
			"eip_2wk": 50,
			"dementia_diagnosis": 66.7,
		},
	},
	"2017-19": {
		"cumulative_surplus_pct": 1,
		"non_recurrent_reserve_pct": 1,
		"uncommitted_reserve_pct": 0.5,
		"contingency_pct": 0.5,
		"mental_health_investment": true,
		"gp_forward_view_per_head": 3,
		"qipp_stretch_pct": 3,
		"tolerance": 1,
		"alignment_gap_pp": 5,
		"provider_control_total": {"2017/18": true, "2018/19": true},
		"system_control_total": {"2017/18": true, "2018/19": true},
		"performance": {
			"ae_4hr": 95,
			"rtt_18wk": 92,
			"cancer_2ww": 93,
			"cancer_31d": 96,
			"cancer_62d": 85,
			"diagnostics_6wk": 1,
			"iapt_access": {"2017/18": 16.8, "2018/19": 19},
			"iapt_recovery": 50,
			"iapt_6wk": 75,
			"iapt_18wk": 95,
			"eip_2wk": {"2017/18": 50, "2018/19": 53},
			"dementia_diagnosis": 66.7,
			# "32% by 2018/19" (Norwich p29): no threshold for 2017/18
			"cyp_mh_access": {"2018/19": 32},
			"cyp_eating_disorders": 95,
		},
	},
	"2018/19": {
		"contingency_pct": 0.5,
		"mental_health_investment": true,
		"gp_forward_view_per_head": 3,
		"qipp_stretch_pct": 3,
		"tolerance": 1,
		"alignment_gap_pp": 5,
		"provider_control_total": {"2018/19": true},
		"system_control_total": {"2018/19": true},
		"performance": {
			"ae_4hr": 90,
			"rtt_18wk": 92,
			"cancer_2ww": 93,
			"cancer_31d": 96,
			"cancer_62d": 85,
			"diagnostics_6wk": 1,
			"iapt_access": 19,
			"iapt_recovery": 50,
			"iapt_6wk": 75,
			"iapt_18wk": 95,
			"eip_2wk": 53,
			"dementia_diagnosis": 66.7,
			"cyp_mh_access": 32,
			"cyp_eating_disorders": 95,
		},
	},
	# 2025/26 priorities and operational planning guidance (PRN01625, 30 Jan 2025): one
	# year, system-based. Figures and sources: docs/rounds.md.
	"2025/26": {
		"mental_health_investment": true,
		"tolerance": 1,
		"alignment_gap_pp": 5,
		# an ICB plans a balanced net system position (success measure, p18)
		"system_balance": {"2025/26": true},
		# cut the cost base by at least 1% (p8); the 4% productivity ask is not a cash figure
		"efficiency_pct": {"2025/26": 1},
		# agency spend down at least 30%, bank at least 10%, on the year before (p15, p18)
		"agency_reduction_pct": {"2025/26": 30},
		"bank_reduction_pct": {"2025/26": 10},
		# a higher share within 12 hours across the year than across the year before (p18)
		"ae_12hr_improvement": {"2025/26": true},
		"performance": {
			# national and ICB figures for March 2026; a trust's own RTT targets are the
			# trust_improvement rule below
			"rtt_18wk": {"2025/26": {"icb": 65}},
			"rtt_first_appt_18wk": {"2025/26": {"icb": 72}},
			# "less than 1%" of the waiting list (U14: national; read here for ICBs and trusts)
			"rtt_52wk_share": 1,
			"cancer_62d": 75,
			"cancer_fds_28d": 80,
			"ae_4hr": 78,
			# mean across the year (p18)
			"cat2_mean_minutes": 30,
			"ld_inpatient_reduction": 10,
		},
		# every trust: at least `points` percentage points on its baseline month, and at
		# least `floor`, whichever is greater (p18, footnote 2)
		"trust_improvement": {
			"rtt_18wk": {"2025/26": {"points": 5, "floor": 60, "baseline": "November 2024"}},
			"rtt_first_appt_18wk": {"2025/26": {"points": 5, "floor": 67, "baseline": "November 2024"}},
		},
		"must_dos": [
			{"number": 1, "name": "reduce the time people wait for elective care", "metrics": [
				"rtt_18wk", "rtt_first_appt_18wk", "rtt_52wk_share", "cancer_62d", "cancer_fds_28d",
			]},
			{"number": 2, "name": "improve A&E waiting times and ambulance response times", "metrics": [
				"ae_4hr", "ae_12hr", "cat2_mean_minutes",
			]},
			{"number": 3, "name": "improve access to general practice and urgent dental care", "metrics": []},
			{
				"number": 4, "name": "improve mental health and learning disability care",
				"metrics": ["ld_inpatient_reduction"],
			},
			{"number": 5, "name": "live within the budget allocated, reducing waste and improving productivity", "metrics": []},
			{"number": 6, "name": "maintain the focus on the overall quality and safety of services", "metrics": []},
			{"number": 7, "name": "address inequalities and shift towards prevention", "metrics": []},
		],
	},
	# Medium Term Planning Framework 2026/27 to 2028/29 (24 Oct 2025): three years, each ICB
	# and each trust its own plan. 2027/28 has no national figure: the plan's own trajectory.
	"2026-29": {
		"tolerance": 1,
		"alignment_gap_pp": 5,
		# every ICB and every trust balanced or in surplus in every year (p10)
		"breakeven": true,
		# break even without deficit support by the end of the horizon (p10; U8: 2028/29)
		"deficit_support_exit": {"2028/29": true},
		# at least 2% productivity every year, read as cash-releasing efficiency on the cost base (p10)
		"efficiency_pct": 2,
		# national cut of 30% in agency spend in 2026/27, 10% a year in bank spend (p35); the
		# trust limits of the planning templates are not public
		"agency_reduction_pct": {"2026/27": 30},
		"bank_reduction_pct": 10,
		# U9: the MTPF does not mention the MHIS; one source reports it redefined as
		# inflation-only, with no figure. Not set: a user sets mental_health_investment
		"mental_health_investment_note": concat(" ", [
			"the MTPF does not restate the Mental Health Investment Standard",
			"(a redefinition as inflation-only is reported, without a figure)",
		]),
		"ae_12hr_improvement": true,
		"performance": {
			# 2026/27: 70 nationally (March 2027, U3), trusts by trust_improvement; 2028/29: 92
			"rtt_18wk": {"2026/27": {"icb": 70}, "2028/29": 92},
			"cancer_fds_28d": 80,
			# trusts, March 2027; 2028/29 "maintain" read as the March 2029 level (U4)
			"cancer_31d": {"2026/27": 94, "2028/29": 96},
			"cancer_62d": {"2026/27": 80, "2028/29": 85},
			"diagnostics_6wk": {"2026/27": 14, "2028/29": 1},
			# trusts 82% in March 2027 (U17: ICBs too); 85% as the average of 2028/29
			"ae_4hr": {"2026/27": 82, "2028/29": 85},
			# means across the year (U2)
			"cat2_mean_minutes": {"2026/27": 25, "2028/29": 18},
			"community_18wk": {"2026/27": 78, "2028/29": 80},
			"tt_reliable_recovery": {"2026/27": 51, "2028/29": 53},
			"tt_reliable_improvement": {"2026/27": 69, "2028/29": 71},
			"ld_inpatient_reduction": 10,
		},
		# thresholds measured as the mean of the 12 monthly levels, not the year-end level
		"year_average": {"ae_4hr": ["2028/29"]},
		# every trust: 7% on its 18-week performance (U1: relative, 7% of the baseline
		# level), or 65%, whichever is greater, by March 2027; baseline month unstated (U1:
		# March 2026, the last month before the plan)
		"trust_improvement": {"rtt_18wk": {"2026/27": {"relative_pct": 7, "floor": 65, "baseline": "March 2026"}}},
		"must_dos": [
			{"number": 1, "name": "RTT within 18 weeks", "metrics": ["rtt_18wk"]},
			{"number": 2, "name": "cancer 28-day Faster Diagnosis Standard", "metrics": ["cancer_fds_28d"]},
			{"number": 3, "name": "cancer 31-day and 62-day standards", "metrics": ["cancer_31d", "cancer_62d"]},
			{"number": 4, "name": "diagnostic waits over 6 weeks", "metrics": ["diagnostics_6wk"]},
			{"number": 5, "name": "A&E within 4 hours", "metrics": ["ae_4hr"]},
			{"number": 6, "name": "A&E within 12 hours", "metrics": ["ae_12hr"]},
			{"number": 7, "name": "category 2 ambulance response", "metrics": ["cat2_mean_minutes"]},
			{"number": 8, "name": "same-day general practice for clinically urgent patients", "metrics": []},
			{"number": 9, "name": "patient experience of general practice", "metrics": []},
			{"number": 10, "name": "urgent dental appointments", "metrics": []},
			{"number": 11, "name": "community health services within 18 weeks", "metrics": ["community_18wk"]},
			{"number": 12, "name": "mental health support teams in schools and colleges", "metrics": []},
			{
				"number": 13, "name": "NHS Talking Therapies and Individual Placement and Support",
				"metrics": ["tt_reliable_recovery", "tt_reliable_improvement"],
			},
			{"number": 14, "name": "inappropriate mental health out-of-area placements", "metrics": []},
			{
				"number": 15, "name": "reliance on mental health inpatient care for people with a learning disability or autism",
				"metrics": ["ld_inpatient_reduction"],
			},
		],
	},
}

default _overrides := {}

_overrides := data.planassure.rounds

# METADATA
# description: every known round, built-in and user-supplied
thresholds := object.union(_builtin, _overrides)

# METADATA
# description: the thresholds of the plan's own round (undefined for an unknown round)
current := thresholds[input.submission.round]

# METADATA
# description: true when the plan's round is known
known if current

# METADATA
# description: |
#   the plan's round's performance threshold for metric key in financial year fy
#   ("2017/18"): the round's number, or its figure for fy where the threshold varies by
#   year inside the round; undefined where the round sets none for that year
performance_threshold(key, fy) := threshold if {
	threshold := current.performance[key]
	is_number(threshold)
} else := threshold if {
	threshold := current.performance[key][fy]
	is_number(threshold)
} else := threshold if {
	threshold := current.performance[key][fy][input.organisation.type]
	is_number(threshold)
}

# METADATA
# description: |
#   the plan's round's figure name for financial year fy: the round's value, or its value
#   for fy where it varies by year inside the round; undefined where the round sets none
by_year(name, fy) := value if {
	value := current[name]
	not is_object(value)
} else := current[name][fy]

# METADATA
# description: |
#   true when the round measures metric key in financial year fy as the mean of the 12
#   monthly levels (a year figure), not the year-end level
year_average(key, fy) if fy in current.year_average[key]

# METADATA
# description: |
#   the round's per-trust improvement target for metric key in financial year fy: an object
#   with floor, baseline (the month) and points (percentage points) or relative_pct
trust_improvement(key, fy) := current.trust_improvement[key][fy]

# METADATA
# description: |
#   the plan years in which the round's finance rules hold the plan to a yes-or-no ask, by
#   the round's name for it: breakeven (in-year position at least 0), deficit_support_exit
#   (at least 0 without deficit support), system_balance (an ICB's net system position at
#   least 0); each a set of financial years, read as the rules read it (by_year is true)
finance_asks[name] contains fy if {
	some name in {"breakeven", "deficit_support_exit", "system_balance"}
	some year in plan.plan_years
	fy := year.year
	by_year(name, fy) == true
	_asked_of_plan(name)
}

# the system balance is asked of an ICB's plan, not a trust's
_asked_of_plan(name) if name != "system_balance"

_asked_of_plan("system_balance") if not plan.is_provider
