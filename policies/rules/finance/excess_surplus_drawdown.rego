# METADATA
# title: Drawdown of excess surplus only above the cumulative-surplus line
# description: |
#   Where a plan year draws down surplus held from prior years (return of excess surplus),
#   it draws no more than the cumulative surplus brought forward less the round's
#   cumulative-surplus percentage of allocation: only surplus above that line may be drawn
#   down. Does not apply in a round without a cumulative-surplus threshold.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
# custom:
#   reads:
#     - finance.funding.recurrent_programme
#     - finance.funding.non_recurrent_programme
#     - finance.funding.running_cost
#     - finance.funding.return_of_excess_surplus
#     - finance.surplus.cumulative_brought_forward
#   thresholds: [cumulative_surplus_pct]
#   severity: error
#   guidance: >-
#     Planning guidance business rules; Norwich CCG Operational Plan 2017-19, s4.2, p13
#     ("This represents £0.9m more than was required to deliver the NHS England expectation
#     of 1% cumulative surplus; this excess surplus is to be returned to the CCG")
package planassure.rules.finance.excess_surplus_drawdown

import data.planassure.lib.exact
import data.planassure.lib.plan
import data.planassure.lib.rounds

_min_pct := rounds.current.cumulative_surplus_pct

_drawdown := ["finance", "funding", "return_of_excess_surplus"]

_brought_forward := ["finance", "surplus", "cumulative_brought_forward"]

# what is left after the drawdown is still at least the threshold share of allocation
deny contains finding if {
	some i, year in _unsound
	_draws_down(year)
	_has_figures(year)
	not exact.at_least_pct(_left_after_drawdown(year), _min_pct, plan.allocation(year))
	finding := _excess(i, year)
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains plan.missing_figure(i, year, "return of excess surplus", _drawdown) if {
	some i, year in _unsound
	_min_pct
	not plan.has_figure(year, _drawdown)
}

deny contains plan.missing_figure(i, year, "cumulative surplus brought forward", _brought_forward) if {
	some i, year in _unsound
	_min_pct
	_draws_down(year)
	not plan.has_figure(year, _brought_forward)
}

deny contains plan.no_allocation(i, year, "return of excess surplus") if {
	some i, year in _unsound
	_min_pct
	_draws_down(year)
	not plan.has_allocation(year)
}

not_applicable contains "the round sets no cumulative surplus threshold (the CCG control total governs)" if {
	rounds.known
	not _min_pct
}

# METADATA
# description: |
#   the plan years that draw down nothing, or whose drawdown, surplus brought forward and
#   allocation are whole numbers and leave at least the threshold share of allocation: the
#   common, passing case, decided once per plan in integer arithmetic (the comparison
#   exact.at_least_pct makes, in hundredths of a percent); the clauses above look only at
#   the other years
_sound := {i |
	some i, year in plan.plan_years
	drawn_down := year.finance.funding.return_of_excess_surplus
	is_number(drawn_down)
	_within_limit(i, year, drawn_down)
}

# the plan years, by index, that _sound leaves to the clauses above
_unsound := object.remove(plan.plan_years, _sound)

_within_limit(_, _, drawn_down) if drawn_down <= 0

_within_limit(i, year, drawn_down) if {
	drawn_down > 0
	brought_forward := year.finance.surplus.cumulative_brought_forward
	is_number(brought_forward)
	floor(brought_forward) == brought_forward
	floor(drawn_down) == drawn_down
	left := floor(brought_forward) - floor(drawn_down)
	left * 10000 >= _min_hundredths * plan.whole_allocations[i]
}

# the threshold in hundredths of a percent, for the integer comparison of _sound (undefined
# for a threshold with more than two decimal places: every year is then left to the clauses)
_min_hundredths := exact.hundredths(_min_pct)

_draws_down(year) if {
	plan.has_figure(year, _drawdown)
	year.finance.funding.return_of_excess_surplus > 0
}

_has_figures(year) if {
	plan.has_figure(year, _brought_forward)
	plan.has_allocation(year)
}

_left_after_drawdown(year) := exact.difference(brought_forward, drawn_down) if {
	brought_forward := year.finance.surplus.cumulative_brought_forward
	drawn_down := year.finance.funding.return_of_excess_surplus
}

# the most that may be drawn down: the surplus brought forward above the threshold line
_limit(year) := exact.difference(
	year.finance.surplus.cumulative_brought_forward,
	exact.share(_min_pct, plan.allocation(year)),
)

# expected and actual are £000: the most the plan may draw down, and what it draws down
_excess(i, year) := {
	"msg": sprintf("%s: return of excess surplus %v exceeds the %v that may be drawn down (%s)", [
		year.year,
		year.finance.funding.return_of_excess_surplus,
		_limit(year),
		sprintf("brought forward %v less %v%% of allocation %v, %v", [
			year.finance.surplus.cumulative_brought_forward,
			_min_pct,
			plan.allocation(year),
			exact.share(_min_pct, plan.allocation(year)),
		]),
	]),
	"pointer": plan.pointer(i, "finance/funding/return_of_excess_surplus"),
	"expected": _limit(year),
	"actual": year.finance.funding.return_of_excess_surplus,
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
