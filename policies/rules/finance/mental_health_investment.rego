# METADATA
# title: Mental Health Investment Standard
# description: |
#   In each plan year, spending on mental health grows over the previous year (the
#   baseline year for the first plan year) by at least the growth of the recurrent
#   programme allocation over the same year. Both growth percentages are reported.
# related_resources:
#   - description: NHS England, NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
#   - description: NHS England, 2025/26 priorities and operational planning guidance (PRN01625)
#     ref: https://www.england.nhs.uk/long-read/2025-26-priorities-and-operational-planning-guidance/
# custom:
#   reads:
#     - finance.funding.recurrent_programme
#     - finance.expenditure.mental_health
#   thresholds: [mental_health_investment]
#   severity: error
#   guidance: >-
#     Planning guidance business rules, Mental Health Investment Standard; Norwich CCG
#     Operational Plan 2017-19, s4.2, p15 ("spending on Mental Health is rising in each year
#     by at least the level of uplift in CCG recurrent allocation"); 2025/26 guidance p12: ICBs are
#     "expected to" meet it, defined as before (an ICB's recurrent programme allocation). 2026-29
#     (U9): the MTPF does not mention it and one source reports an inflation-only standard with no
#     figure, so the round sets none (a user can set mental_health_investment with --data)
package planassure.rules.finance.mental_health_investment

import data.planassure.lib.plan
import data.planassure.lib.rounds

_standard := rounds.current.mental_health_investment

_figures := {
	"mental health spend": ["finance", "expenditure", "mental_health"],
	"recurrent programme allocation": ["finance", "funding", "recurrent_programme"],
}

deny contains finding if {
	some i, year in _unsound
	_standard
	previous := plan.previous_year(i)
	_has_figures(year)
	_has_bases(previous)
	not _keeps_pace(year, previous)
	finding := _shortfall(i, year, previous)
}

# a missing figure fails the rule, in the plan year or in the year before it
deny contains plan.missing_figure(i, year, name, path) if {
	some i, year in _unsound
	_standard
	some name, path in _figures
	not plan.has_figure(year, path)
}

deny contains plan.missing_figure(i - 1, previous, name, path) if {
	some i, _ in _unsound
	_standard
	previous := plan.previous_year(i)
	some name, path in _figures
	not plan.has_figure(previous, path)
}

# growth is measured from the previous year's figures: they must be positive
deny contains finding if {
	some i, year in _unsound
	_standard
	previous := plan.previous_year(i)
	some name, path in _figures
	plan.has_figure(previous, path)
	object.get(previous, path, null) <= 0
	finding := {
		"msg": sprintf("%s: mental health investment cannot be assessed: %s %v in %s is not positive", [
			year.year,
			name,
			object.get(previous, path, null),
			previous.year,
		]),
		"pointer": plan.pointer(i - 1, concat("/", path)),
	}
}

deny contains finding if {
	some i, year in _unsound
	_standard
	not plan.previous_year(i)
	finding := {
		"msg": sprintf("%s: mental health investment cannot be assessed: there is no previous year", [year.year]),
		"pointer": sprintf("/years/%d", [i]),
	}
}

not_applicable contains _absent if {
	rounds.known
	not _standard
}

# why the standard is absent: the round's own note, where it has one
_absent := rounds.current.mental_health_investment_note if {
	is_string(rounds.current.mental_health_investment_note)
} else := "the round does not set the Mental Health Investment Standard"

# METADATA
# description: |
#   the plan years after another whose mental health spend and recurrent allocation, in the
#   year and the year before, are whole numbers, the year before's positive, and whose spend
#   keeps pace with the allocation: the common, passing case, decided once per plan in
#   integer arithmetic (the comparison _keeps_pace makes); the clauses above look only at
#   the other years
_sound := {i |
	some i, year in plan.plan_years
	i > 0
	previous := input.years[i - 1]
	spend := year.finance.expenditure.mental_health
	spend_before := previous.finance.expenditure.mental_health
	allocation := year.finance.funding.recurrent_programme
	allocation_before := previous.finance.funding.recurrent_programme
	is_number(spend)
	is_number(spend_before)
	is_number(allocation)
	is_number(allocation_before)
	floor(spend) == spend
	floor(spend_before) == spend_before
	floor(allocation) == allocation
	floor(allocation_before) == allocation_before
	spend_before > 0
	allocation_before > 0
	spend * allocation_before >= allocation * spend_before
}

# the plan years, by index, that _sound leaves to the clauses above
_unsound := object.remove(plan.plan_years, _sound)

_has_figures(year) if {
	every path in _figures {
		plan.has_figure(year, path)
	}
}

_has_bases(previous) if {
	_has_figures(previous)
	every path in _figures {
		object.get(previous, path, null) > 0
	}
}

# mental health spend grows at least as fast as the recurrent allocation:
# mh / previous mh >= allocation / previous allocation, cross-multiplied (positive bases)
_keeps_pace(year, previous) if {
	spend := year.finance.expenditure.mental_health
	spend_before := previous.finance.expenditure.mental_health
	allocation := year.finance.funding.recurrent_programme
	allocation_before := previous.finance.funding.recurrent_programme
	spend * allocation_before >= allocation * spend_before
}

# growth percentages for the message, cut down for the spend and raised for the allocation,
# so that a shortfall never reads as meeting the standard
_mh_growth(year, previous) := plan.pct(
	year.finance.expenditure.mental_health - previous.finance.expenditure.mental_health,
	previous.finance.expenditure.mental_health,
)

_allocation_growth(year, previous) := plan.pct_up(
	year.finance.funding.recurrent_programme - previous.finance.funding.recurrent_programme,
	previous.finance.funding.recurrent_programme,
)

# expected and actual are growth percentages: the allocation's, and the mental health spend's
_shortfall(i, year, previous) := {
	"msg": sprintf("%s: mental health spend grows %v%% (%v to %v), below the recurrent allocation's %v%% (%v to %v)", [
		year.year,
		_mh_growth(year, previous),
		previous.finance.expenditure.mental_health,
		year.finance.expenditure.mental_health,
		_allocation_growth(year, previous),
		previous.finance.funding.recurrent_programme,
		year.finance.funding.recurrent_programme,
	]),
	"pointer": plan.pointer(i, "finance/expenditure/mental_health"),
	"expected": _allocation_growth(year, previous),
	"actual": _mh_growth(year, previous),
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
