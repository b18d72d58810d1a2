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
# description: |
#   each metric's facts, as the metric rule of its rule file (rules/performance/<key>.rego)
#   states them, by metric key: label, in words a finance lead reads in a message; service,
#   the service it measures (acute, ambulance, community, mental_health); unit, "%" or
#   "minutes" (any number from 0) for reports' axes and text; lower_is_better, its
#   threshold is a maximum; strict, that maximum excludes its own value ("less than 1%");
#   order, its place in reports (ascending, a tie by key). A rule file without a metric
#   rule (a per-trust target of another metric's figures) adds no metric. The tables
#   below each read the metric rules directly: computed for every plan, that costs less
#   than a pass over this object.
facts := {key: m | some key; m := data.planassure.rules.performance[key].metric}

# METADATA
# description: each metric key, in words a finance lead reads in a message
labels := {key: m.label | some key; m := data.planassure.rules.performance[key].metric}

# METADATA
# description: the metrics whose threshold is a maximum (lower is better)
lower_is_better := {key | some key; data.planassure.rules.performance[key].metric.lower_is_better}

# METADATA
# description: the metrics whose threshold excludes its own value ("less than 1%")
strict := {key | some key; data.planassure.rules.performance[key].metric.strict}

# METADATA
# description: the metrics measured in minutes (any number from 0), not percentages
minutes := {key | some key; data.planassure.rules.performance[key].metric.unit == "minutes"}

# METADATA
# description: the unit each metric's levels are written in, for reports' axes and text
units := {key: m.unit | some key, m in facts}

# METADATA
# description: |
#   the standard each metric is held to in each plan year of the plan, as the rules judge
#   it: metric key -> financial year -> {"threshold", "kind"}. kind "round" is the round's
#   threshold (the findings' expected); "trust" is the trust's own improvement target
#   (the per-trust rule's expected), for a year where the round sets no threshold for a
#   trust. year_average is true where the round judges the mean of the 12 months.
standards[key][fy] := {"threshold": threshold, "kind": "round", "year_average": _is_year_average(key, fy)} if {
	some key, by_year in _thresholds
	some i, threshold in by_year
	fy := plan.plan_years[i].year
}

standards[key][fy] := {"threshold": _target(key, year), "kind": "trust", "year_average": false} if {
	some key, by_year in _improvement_years
	some i, _ in by_year
	year := plan.plan_years[i]
	fy := year.year
	not _thresholds[key][i]
	_has_baseline(year, key)
	is_number(year.performance[key].baseline)
}

_is_year_average(key, fy) if rounds.year_average(key, fy)

default _is_year_average(_, _) := false

# METADATA
# description: |
#   the service a metric measures: a trust's plan answers for a metric only where its
#   organisation.services lists that service (a trust that lists none answers for all)
services := {key: m.service | some key; m := data.planassure.rules.performance[key].metric}

# METADATA
# description: |
#   the findings of the rule for each metric key, for every plan year whose round sets a
#   threshold (metric key -> set of findings); only the metrics with a year that is not
#   sound (_unsound) have any, and only they are looked at: computed once per plan, so a
#   rule's lookup of its own key costs one lookup
findings := {key: _findings[key] | some key, _ in _unsound}

# METADATA
# description: the planned level misses the threshold and no recovery plan is given (error)
_findings[key] contains _shortfall(key, i, year, threshold, ", with no recovery plan") if {
	some i, threshold in _unsound[key]
	year := plan.plan_years[i]
	_has_level(year, key)
	_misses_level(key, year, threshold)
	not _has_recovery_plan(year.performance[key])
}

# METADATA
# description: the planned level misses the threshold and names an agreed recovery plan (warning)
_findings[key] contains object.union(_shortfall(key, i, year, threshold, reason), {"severity": "warning"}) if {
	some i, threshold in _unsound[key]
	year := plan.plan_years[i]
	_has_level(year, key)
	_misses_level(key, year, threshold)
	_has_recovery_plan(year.performance[key])
	reason := sprintf("; recovery plan: %s", [trim_space(year.performance[key].recovery_plan)])
}

# METADATA
# description: the metric, or its planned level, is absent (the rule never passes on a missing figure)
_findings[key] contains finding if {
	some i, threshold in _unsound[key]
	year := plan.plan_years[i]
	not _has_plan(year, key)
	finding := plan.missing_figure(i, year, concat(" ", [labels[key], "trajectory"]), ["performance", key])
}

# METADATA
# description: the round measures the year's average and the plan gives no monthly levels to average
_findings[key] contains finding if {
	some i, threshold in _unsound[key]
	year := plan.plan_years[i]
	_has_plan(year, key)
	rounds.year_average(key, year.year)
	not _has_monthly(year, key)
	finding := {
		"msg": sprintf("%s: %s monthly trajectory is missing: the round's standard is the average of the year", [
			year.year, labels[key],
		]),
		"pointer": plan.pointer(i, concat("/", ["performance", key, "monthly"])),
	}
}

# METADATA
# description: the planned level is not a percentage from 0 to 100 (the schema refuses it; fail closed without it)
_findings[key] contains finding if {
	some i, threshold in _unsound[key]
	year := plan.plan_years[i]
	_has_plan(year, key)
	not _is_level(key, year.performance[key].plan)
	finding := {
		"msg": sprintf("%s: %s planned at %v, %s", [
			year.year, labels[key],
			year.performance[key].plan, _not_a_level(key),
		]),
		"pointer": plan.pointer(i, concat("/", ["performance", key, "plan"])),
		"actual": year.performance[key].plan,
	}
}

# METADATA
# description: monthly levels are given but are not a list of 12 months, April to March
_findings[key] contains finding if {
	some i, threshold in _unsound[key]
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
_findings[key] contains finding if {
	some i, threshold in _unsound[key]
	year := plan.plan_years[i]
	_has_monthly(year, key)
	not _all_levels(key, year.performance[key].monthly)
	some j, level in year.performance[key].monthly
	not _is_level(key, level)
	finding := {
		"msg": sprintf("%s: %s planned for %s at %v, %s", [
			year.year, labels[key],
			_month(j), level, _not_a_level(key),
		]),
		"pointer": plan.pointer(i, concat("/", ["performance", key, "monthly", format_int(j, 10)])),
		"actual": level,
	}
}

# METADATA
# description: the monthly trajectory does not end (in March) at the planned year-end level, within 0.1
_findings[key] contains finding if {
	some i, threshold in _unsound[key]
	year := plan.plan_years[i]
	_has_plan(year, key)
	_has_monthly(year, key)
	metric := year.performance[key]
	_twelve_months(metric.monthly)
	last := metric.monthly[11]
	is_number(last)
	not exact.within(last, metric.plan, _monthly_tolerance)
	finding := {
		"msg": sprintf("%s: %s monthly trajectory ends at %v%s in March, not at the %v%s planned for the year", [
			year.year, labels[key],
			last, _unit(key), metric.plan, _unit(key),
		]),
		"pointer": plan.pointer(i, concat("/", ["performance", key, "monthly", "11"])),
		"expected": metric.plan,
		"actual": last,
	}
}

# METADATA
# description: |
#   true when the year's level of metric key is a level, meets the threshold at the year
#   end, and its monthly levels, where given, are 12 levels ending at it: none of the
#   findings above can hold, so they are not looked for (the common case, tested once)
_sound(key, i) if {
	[low, high, excluded, ceiling] := _bounds[key][i]
	metric := plan.plan_years[i].performance[key]
	level := metric.plan
	level >= low # with level <= high, a number: OPA orders null and booleans before numbers, text and collections after
	level <= high
	level != excluded
	_sound_monthly(ceiling, metric)
}

# METADATA
# description: |
#   for each metric key and plan year index i whose year-end level the round judges
#   against a threshold (not the year's mean, rounds.year_average): [low, high, excluded,
#   ceiling], so that a level meets the threshold and is a level of the metric where
#   low <= level <= high and level != excluded, and ceiling is the metric's greatest level
#   (_ceiling). The plan's kind fixes it: computed once per kind, not per metric-year
_bounds := {key: by_year |
	some key, thresholds in _thresholds
	ceiling := _ceiling(key)
	by_year := {i: bounds |
		some i, threshold in thresholds
		not [key, plan.plan_years[i].year] in _averaged
		bounds := array.concat(_range(_direction[key], threshold, ceiling), [ceiling])
	}
}

# the sound levels for a threshold in each direction (_direction), as [low, high, excluded]:
# a minimum, from it to the ceiling; a maximum, from 0 to it (or the ceiling, if lower);
# a strict maximum, the same without its own value
_range(0, threshold, ceiling) := [max([0, threshold]), ceiling, null]

_range(1, threshold, ceiling) := [0, min([ceiling, threshold]), null]

_range(2, threshold, ceiling) := [0, min([ceiling, threshold]), threshold]

# the [metric key, financial year] pairs the round measures as the year's mean (rounds.year_average)
_averaged := {[key, fy] |
	some key, years in object.get(rounds.current, "year_average", {})
	some fy in years
}

# how each metric meets its threshold: 0 at or above a minimum, 1 at or below a maximum
# (lower is better), 2 below a strict maximum
_direction := object.union_n([
	{key: 0 | some key, _ in labels},
	{key: 1 | some key in lower_is_better},
	{key: 2 | some key in strict},
])

# METADATA
# description: |
#   for each metric key, the plan years (index -> threshold) whose level is not sound
#   (_sound), computed once per plan: the findings above look only at these
_unsound := {key: by_year |
	some key, thresholds in _thresholds
	by_year := {i: threshold |
		some i, threshold in thresholds
		not _sound(key, i)
	}
	count(by_year) > 0
}

# true when the metric gives no monthly levels, or 12 levels from 0 to ceiling whose last
# is its year-end level
_sound_monthly(_, metric) if object.get(metric, "monthly", null) == null

_sound_monthly(ceiling, metric) if {
	monthly := metric.monthly
	is_array(monthly)
	count(monthly) == 12
	least := min(monthly)
	greatest := max(monthly)
	least >= 0 # with greatest <= ceiling, every level is a number (see _sound)
	greatest <= ceiling
	_ends_at(monthly[11], metric.plan)
}

# true when the last monthly level is the year-end level, or within the tolerance of it
_ends_at(last, level) if last == level

_ends_at(last, level) if {
	last != level
	exact.within(last, level, _monthly_tolerance)
}

# METADATA
# description: true when the round sets a threshold for metric key in at least one plan year
applies(key) if _thresholds[key]

# METADATA
# description: why the rule for metric key does not apply to the plan
not_applicable_reason(key) := service_reason(key) if {
	_set_by_round[key]
	not serves(key)
} else := sprintf("the round sets no standard for %s in the plan's years", [labels[key]])

# true when the plan lists its organisation's services
_lists_services if is_array(input.organisation.services)

# METADATA
# description: why a trust's plan does not answer for metric key
service_reason(key) := sprintf("the trust does not provide %s services (organisation.services)", [
	replace(services[key], "_", " "),
])

# METADATA
# description: true when the plan is a provider's (an NHS trust's) own plan
is_provider := plan.is_provider

# METADATA
# description: |
#   true when the plan answers for metric key: every commissioner's plan does; a trust's
#   where organisation.services lists the metric's service, or lists no services at all
serves(_) if not is_provider

serves(_) if {
	is_provider
	not _lists_services
}

serves(key) if {
	is_provider
	services[key] in input.organisation.services
}

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
	some key, by_year in _set_by_round
	serves(key)
}

# for each metric key whose round sets a threshold in some plan year, the threshold by
# plan year index i, whether or not the plan answers for the metric
_set_by_round := {key: by_year |
	some key, _ in object.get(rounds.current, "performance", {})
	labels[key]
	by_year := {i: threshold |
		some i, year in plan.plan_years
		threshold := rounds.performance_threshold(key, year.year)
	}
	count(by_year) > 0
}

# METADATA
# description: true when the plan gives the metric's planned year-end level as a number
_has_plan(year, key) if plan.has_figure(year, ["performance", key, "plan"])

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
# description: true when x is a level of metric key, a percentage from 0 to 100 or minutes from 0
_is_level(key, x) if {
	is_number(x)
	x >= 0
	x <= _ceiling(key)
}

# METADATA
# description: |
#   true when xs is an array of levels of metric key, in four builtin calls: in OPA's
#   ordering null, booleans < numbers < strings, arrays, objects, so a number for both
#   the least and the greatest element means every element is a number
_all_levels(key, xs) if {
	is_array(xs)
	least := min(xs)
	greatest := max(xs)
	is_number(least)
	is_number(greatest)
	least >= 0
	greatest <= _ceiling(key)
}

# the greatest level of metric key: 100 for a percentage; minutes have none
_ceiling(key) := 1e308 if {
	key in minutes
} else := 100

# how a value that is not a level of metric key reads
_not_a_level(key) := "not a number of minutes from 0" if {
	key in minutes
} else := "not a percentage from 0 to 100"

# METADATA
# description: the unit a level of metric key is written in, in messages
_unit(key) := " minutes" if {
	key in minutes
} else := "%"

# METADATA
# description: |
#   true when the plan gives the level the threshold of year is compared with: the
#   year-end level, or where the round measures the year's average, 12 monthly levels
_has_level(year, key) if {
	_has_plan(year, key)
	not rounds.year_average(key, year.year)
}

_has_level(year, key) if {
	_has_plan(year, key)
	rounds.year_average(key, year.year)
	_twelve_months(year.performance[key].monthly)
	_all_levels(key, year.performance[key].monthly)
}

# METADATA
# description: |
#   true when the year's level misses the threshold: the year-end level, or the sum of
#   the 12 monthly levels against 12 times the threshold (the average, compared exactly)
_misses_level(key, year, threshold) if {
	not rounds.year_average(key, year.year)
	_misses(key, year.performance[key].plan, threshold)
}

_misses_level(key, year, threshold) if {
	rounds.year_average(key, year.year)
	_misses(key, exact.total(year.performance[key].monthly), threshold * 12)
}

# METADATA
# description: the level of the year a message quotes, and how it reads
_level_words(key, year) := sprintf("averages %v%s across the year", [_level(key, year), _unit(key)]) if {
	rounds.year_average(key, year.year)
} else := sprintf("planned at %v%s", [year.performance[key].plan, _unit(key)])

# METADATA
# description: |
#   the level of the year a finding reports as actual: the year-end level, or the average
#   of the months cut (not rounded) to 2 decimal places, toward the worse side (up where
#   lower is better), so a miss never reads as a pass
_level(key, year) := ceil((exact.total(year.performance[key].monthly) * 100) / 12) / 100 if {
	rounds.year_average(key, year.year)
	key in lower_is_better
} else := floor((exact.total(year.performance[key].monthly) * 100) / 12) / 100 if {
	rounds.year_average(key, year.year)
} else := year.performance[key].plan

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

# true or false: above a maximum where lower is better (at or above a strict one), else below a minimum
_worse(key, x, threshold) := x >= threshold if {
	key in lower_is_better
	key in strict
} else := x > threshold if {
	key in lower_is_better
} else := x < threshold

# METADATA
# description: how a miss reads, below a minimum standard or above a maximum
_gap(key, threshold) := sprintf("not below the %v%s maximum", [threshold, _unit(key)]) if {
	key in strict
} else := sprintf("above the %v%s maximum", [threshold, _unit(key)]) if {
	key in lower_is_better
} else := sprintf("below the %v%s standard", [threshold, _unit(key)])

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
	"msg": sprintf("%s: %s %s, %s%s", [
		year.year, labels[key],
		_level_words(key, year),
		_gap(key, threshold),
		reason,
	]),
	"pointer": plan.pointer(i, concat("/", ["performance", key, "plan"])),
	"expected": threshold,
	"actual": _level(key, year),
}

# METADATA
# description: |
#   The per-trust improvement targets (rounds.trust_improvement): in each plan year with a
#   target, a trust plans at least its baseline level (performance.<key>.baseline, the
#   round's baseline month) improved by the round's points (percentage points) or
#   relative_pct (per cent of the baseline), or the round's floor, whichever is greater.
#   A shortfall with a recovery plan is a warning; without one, or with a figure missing,
#   an error.
improvement_findings[key] contains _below_target(key, i, year, ", with no recovery plan") if {
	some key, by_year in _improvement_years
	some i, _ in by_year
	year := plan.plan_years[i]
	_has_plan(year, key)
	_has_baseline(year, key)
	year.performance[key].plan < _target(key, year)
	not _has_recovery_plan(year.performance[key])
}

improvement_findings[key] contains object.union(_below_target(key, i, year, reason), {"severity": "warning"}) if {
	some key, by_year in _improvement_years
	some i, _ in by_year
	year := plan.plan_years[i]
	_has_plan(year, key)
	_has_baseline(year, key)
	year.performance[key].plan < _target(key, year)
	_has_recovery_plan(year.performance[key])
	reason := sprintf("; recovery plan: %s", [trim_space(year.performance[key].recovery_plan)])
}

improvement_findings[key] contains finding if {
	some key, by_year in _improvement_years
	some i, _ in by_year
	year := plan.plan_years[i]
	not _has_plan(year, key)
	finding := plan.missing_figure(i, year, concat(" ", [labels[key], "trajectory"]), ["performance", key])
}

improvement_findings[key] contains finding if {
	some key, by_year in _improvement_years
	some i, target in by_year
	year := plan.plan_years[i]
	_has_plan(year, key)
	not _has_baseline(year, key)
	name := sprintf("%s baseline (the trust's level in %s)", [labels[key], target.baseline])
	finding := plan.missing_figure(i, year, name, ["performance", key, "baseline"])
}

# METADATA
# description: why the per-trust improvement rule for metric key does not apply to the plan
improvement_not_applicable(key) := "a per-trust target: it applies to an NHS trust's own plan" if {
	not is_provider
} else := service_reason(key) if {
	not serves(key)
} else := sprintf("the round sets no per-trust improvement target for %s in the plan's years", [labels[key]]) if {
	not _improvement_years[key]
}

# the per-trust targets of a trust's plan: metric key -> plan year index -> the round's target
_improvement_years := {key: by_year |
	is_provider
	some key, _ in labels
	serves(key)
	by_year := {i: target |
		some i, year in plan.plan_years
		target := rounds.trust_improvement(key, year.year)
	}
	count(by_year) > 0
}

_has_baseline(year, key) if plan.has_figure(year, ["performance", key, "baseline"])

# the baseline improved by the round's figure, exactly
_improved(key, year) := exact.total([year.performance[key].baseline, t.points]) if {
	t := rounds.trust_improvement(key, year.year)
	is_number(t.points)
} else := exact.share(100 + t.relative_pct, year.performance[key].baseline) if {
	t := rounds.trust_improvement(key, year.year)
}

_target(key, year) := max([_improved(key, year), rounds.trust_improvement(key, year.year).floor])

_how(key, year) := sprintf("%v points on", [t.points]) if {
	t := rounds.trust_improvement(key, year.year)
	is_number(t.points)
} else := sprintf("%v%% better than", [rounds.trust_improvement(key, year.year).relative_pct])

_below_target_format := concat("", [
	"%s: %s planned at %v%%, below the trust's %v%% target ",
	"(%s its %s level of %v%%, or %v%%, whichever is greater)%s",
])

_below_target(key, i, year, reason) := {
	"msg": sprintf(_below_target_format, [
		year.year, labels[key],
		year.performance[key].plan,
		_target(key, year),
		_how(key, year),
		rounds.trust_improvement(key, year.year).baseline,
		year.performance[key].baseline,
		rounds.trust_improvement(key, year.year).floor,
		reason,
	]),
	"pointer": plan.pointer(i, concat("/", ["performance", key, "plan"])),
	"expected": _target(key, year),
	"actual": year.performance[key].plan,
}

# METADATA
# description: the metric keys in the order reports list them (facts' order, a tie by key)
order := [pair[1] | some pair in sort([[m.order, key] | some key, m in facts])]

# METADATA
# description: |
#   each metric as reports draw it, read once when the engine loads: its label, whether
#   its threshold is a maximum, and the key of its threshold in a round (lib.rounds)
metrics[key] := {
	"label": label,
	"lower_is_better": key in lower_is_better,
	"threshold": sprintf("performance.%s", [key]),
	"unit": units[key],
} if {
	some key, label in labels
}
