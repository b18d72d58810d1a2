# METADATA
# title: Cumulative surplus of at least the round's share of allocation
# description: |
#   Each plan year ends with a cumulative surplus carried forward of at least the
#   round's percentage of allocation. Where the plan has an agreed deficit control
#   total (negative), the control-total rule governs instead and a shortfall here is
#   only a warning naming the agreed deficit.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
# custom:
#   reads:
#     - finance.funding.recurrent_programme
#     - finance.funding.non_recurrent_programme
#     - finance.funding.running_cost
#     - finance.surplus.cumulative_carried_forward
#     - finance.surplus.control_total
#   thresholds: [cumulative_surplus_pct]
#   severity: error
#   guidance: >-
#     Planning guidance business rules; Norwich CCG Operational Plan 2017-19, s4.2, p13-15 ("NHS
#     England expectation of 1% cumulative surplus")
package planassure.rules.finance.cumulative_surplus

import data.planassure.lib.exact
import data.planassure.lib.plan
import data.planassure.lib.rounds

_min_pct := rounds.current.cumulative_surplus_pct

deny contains finding if {
	some i, year in _unsound
	_has_figures(year)
	not _agreed_deficit(year)
	not exact.at_least_pct(year.finance.surplus.cumulative_carried_forward, _min_pct, plan.allocation(year))
	finding := _shortfall(i, year)
}

# an agreed deficit control total: the shortfall is a warning naming it
deny contains object.union(_shortfall(i, year), {
	"severity": "warning",
	"msg": sprintf(
		"%s (agreed deficit control total %v: the control-total rule governs)",
		[_shortfall(i, year).msg, year.finance.surplus.control_total],
	),
}) if {
	some i, year in _unsound
	_has_figures(year)
	_agreed_deficit(year)
	not exact.at_least_pct(year.finance.surplus.cumulative_carried_forward, _min_pct, plan.allocation(year))
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains plan.missing_figure(i, year, "cumulative surplus carried forward", _carried_forward) if {
	some i, year in _unsound
	_min_pct
	not plan.has_figure(year, _carried_forward)
}

_carried_forward := ["finance", "surplus", "cumulative_carried_forward"]

deny contains finding if {
	some i, year in _unsound
	_min_pct
	not plan.has_allocation(year)
	finding := {
		"msg": sprintf("%s: cumulative surplus cannot be assessed: allocation is missing or not positive", [year.year]),
		"pointer": plan.pointer(i, "finance/funding"),
	}
}

not_applicable contains "the round sets no cumulative surplus threshold (the CCG control total governs)" if {
	rounds.known
	not _min_pct
}

# METADATA
# description: |
#   the plan years whose cumulative surplus carried forward and allocation are whole
#   numbers, the surplus at least the threshold share of allocation: the common, passing
#   case, decided once per plan in integer arithmetic (the comparison exact.at_least_pct
#   makes, in hundredths of a percent); the clauses above look only at the other years
_sound := {i |
	some i, allocation in plan.whole_allocations
	x := plan.plan_years[i].finance.surplus.cumulative_carried_forward
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
	is_number(year.finance.surplus.cumulative_carried_forward)
	plan.has_allocation(year)
}

_agreed_deficit(year) if year.finance.surplus.control_total < 0

# expected and actual are £000: the surplus the threshold asks for, and the plan's
_shortfall(i, year) := {
	"msg": sprintf("%s: cumulative surplus carried forward %v is %v%% of allocation %v, below the %v%% required (%v)", [
		year.year,
		year.finance.surplus.cumulative_carried_forward,
		plan.pct(year.finance.surplus.cumulative_carried_forward, plan.allocation(year)),
		plan.allocation(year),
		_min_pct,
		exact.share(_min_pct, plan.allocation(year)),
	]),
	"pointer": plan.pointer(i, "finance/surplus/cumulative_carried_forward"),
	"expected": exact.share(_min_pct, plan.allocation(year)),
	"actual": year.finance.surplus.cumulative_carried_forward,
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
