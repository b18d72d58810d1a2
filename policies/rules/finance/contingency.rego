# METADATA
# title: Contingency of at least the round's share of allocation
# description: |
#   Each plan year holds a contingency, to manage in-year pressures and risks, of at
#   least the round's percentage of allocation.
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
#     - finance.reserves.contingency
#   thresholds: [contingency_pct]
#   severity: error
#   guidance: >-
#     Planning guidance business rules; Norwich CCG Operational Plan 2017-19, s4.2, p15
#     ("Establishment of a 0.5% contingency to manage in-year pressures and risks")
package planassure.rules.finance.contingency

import data.planassure.lib.exact
import data.planassure.lib.plan
import data.planassure.lib.rounds

_min_pct := rounds.current.contingency_pct

_contingency := ["finance", "reserves", "contingency"]

deny contains finding if {
	some i, year in _unsound
	_has_figures(year)
	not exact.at_least_pct(year.finance.reserves.contingency, _min_pct, plan.allocation(year))
	finding := _shortfall(i, year)
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains plan.missing_figure(i, year, "contingency", _contingency) if {
	some i, year in _unsound
	_min_pct
	not plan.has_figure(year, _contingency)
}

deny contains plan.no_allocation(i, year, "contingency") if {
	some i, year in _unsound
	_min_pct
	not plan.has_allocation(year)
}

not_applicable contains "the round sets no contingency threshold" if {
	rounds.known
	not _min_pct
}

# METADATA
# description: |
#   the plan years whose contingency and allocation are whole numbers, the contingency at
#   least the threshold share of allocation: the common, passing case, decided once per plan
#   in integer arithmetic (the comparison exact.at_least_pct makes, in hundredths of a
#   percent); the clauses above look only at the other years
_sound := {i |
	some i, allocation in plan.whole_allocations
	x := plan.plan_years[i].finance.reserves.contingency
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
	plan.has_figure(year, _contingency)
	plan.has_allocation(year)
}

# expected and actual are £000: the contingency the threshold asks for, and the plan's
_shortfall(i, year) := {
	"msg": sprintf("%s: contingency %v is %v%% of allocation %v, below the %v%% required (%v)", [
		year.year,
		year.finance.reserves.contingency,
		plan.pct(year.finance.reserves.contingency, plan.allocation(year)),
		plan.allocation(year),
		_min_pct,
		exact.share(_min_pct, plan.allocation(year)),
	]),
	"pointer": plan.pointer(i, "finance/reserves/contingency"),
	"expected": exact.share(_min_pct, plan.allocation(year)),
	"actual": year.finance.reserves.contingency,
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
