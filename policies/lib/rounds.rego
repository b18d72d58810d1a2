# METADATA
# description: |
#   Thresholds of the business rules, keyed by planning round (submission.round).
#   A threshold absent from a round means the rule does not apply in that round.
#   Users override or add rounds with data at data.planassure.rounds, merged over
#   the built-in ones key by key.
package lib.rounds

_builtin := {
	"2016/17": {
		"cumulative_surplus_pct": 1,
		"non_recurrent_reserve_pct": 1,
		"uncommitted_reserve_pct": 1,
		"contingency_pct": 0.5,
		"mental_health_investment": true,
		"qipp_stretch_pct": 3,
		"tolerance": 1,
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
	},
	"2018/19": {
		"contingency_pct": 0.5,
		"mental_health_investment": true,
		"gp_forward_view_per_head": 3,
		"qipp_stretch_pct": 3,
		"tolerance": 1,
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
