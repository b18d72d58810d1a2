# METADATA
# description: |
#   The logic shared by the staff-spend rules (finance.agency_spend, finance.bank_spend):
#   in each plan year the round names, a trust's spend on a staff group falls on the year
#   before (the baseline year for the first plan year) by at least the round's percentage,
#   compared exactly. A missing figure, in the year or the year before, is a finding.
package planassure.lib.pay

import data.planassure.lib.exact
import data.planassure.lib.plan
import data.planassure.lib.rounds

# METADATA
# description: |
#   the findings for the spend at finance.pay.<line>, named name in messages, against the
#   round's threshold pct_name (a percentage, or one per year), in the plan years _sound
#   leaves; undefined where there are none
findings(line, name, pct_name) := ((short | missing) | missing_before) | no_previous if {
	years := object.remove(_years(pct_name), _sound(line, pct_name))
	count(years) > 0
	path := ["finance", "pay", line]
	short := {_shortfall(i, year, previous, path, name, pct) |
		some i, year in years
		previous := plan.previous_year(i)
		plan.has_figure(year, path)
		plan.has_figure(previous, path)
		pct := rounds.by_year(pct_name, year.year)
		before := object.get(previous, path, 0)
		not exact.at_least_pct(exact.difference(before, object.get(year, path, 0)), pct, before)
	}
	missing := {plan.missing_figure(i, year, name, path) |
		some i, year in years
		not plan.has_figure(year, path)
	}
	missing_before := {plan.missing_figure(i - 1, previous, name, path) |
		some i, _ in years
		previous := plan.previous_year(i)
		not plan.has_figure(previous, path)
	}
	no_previous := {finding |
		some i, year in years
		not plan.previous_year(i)
		finding := {
			"msg": sprintf("%s: the fall in %s cannot be assessed: there is no previous year", [year.year, name]),
			"pointer": sprintf("/years/%d", [i]),
		}
	}
}

# METADATA
# description: why the rule on the spend named name against threshold pct_name does not apply
not_applicable(name, pct_name) := sprintf("the round sets no reduction in %s for the plan's years", [name]) if {
	count(_asked(pct_name)) == 0
} else := sprintf("the trusts' plans carry %s: it does not apply to a commissioner's plan", [name]) if {
	not plan.is_provider
}

# METADATA
# description: |
#   the plan years (by index) whose spend at finance.pay.<line>, and the year before's, are
#   whole numbers falling by at least the round's percentage: the common, passing case,
#   decided once per plan in integer arithmetic (the comparison exact.at_least_pct makes, in
#   hundredths of a percent); findings looks only at the other years
_sound(line, pct_name) := {i |
	some i, year in _years(pct_name)
	i > 0
	before := input.years[i - 1].finance.pay[line]
	after := year.finance.pay[line]
	is_number(before)
	is_number(after)
	floor(before) == before
	floor(after) == after
	min_hundredths := exact.hundredths(rounds.by_year(pct_name, year.year))
	(floor(before) - floor(after)) * 10000 >= min_hundredths * floor(before)
}

# the plan years for which the round sets a reduction
_asked(pct_name) := {i: year |
	some i, year in plan.plan_years
	is_number(rounds.by_year(pct_name, year.year))
}

# the years a trust's plan answers for
_years(pct_name) := _asked(pct_name) if plan.is_provider

_shortfall(i, year, previous, path, name, pct) := {
	"msg": sprintf("%s: %s %v is %s on %v in %s, short of the %v%% reduction the round asks (at most %v)", [
		year.year, name, object.get(year, path, 0),
		_change(object.get(previous, path, 0), object.get(year, path, 0)),
		object.get(previous, path, 0), previous.year, pct,
		_ceiling(pct, object.get(previous, path, 0)),
	]),
	"pointer": plan.pointer(i, concat("/", path)),
	"expected": _ceiling(pct, object.get(previous, path, 0)),
	"actual": object.get(year, path, 0),
}

# the most the spend may be: the year before's less pct percent of it, exactly
_ceiling(pct, before) := exact.difference(before, exact.share(pct, before))

# how the spend moved, for messages: a fall cut down (never reads as enough), or a rise
_change(before, after) := sprintf("%v%% lower", [plan.pct(exact.difference(before, after), before)]) if {
	before > 0
	after < before
} else := "no lower"
