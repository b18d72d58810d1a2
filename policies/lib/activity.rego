# METADATA
# description: |
#   Helpers and thresholds for the activity rules. An activity line (plan-format.md)
#   is a count, or an object {plan, growth, qipp, backlog_clearance} whose plan is
#   the year's total.
package planassure.lib.activity

import data.planassure.lib.rounds

# METADATA
# description: the activity lines of plan-format.md (other keys, such as x_*, are not lines)
lines := {
	"gp_referrals",
	"other_referrals",
	"first_outpatients",
	"follow_up_outpatients",
	"elective_admissions",
	"non_elective_admissions",
	"ae_attendances",
}

# METADATA
# description: the components that build a planned line from the previous year's total (activity.identity)
components := ["growth", "qipp", "backlog_clearance"]

# METADATA
# description: |
#   domain.md, activity.finance_alignment: acute expenditure growth and admissions
#   growth may differ by at most this many percentage points. The same in every
#   round; a round may set its own as alignment_gap_pp in data.planassure.rounds.
default_alignment_gap_pp := 5

# METADATA
# description: the alignment gap (percentage points) of the plan's round (undefined for an unknown round)
alignment_gap_pp := object.get(rounds.current, "alignment_gap_pp", default_alignment_gap_pp)

# METADATA
# description: the year's total of an activity line (the count itself, or the object's plan)
total(line) := line if {
	is_number(line)
} else := line.plan if {
	is_object(line)
	is_number(line.plan)
}

# METADATA
# description: the activity line named key in year, or null when the year lacks it
line(year, key) := object.get(year, ["activity", key], null)
