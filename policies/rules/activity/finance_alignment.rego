# METADATA
# title: Acute spend and admissions planned together
# description: |
#   For each plan year, the growth of acute expenditure over the previous year and
#   the growth of elective plus non-elective admissions differ by no more than the
#   alignment gap (5 percentage points): a wider gap means finance and activity were
#   not planned together. Compared exactly, without rounding.
# related_resources:
#   - description: NHS England, NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   thresholds: [alignment_gap_pp]
#   reads:
#     - finance.expenditure.acute
#     - activity.elective_admissions
#     - activity.non_elective_admissions
#   severity: warning
#   guidance: >-
#     Operational Planning and Contracting Guidance 2017-2019, activity and finance plans; Norwich
#     CCG Operational Plan 2017-19, s4.2.5, p16 ("Financial and activity planning have been produced
#     together to ensure consistency")
package planassure.rules.activity.finance_alignment

import data.planassure.lib.activity
import data.planassure.lib.plan

_gap := activity.alignment_gap_pp

# the activity the acute expenditure is compared with, as the messages name it
_admissions_name := "elective and non-elective admissions"

_admission_lines := ["elective_admissions", "non_elective_admissions"]

deny contains finding if {
	some i, year in plan.plan_years
	previous := plan.previous_year(i)
	_has_figures(year)
	_has_figures(previous)
	_acute(previous) > 0
	_admissions(previous) > 0
	apart := 100 * ((_acute(year) * _admissions(previous)) - (_admissions(year) * _acute(previous)))
	abs(apart) > (_gap * _acute(previous)) * _admissions(previous)
	apart_pp := ceil((abs(apart) * 100) / (_acute(previous) * _admissions(previous))) / 100
	finding := {
		"msg": sprintf(
			"%s: acute expenditure grows %v%% over %s but %s grow %v%%: %v percentage points apart, more than %v",
			[
				year.year, plan.pct(_acute(year) - _acute(previous), _acute(previous)), previous.year,
				_admissions_name, plan.pct(_admissions(year) - _admissions(previous), _admissions(previous)),
				apart_pp, _gap,
			],
		),
		"pointer": plan.pointer(i, "finance/expenditure/acute"),
		"expected": _gap,
		"actual": apart_pp,
	}
}

# a missing figure, in a plan year or the year before it, fails the rule
deny contains finding if {
	some y in _years_needed
	not plan.has_figure(input.years[y], ["finance", "expenditure", "acute"])
	finding := {
		"msg": sprintf(
			"finance and activity alignment cannot be assessed: %s acute expenditure is missing",
			[input.years[y].year],
		),
		"pointer": plan.pointer(y, "finance/expenditure/acute"),
	}
}

deny contains finding if {
	some y in _years_needed
	some key in _admission_lines
	not activity.total(activity.line(input.years[y], key))
	finding := {
		"msg": sprintf("finance and activity alignment cannot be assessed: %s %s is missing", [input.years[y].year, key]),
		"pointer": plan.pointer(y, sprintf("activity/%s", [key])),
	}
}

# growth over a zero base is not a percentage
deny contains finding if {
	some i, _ in plan.plan_years
	_gap
	previous := plan.previous_year(i)
	_acute(previous) == 0
	finding := {
		"msg": sprintf("finance and activity alignment cannot be assessed: %s acute expenditure is 0", [previous.year]),
		"pointer": plan.pointer(i - 1, "finance/expenditure/acute"),
	}
}

deny contains finding if {
	some i, _ in plan.plan_years
	_gap
	previous := plan.previous_year(i)
	_admissions(previous) == 0
	finding := {
		"msg": sprintf(
			"finance and activity alignment cannot be assessed: %s elective and non-elective admissions are 0",
			[previous.year],
		),
		"pointer": plan.pointer(i - 1, "activity"),
	}
}

deny contains finding if {
	some i, year in plan.plan_years
	_gap
	i == 0
	finding := {
		"msg": sprintf("%s: finance and activity alignment cannot be assessed: the plan has no year before it", [year.year]),
		"pointer": plan.pointer(i, "finance/expenditure/acute"),
	}
}

# the plan years and the years before them, by index, when the round sets a gap
_years_needed contains y if {
	_gap
	some i, _ in plan.plan_years
	some y in {i, i - 1}
	y >= 0
}

_has_figures(year) if {
	is_number(_acute(year))
	is_number(_admissions(year))
}

_acute(year) := year.finance.expenditure.acute

_admissions(year) := elective + non_elective if {
	elective := activity.total(activity.line(year, "elective_admissions"))
	non_elective := activity.total(activity.line(year, "non_elective_admissions"))
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
