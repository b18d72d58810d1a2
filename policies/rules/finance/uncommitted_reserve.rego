# METADATA
# title: Uncommitted part of the non-recurrent reserve
# description: |
#   Each plan year holds uncommitted, as a risk reserve, at least the round's percentage
#   of allocation (0.5% from 2017-19; the whole 1% in 2016/17), and the uncommitted part
#   is no more than the non-recurrent reserve it belongs to. The 2018/19 refresh lifted
#   the rule.
# related_resources:
#   - description: NHS England, NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
# custom:
#   reads:
#     - finance.funding.recurrent_programme
#     - finance.funding.non_recurrent_programme
#     - finance.funding.running_cost
#     - finance.reserves.non_recurrent
#     - finance.reserves.non_recurrent_uncommitted
#   thresholds: [uncommitted_reserve_pct]
#   severity: error
#   guidance: >-
#     Planning guidance business rules; Norwich CCG Operational Plan 2017-19, s4.2, p15
#     ("Holding a 1% non-recurrent spend reserve, of which 0.5% is uncommitted and will be
#     held as a risk reserve")
package planassure.rules.finance.uncommitted_reserve

import data.planassure.lib.exact
import data.planassure.lib.plan
import data.planassure.lib.rounds

_min_pct := rounds.current.uncommitted_reserve_pct

_uncommitted := ["finance", "reserves", "non_recurrent_uncommitted"]

_reserve := ["finance", "reserves", "non_recurrent"]

# at least the threshold share of allocation is held uncommitted
deny contains finding if {
	some i, year in _unsound
	plan.has_figure(year, _uncommitted)
	plan.has_allocation(year)
	not exact.at_least_pct(year.finance.reserves.non_recurrent_uncommitted, _min_pct, plan.allocation(year))
	finding := _shortfall(i, year)
}

# the uncommitted part is part of the non-recurrent reserve
deny contains finding if {
	some i, year in _unsound
	_min_pct
	plan.has_figure(year, _uncommitted)
	plan.has_figure(year, _reserve)
	year.finance.reserves.non_recurrent_uncommitted > year.finance.reserves.non_recurrent
	finding := {
		"msg": sprintf("%s: uncommitted reserve %v is more than the non-recurrent reserve %v it is part of", [
			year.year,
			year.finance.reserves.non_recurrent_uncommitted,
			year.finance.reserves.non_recurrent,
		]),
		"pointer": plan.pointer(i, "finance/reserves/non_recurrent_uncommitted"),
		"expected": year.finance.reserves.non_recurrent,
		"actual": year.finance.reserves.non_recurrent_uncommitted,
	}
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains plan.missing_figure(i, year, name, path) if {
	some i, year in _unsound
	_min_pct
	some name, path in {"uncommitted reserve": _uncommitted, "non-recurrent reserve": _reserve}
	not plan.has_figure(year, path)
}

deny contains plan.no_allocation(i, year, "uncommitted reserve") if {
	some i, year in _unsound
	_min_pct
	not plan.has_allocation(year)
}

not_applicable contains "the round sets no uncommitted reserve threshold (lifted in the refresh)" if {
	rounds.known
	not _min_pct
}

# METADATA
# description: |
#   the plan years whose uncommitted reserve and allocation are whole numbers, the
#   uncommitted reserve at least the threshold share of allocation and no more than the
#   non-recurrent reserve: the common, passing case, decided once per plan in integer
#   arithmetic (the comparison exact.at_least_pct makes, in hundredths of a percent); the
#   clauses above look only at the other years
_sound := {i |
	some i, allocation in plan.whole_allocations
	reserves := plan.plan_years[i].finance.reserves
	x := reserves.non_recurrent_uncommitted
	is_number(x)
	floor(x) == x
	floor(x) * 10000 >= _min_hundredths * allocation
	is_number(reserves.non_recurrent)
	x <= reserves.non_recurrent
}

# the plan years, by index, that _sound leaves to the clauses above
_unsound := object.remove(plan.plan_years, _sound)

# the threshold in hundredths of a percent, for the integer comparison of _sound (undefined
# for a threshold with more than two decimal places: every year is then left to the clauses)
_min_hundredths := exact.hundredths(_min_pct)

# expected and actual are £000: the uncommitted reserve the threshold asks for, and the plan's
_shortfall(i, year) := {
	"msg": sprintf("%s: uncommitted reserve %v is %v%% of allocation %v, below the %v%% required (%v)", [
		year.year,
		year.finance.reserves.non_recurrent_uncommitted,
		plan.pct(year.finance.reserves.non_recurrent_uncommitted, plan.allocation(year)),
		plan.allocation(year),
		_min_pct,
		exact.share(_min_pct, plan.allocation(year)),
	]),
	"pointer": plan.pointer(i, "finance/reserves/non_recurrent_uncommitted"),
	"expected": exact.share(_min_pct, plan.allocation(year)),
	"actual": year.finance.reserves.non_recurrent_uncommitted,
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
