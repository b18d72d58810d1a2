# METADATA
# title: In-year surplus is funding less expenditure plus savings
# description: |
#   In each plan year, the in-year surplus after savings as submitted equals total funding
#   less total expenditure before savings plus total QIPP (identified and unidentified),
#   within the round's arithmetic tolerance.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
# custom:
#   reads:
#     - finance.funding.total
#     - finance.expenditure.total
#     - finance.qipp.identified
#     - finance.qipp.unidentified
#     - finance.surplus.in_year
#   thresholds: [tolerance]
#   severity: error
#   guidance: >-
#     NHS England finance template (£000); Norwich CCG Operational Plan 2017-19, s4.2, p15,
#     Figure 2 "Summary of CCG Financial Plan" (Surplus / (Deficit) before savings, Total
#     QIPP, Surplus / (Deficit) after savings)
package planassure.rules.finance.in_year_surplus

import data.planassure.lib.exact
import data.planassure.lib.plan
import data.planassure.lib.rounds

_tolerance := rounds.current.tolerance

_figures := {
	"in-year surplus": ["finance", "surplus", "in_year"],
	"total funding": ["finance", "funding", "total"],
	"total expenditure": ["finance", "expenditure", "total"],
	"identified QIPP": ["finance", "qipp", "identified"],
	"unidentified QIPP": ["finance", "qipp", "unidentified"],
}

deny contains finding if {
	some i, year in _unsound
	_has_figures(year)
	not exact.within(year.finance.surplus.in_year, _surplus_after_savings(year), _tolerance)
	finding := {
		"msg": sprintf("%s: in-year surplus %v is not funding %v less expenditure %v plus QIPP %v, %v (tolerance %v)", [
			year.year,
			year.finance.surplus.in_year,
			year.finance.funding.total,
			year.finance.expenditure.total,
			_qipp(year),
			_surplus_after_savings(year),
			_tolerance,
		]),
		"pointer": plan.pointer(i, "finance/surplus/in_year"),
		"expected": _surplus_after_savings(year),
		"actual": year.finance.surplus.in_year,
	}
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains plan.missing_figure(i, year, name, path) if {
	some i, year in _unsound
	_tolerance
	some name, path in _figures
	not plan.has_figure(year, path)
}

not_applicable contains "the round sets no arithmetic tolerance" if {
	rounds.known
	not _tolerance
}

# METADATA
# description: |
#   the plan years whose five figures and tolerance are whole numbers and whose in-year
#   surplus is funding less expenditure plus QIPP within the tolerance: the common, passing
#   case, decided once per plan by integer arithmetic, exact as lib.exact computes whole
#   numbers; the clauses above look only at the other years
_sound := {i |
	is_number(_tolerance)
	floor(_tolerance) == _tolerance
	some i, year in plan.plan_years
	f := year.finance
	is_number(f.surplus.in_year)
	is_number(f.funding.total)
	is_number(f.expenditure.total)
	is_number(f.qipp.identified)
	is_number(f.qipp.unidentified)
	floor(f.surplus.in_year) == f.surplus.in_year
	floor(f.funding.total) == f.funding.total
	floor(f.expenditure.total) == f.expenditure.total
	floor(f.qipp.identified) == f.qipp.identified
	floor(f.qipp.unidentified) == f.qipp.unidentified
	qipp := sum([floor(f.qipp.identified), floor(f.qipp.unidentified)])
	after_savings := sum([floor(f.funding.total) - floor(f.expenditure.total), qipp])
	abs(f.surplus.in_year - after_savings) <= _tolerance
}

# the plan years, by index, that _sound leaves to the clauses above
_unsound := object.remove(plan.plan_years, _sound)

_has_figures(year) if {
	every path in _figures {
		plan.has_figure(year, path)
	}
}

# total QIPP: savings with named schemes and savings still to be found
_qipp(year) := exact.total([year.finance.qipp.identified, year.finance.qipp.unidentified])

_surplus_after_savings(year) := exact.total([
	exact.difference(year.finance.funding.total, year.finance.expenditure.total),
	_qipp(year),
])

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
