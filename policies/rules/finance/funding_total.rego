# METADATA
# title: Total funding is the sum of its four lines
# description: |
#   In each plan year, total funding as submitted equals the recurrent and non-recurrent
#   programme allocations, the return of excess surplus and the running cost allocation,
#   within the round's arithmetic tolerance.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
# custom:
#   reads:
#     - finance.funding.recurrent_programme
#     - finance.funding.non_recurrent_programme
#     - finance.funding.return_of_excess_surplus
#     - finance.funding.running_cost
#     - finance.funding.total
#   thresholds: [tolerance]
#   severity: error
#   guidance: >-
#     NHS England finance template (£000); Norwich CCG Operational Plan 2017-19, s4.2, p15,
#     Figure 2 "Summary of CCG Financial Plan" (Recurrent Programme Allocation, Non-Recurrent
#     Programme Allocation, Return of Excess Surplus from Prior Years, Running Cost
#     Allocation, Total Funding)
package planassure.rules.finance.funding_total

import data.planassure.lib.exact
import data.planassure.lib.plan
import data.planassure.lib.rounds

_tolerance := rounds.current.tolerance

_total := ["finance", "funding", "total"]

_lines := {
	"recurrent programme allocation": ["finance", "funding", "recurrent_programme"],
	"non-recurrent programme allocation": ["finance", "funding", "non_recurrent_programme"],
	"return of excess surplus": ["finance", "funding", "return_of_excess_surplus"],
	"running cost allocation": ["finance", "funding", "running_cost"],
}

deny contains finding if {
	some i, year in _unsound
	_has_figures(year)
	not exact.within(year.finance.funding.total, _sum_of_lines(year), _tolerance)
	finding := {
		"msg": sprintf("%s: total funding %v is not the sum of its four lines, %v (tolerance %v)", [
			year.year,
			year.finance.funding.total,
			_sum_of_lines(year),
			_tolerance,
		]),
		"pointer": plan.pointer(i, "finance/funding/total"),
		"expected": _sum_of_lines(year),
		"actual": year.finance.funding.total,
	}
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains plan.missing_figure(i, year, name, path) if {
	some i, year in _unsound
	_tolerance
	some name, path in object.union(_lines, {"total funding": _total})
	not plan.has_figure(year, path)
}

not_applicable contains "the round sets no arithmetic tolerance" if {
	rounds.known
	not _tolerance
}

# METADATA
# description: |
#   the plan years whose four lines, total and tolerance are whole numbers and whose total
#   is the sum of the lines within the tolerance: the common, passing case, decided once per
#   plan by integer arithmetic, exact as lib.exact computes whole numbers; the clauses above
#   look only at the other years
_sound := {i |
	is_number(_tolerance)
	floor(_tolerance) == _tolerance
	some i, year in plan.plan_years
	f := year.finance.funding
	is_number(f.recurrent_programme)
	is_number(f.non_recurrent_programme)
	is_number(f.return_of_excess_surplus)
	is_number(f.running_cost)
	is_number(f.total)
	floor(f.recurrent_programme) == f.recurrent_programme
	floor(f.non_recurrent_programme) == f.non_recurrent_programme
	floor(f.return_of_excess_surplus) == f.return_of_excess_surplus
	floor(f.running_cost) == f.running_cost
	floor(f.total) == f.total
	lines := sum([
		floor(f.recurrent_programme), floor(f.non_recurrent_programme),
		floor(f.return_of_excess_surplus), floor(f.running_cost),
	])
	abs(f.total - lines) <= _tolerance
}

# the plan years, by index, that _sound leaves to the clauses above
_unsound := object.remove(plan.plan_years, _sound)

_has_figures(year) if {
	plan.has_figure(year, _total)
	every path in _lines {
		plan.has_figure(year, path)
	}
}

_sum_of_lines(year) := exact.total([object.get(year, path, null) | some path in _lines])

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
