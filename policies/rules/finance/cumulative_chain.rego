# METADATA
# title: Cumulative surplus carried forward follows from the year
# description: |
#   In each plan year, the cumulative surplus carried forward equals the surplus brought
#   forward plus the in-year surplus less the return of excess surplus, and the surplus
#   brought forward equals the previous year's carried forward (the baseline year's for
#   the first plan year), both within the round's arithmetic tolerance.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
# custom:
#   reads:
#     - finance.surplus.cumulative_brought_forward
#     - finance.surplus.in_year
#     - finance.funding.return_of_excess_surplus
#     - finance.surplus.cumulative_carried_forward
#   thresholds: [tolerance]
#   severity: error
#   guidance: >-
#     NHS England finance template (£000); Norwich CCG Operational Plan 2017-19, s4.2, p14
#     ("Cumulative surplus b/f", "In-year control total (= return of excess surplus from
#     previous years)", "Cumulative surplus c/f")
package planassure.rules.finance.cumulative_chain

import data.planassure.lib.exact
import data.planassure.lib.plan
import data.planassure.lib.rounds

_tolerance := rounds.current.tolerance

_carried_forward := ["finance", "surplus", "cumulative_carried_forward"]

_brought_forward := ["finance", "surplus", "cumulative_brought_forward"]

_figures := {
	"cumulative surplus carried forward": _carried_forward,
	"cumulative surplus brought forward": _brought_forward,
	"in-year surplus": ["finance", "surplus", "in_year"],
	"return of excess surplus": ["finance", "funding", "return_of_excess_surplus"],
}

# carried forward = brought forward + in-year surplus - return of excess surplus
deny contains finding if {
	some i, year in _unsound
	_has_figures(year)
	not exact.within(year.finance.surplus.cumulative_carried_forward, _expected_carried_forward(year), _tolerance)
	finding := {
		"msg": sprintf("%s: cumulative surplus carried forward %v is not %v (%s) (tolerance %v)", [
			year.year,
			year.finance.surplus.cumulative_carried_forward,
			_expected_carried_forward(year),
			sprintf("brought forward %v plus in-year surplus %v less return of excess surplus %v", [
				year.finance.surplus.cumulative_brought_forward,
				year.finance.surplus.in_year,
				year.finance.funding.return_of_excess_surplus,
			]),
			_tolerance,
		]),
		"pointer": plan.pointer(i, "finance/surplus/cumulative_carried_forward"),
		"expected": _expected_carried_forward(year),
		"actual": year.finance.surplus.cumulative_carried_forward,
	}
}

# brought forward = the previous year's carried forward
deny contains finding if {
	some i, year in _unsound
	previous := plan.previous_year(i)
	plan.has_figure(year, _brought_forward)
	plan.has_figure(previous, _carried_forward)
	brought_forward := year.finance.surplus.cumulative_brought_forward
	not exact.within(brought_forward, previous.finance.surplus.cumulative_carried_forward, _tolerance)
	finding := {
		"msg": sprintf("%s: cumulative surplus brought forward %v is not %s's carried forward %v (tolerance %v)", [
			year.year,
			brought_forward,
			previous.year,
			previous.finance.surplus.cumulative_carried_forward,
			_tolerance,
		]),
		"pointer": plan.pointer(i, "finance/surplus/cumulative_brought_forward"),
		"expected": previous.finance.surplus.cumulative_carried_forward,
		"actual": brought_forward,
	}
}

# a missing figure fails the rule, in the plan year or in the year before it
deny contains plan.missing_figure(i, year, name, path) if {
	some i, year in _unsound
	_tolerance
	some name, path in _figures
	not plan.has_figure(year, path)
}

deny contains plan.missing_figure(i - 1, previous, "cumulative surplus carried forward", _carried_forward) if {
	some i, _ in _unsound
	_tolerance
	previous := plan.previous_year(i)
	not plan.has_figure(previous, _carried_forward)
}

deny contains finding if {
	some i, year in _unsound
	_tolerance
	not plan.previous_year(i)
	finding := {
		"msg": sprintf("%s: cumulative surplus brought forward cannot be checked: there is no previous year", [year.year]),
		"pointer": plan.pointer(i, "finance/surplus/cumulative_brought_forward"),
	}
}

not_applicable contains "the round sets no arithmetic tolerance" if {
	rounds.known
	not _tolerance
}

# METADATA
# description: |
#   the plan years after another whose four figures, the year before's carried forward and
#   the tolerance are whole numbers, whose carried forward follows from the year and whose
#   brought forward is the year before's carried forward, within the tolerance: the common,
#   passing case, decided once per plan by integer arithmetic, exact as lib.exact computes
#   whole numbers; the clauses above look only at the other years
_sound := {i |
	is_number(_tolerance)
	floor(_tolerance) == _tolerance
	some i, year in plan.plan_years
	previous := plan.previous_year(i)
	s := year.finance.surplus
	drawn_down := year.finance.funding.return_of_excess_surplus
	before := previous.finance.surplus.cumulative_carried_forward
	is_number(s.cumulative_carried_forward)
	is_number(s.cumulative_brought_forward)
	is_number(s.in_year)
	is_number(drawn_down)
	is_number(before)
	floor(s.cumulative_carried_forward) == s.cumulative_carried_forward
	floor(s.cumulative_brought_forward) == s.cumulative_brought_forward
	floor(s.in_year) == s.in_year
	floor(drawn_down) == drawn_down
	floor(before) == before
	carried_forward := sum([floor(s.cumulative_brought_forward), floor(s.in_year)]) - floor(drawn_down)
	abs(s.cumulative_carried_forward - carried_forward) <= _tolerance
	abs(s.cumulative_brought_forward - before) <= _tolerance
}

# the plan years, by index, that _sound leaves to the clauses above
_unsound := object.remove(plan.plan_years, _sound)

_has_figures(year) if {
	every path in _figures {
		plan.has_figure(year, path)
	}
}

_expected_carried_forward(year) := exact.difference(exact.total([brought_forward, in_year]), drawn_down) if {
	brought_forward := year.finance.surplus.cumulative_brought_forward
	in_year := year.finance.surplus.in_year
	drawn_down := year.finance.funding.return_of_excess_surplus
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
