# METADATA
# description: |
#   Thresholds of the business rules, keyed by planning round (submission.round).
#   A threshold absent from a round means the rule does not apply in that round.
#   Users override or add rounds with data at data.planassure.rounds, merged over
#   the built-in ones key by key.
package planassure.lib.rounds

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
}
