# METADATA
# title: Non-recurrent reserve of at least the round's share of allocation
# description: |
#   Each plan year holds a non-recurrent reserve of at least the round's percentage of
#   allocation. The 2018/19 refresh lifted the rule.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
#   - description: NHS England, NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   reads:
#     - finance.funding.recurrent_programme
#     - finance.funding.non_recurrent_programme
#     - finance.funding.running_cost
#     - finance.reserves.non_recurrent
#   thresholds: [non_recurrent_reserve_pct]
#   severity: error
#   guidance: >-
#     Planning guidance business rules; Norwich CCG Operational Plan 2017-19, s4.2, p15
#     ("Holding a 1% non-recurrent spend reserve")
package planassure.rules.finance.non_recurrent_reserve

import data.planassure.lib.exact
import data.planassure.lib.plan
import data.planassure.lib.rounds

_min_pct := rounds.current.non_recurrent_reserve_pct

_reserve := ["finance", "reserves", "non_recurrent"]

deny contains finding if {
	some i, year in _unsound
	_has_figures(year)
	not exact.at_least_pct(year.finance.reserves.non_recurrent, _min_pct, plan.allocation(year))
	finding := _shortfall(i, year)
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains plan.missing_figure(i, year, "non-recurrent reserve", _reserve) if {
	some i, year in _unsound
	_min_pct
	not plan.has_figure(year, _reserve)
}

deny contains plan.no_allocation(i, year, "non-recurrent reserve") if {
	some i, year in _unsound
	_min_pct
	not plan.has_allocation(year)
}

not_applicable contains "the round sets no non-recurrent reserve threshold (lifted in the refresh)" if {
	rounds.known
	not _min_pct
}

# METADATA
# description: |
#   the plan years whose non-recurrent reserve and allocation are whole numbers, the
#   non-recurrent reserve at least the threshold share of allocation: the common, passing
#   case, decided once per plan in integer arithmetic (the comparison exact.at_least_pct
#   makes, in hundredths of a percent); the clauses above look only at the other years
_sound := {i |
	some i, allocation in plan.whole_allocations
	x := plan.plan_years[i].finance.reserves.non_recurrent
	is_number(x)
	floor(x) == x
	floor(x) * 10000 >= _min_hundredths * allocation
}

# the plan years, by index, that _sound leaves to the clauses above
_unsound := object.remove(plan.plan_years, _sound)

# the threshold in hundredths of a percent, for the integer comparison of _sound (undefined
# for a threshold with more than two decimal places: every year is then left to the clauses)
_min_hundredths := exact.hundredths(_min_pct)

_has_figures(year) if {
	plan.has_figure(year, _reserve)
	plan.has_allocation(year)
}

# expected and actual are £000: the reserve the threshold asks for, and the plan's
_shortfall(i, year) := {
	"msg": sprintf("%s: non-recurrent reserve %v is %v%% of allocation %v, below the %v%% required (%v)", [
		year.year,
		year.finance.reserves.non_recurrent,
		plan.pct(year.finance.reserves.non_recurrent, plan.allocation(year)),
		plan.allocation(year),
		_min_pct,
		exact.share(_min_pct, plan.allocation(year)),
	]),
	"pointer": plan.pointer(i, "finance/reserves/non_recurrent"),
	"expected": exact.share(_min_pct, plan.allocation(year)),
	"actual": year.finance.reserves.non_recurrent,
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
