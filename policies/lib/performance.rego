# METADATA
# description: |
#   The logic shared by the performance rules (rules/performance/<key>.rego), one rule per
#   metric key of plan-format.md. For each plan year whose round sets a threshold for the
#   metric (lib.rounds.performance_threshold): the planned year-end level meets it, or
#   misses it with an agreed recovery plan (a warning), or misses it without one (an
#   error); an absent figure is an error (the trajectory is a required part of the
#   submission). Where monthly levels are given, they are 12 percentages from April to
#   March and the last equals the plan within 0.1.
package planassure.lib.performance

import data.planassure.lib.exact
import data.planassure.lib.plan
import data.planassure.lib.rounds

# METADATA
# description: each metric key, in words a finance lead reads in a message
labels := {
	"ae_4hr": "A&E within 4 hours",
	"rtt_18wk": "RTT waits under 18 weeks (incomplete pathways)",
	"cancer_2ww": "cancer 2-week wait from urgent GP referral",
	"cancer_31d": "cancer 31-day wait from decision to treat",
	"cancer_62d": "cancer 62-day wait from urgent referral to treatment",
	"diagnostics_6wk": "diagnostic waits of 6 weeks or more",
	"iapt_access": "IAPT (talking therapies) access",
	"iapt_recovery": "IAPT recovery rate",
	"iapt_6wk": "IAPT first treatment within 6 weeks",
	"iapt_18wk": "IAPT first treatment within 18 weeks",
	"eip_2wk": "early intervention in psychosis within 2 weeks",
	"dementia_diagnosis": "dementia diagnosis rate",
	"cyp_mh_access": "children and young people's mental health access",
	"cyp_eating_disorders": "children and young people's eating disorder treatment in time",
}

# METADATA
# description: the metrics whose threshold is a maximum (lower is better)
lower_is_better := {"diagnostics_6wk"}

# METADATA
# description: |
#   the findings of the rule for metric key, for every plan year whose round sets a
#   threshold: the planned level misses it and no recovery plan is given (error)
findings[key] contains _shortfall(key, i, year, threshold, ", with no recovery plan") if {
	some i, threshold in _thresholds[key]
	year := plan.plan_years[i]
	_has_plan(year, key)
	_misses(key, year.performance[key].plan, threshold)
	not _has_recovery_plan(year.performance[key])
}

# METADATA
# description: the planned level misses the threshold and names an agreed recovery plan (warning)
findings[key] contains object.union(_shortfall(key, i, year, threshold, reason), {"severity": "warning"}) if {
	some i, threshold in _thresholds[key]
	year := plan.plan_years[i]
	_has_plan(year, key)
	_misses(key, year.performance[key].plan, threshold)
	_has_recovery_plan(year.performance[key])
	reason := sprintf("; recovery plan: %s", [trim_space(year.performance[key].recovery_plan)])
}

# METADATA
# description: the metric, or its planned level, is absent (the rule never passes on a missing figure)
findings[key] contains finding if {
	some i, _ in _thresholds[key]
	year := plan.plan_years[i]
	not _has_plan(year, key)
	finding := {
		"msg": sprintf("%s: %s trajectory is missing", [year.year, labels[key]]),
		"pointer": plan.pointer(i, concat("/", ["performance", key])),
	}
}

# METADATA
# description: the planned level is not a percentage from 0 to 100 (the schema refuses it; fail closed without it)
findings[key] contains finding if {
	some i, _ in _thresholds[key]
	year := plan.plan_years[i]
	_has_plan(year, key)
	not _is_percent(year.performance[key].plan)
	finding := {
		"msg": sprintf("%s: %s planned at %v, not a percentage from 0 to 100", [
			year.year, labels[key],
			year.performance[key].plan,
		]),
		"pointer": plan.pointer(i, concat("/", ["performance", key, "plan"])),
		"actual": year.performance[key].plan,
	}
}

# METADATA
# description: monthly levels are given but are not a list of 12 months, April to March
findings[key] contains finding if {
	some i, _ in _thresholds[key]
	year := plan.plan_years[i]
	_has_monthly(year, key)
	not _twelve_months(year.performance[key].monthly)
	finding := {
		"msg": sprintf("%s: %s monthly trajectory must list 12 months, April to March", [year.year, labels[key]]),
		"pointer": plan.pointer(i, concat("/", ["performance", key, "monthly"])),
	}
}

# METADATA
# description: a monthly level is not a percentage from 0 to 100
findings[key] contains finding if {
	some i, _ in _thresholds[key]
	year := plan.plan_years[i]
	_has_monthly(year, key)
	not _all_percent(year.performance[key].monthly)
	some j, level in year.performance[key].monthly
	not _is_percent(level)
	finding := {
		"msg": sprintf("%s: %s planned for %s at %v, not a percentage from 0 to 100", [
			year.year, labels[key],
			_month(j), level,
		]),
		"pointer": plan.pointer(i, concat("/", ["performance", key, "monthly", format_int(j, 10)])),
		"actual": level,
	}
}

# METADATA
# description: the monthly trajectory does not end (in March) at the planned year-end level, within 0.1
findings[key] contains finding if {
	some i, _ in _thresholds[key]
	year := plan.plan_years[i]
	_has_plan(year, key)
	_has_monthly(year, key)
	metric := year.performance[key]
	_twelve_months(metric.monthly)
	last := metric.monthly[11]
	is_number(last)
	not exact.within(last, metric.plan, _monthly_tolerance)
	finding := {
		"msg": sprintf("%s: %s monthly trajectory ends at %v%% in March, not at the %v%% planned for the year", [
			year.year, labels[key],
			last, metric.plan,
		]),
		"pointer": plan.pointer(i, concat("/", ["performance", key, "monthly", "11"])),
		"expected": metric.plan,
		"actual": last,
	}
}

# METADATA
# description: true when the round sets a threshold for metric key in at least one plan year
applies(key) if {
	some year in plan.plan_years
	rounds.performance_threshold(key, year.year)
}

# METADATA
# description: why the rule for metric key does not apply to the plan
not_applicable_reason(key) := sprintf("the round sets no standard for %s in the plan's years", [labels[key]])

# METADATA
# description: how far the last monthly level may lie from the planned year-end level (percentage points)
_monthly_tolerance := 0.1

# METADATA
# description: the months of a financial year, April first, as monthly arrays list them
_months := [
	"April", "May", "June", "July", "August", "September",
	"October", "November", "December", "January", "February", "March",
]

# METADATA
# description: |
#   for each metric key whose round sets a threshold in some plan year, the threshold by
#   plan year index i; computed once per plan (a complete rule), so each rule's lookup by
#   key is indexed rather than a scan
_thresholds := {key: by_year |
	some key, _ in labels
	by_year := {i: threshold |
		some i, year in plan.plan_years
		threshold := rounds.performance_threshold(key, year.year)
	}
	count(by_year) > 0
}

# METADATA
# description: true when the plan gives the metric's planned year-end level as a number
_has_plan(year, key) if is_number(object.get(year, ["performance", key, "plan"], null))

# METADATA
# description: true when the plan gives monthly levels for the metric
_has_monthly(year, key) if object.get(year, ["performance", key, "monthly"], null) != null

# METADATA
# description: true when monthly is a list of 12 levels
_twelve_months(monthly) if {
	is_array(monthly)
	count(monthly) == count(_months)
}

# METADATA
# description: true when x is a percentage from 0 to 100
_is_percent(x) if {
	is_number(x)
	x >= 0
	x <= 100
}

# METADATA
# description: |
#   true when xs is an array of percentages from 0 to 100, in four builtin calls: in
#   OPA's ordering null, booleans < numbers < strings, arrays, objects, so a number
#   for both the least and the greatest element means every element is a number
_all_percent(xs) if {
	is_array(xs)
	least := min(xs)
	greatest := max(xs)
	is_number(least)
	is_number(greatest)
	least >= 0
	greatest <= 100
}

# METADATA
# description: true when the metric names a recovery plan (text that is not blank)
_has_recovery_plan(metric) if {
	is_string(metric.recovery_plan)
	trim_space(metric.recovery_plan) != ""
}

# METADATA
# description: |
#   true when the level x misses the threshold, compared exactly (a minimum, or a maximum
#   where lower is better)
_misses(key, x, threshold) if _worse(key, x, threshold)

# true or false: above a maximum where lower is better, else below a minimum
_worse(key, x, threshold) := x > threshold if {
	key in lower_is_better
} else := x < threshold

# METADATA
# description: how a miss reads, below a minimum standard or above a maximum
_gap(key, threshold) := sprintf("above the %v%% maximum", [threshold]) if {
	key in lower_is_better
} else := sprintf("below the %v%% standard", [threshold])

# METADATA
# description: the name of month j (0 for April) for messages, or its number past March
_month(j) := name if {
	name := _months[j]
} else := sprintf("month %d", [j + 1])

# METADATA
# description: |
#   the finding for a planned level that misses the threshold; reason says what remedy
#   the plan names. expected is the threshold, actual the plan, both percentages
_shortfall(key, i, year, threshold, reason) := {
	"msg": sprintf("%s: %s planned at %v%%, %s%s", [
		year.year, labels[key],
		year.performance[key].plan,
		_gap(key, threshold),
		reason,
	]),
	"pointer": plan.pointer(i, concat("/", ["performance", key, "plan"])),
	"expected": threshold,
	"actual": year.performance[key].plan,
}

# METADATA
# description: |
#   the order in which reports list the metrics; a metric of labels not listed here
#   follows those listed, in the order of its key
order := [
	"ae_4hr", "rtt_18wk", "cancer_2ww", "cancer_31d", "cancer_62d", "diagnostics_6wk",
	"iapt_access", "iapt_recovery", "iapt_6wk", "iapt_18wk", "eip_2wk",
	"dementia_diagnosis", "cyp_mh_access", "cyp_eating_disorders",
]

# METADATA
# description: |
#   each metric as reports draw it, read once when the engine loads: its label, whether
#   its threshold is a maximum, and the key of its threshold in a round (lib.rounds)
metrics[key] := {
	"label": label,
	"lower_is_better": key in lower_is_better,
	"threshold": sprintf("performance.%s", [key]),
} if {
	some key, label in labels
}
