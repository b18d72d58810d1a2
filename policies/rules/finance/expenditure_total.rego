# METADATA
# title: Total expenditure is the sum of its seven lines
# description: |
#   In each plan year, total expenditure before savings as submitted equals acute, mental
#   health, community, continuing healthcare, prescribing and primary care, other programme
#   expenditure and running costs, within the round's arithmetic tolerance.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
# custom:
#   reads:
#     - finance.expenditure.acute
#     - finance.expenditure.mental_health
#     - finance.expenditure.community
#     - finance.expenditure.continuing_healthcare
#     - finance.expenditure.primary_care_prescribing
#     - finance.expenditure.other_programme
#     - finance.expenditure.running_costs
#     - finance.expenditure.total
#   thresholds: [tolerance]
#   severity: error
#   guidance: >-
#     NHS England finance template (£000); Norwich CCG Operational Plan 2017-19, s4.2, p15,
#     Figure 2 "Summary of CCG Financial Plan" (Acute Commissioning ... Running Costs,
#     Total Expenditure before savings)
package planassure.rules.finance.expenditure_total

import data.planassure.lib.exact
import data.planassure.lib.plan
import data.planassure.lib.rounds

_tolerance := rounds.current.tolerance

_total := ["finance", "expenditure", "total"]

_lines := {
	"acute expenditure": ["finance", "expenditure", "acute"],
	"mental health expenditure": ["finance", "expenditure", "mental_health"],
	"community expenditure": ["finance", "expenditure", "community"],
	"continuing healthcare expenditure": ["finance", "expenditure", "continuing_healthcare"],
	"prescribing and primary care expenditure": ["finance", "expenditure", "primary_care_prescribing"],
	"other programme expenditure": ["finance", "expenditure", "other_programme"],
	"running costs": ["finance", "expenditure", "running_costs"],
}

deny contains finding if {
	some i, year in _unsound
	_has_figures(year)
	not exact.within(year.finance.expenditure.total, _sum_of_lines(year), _tolerance)
	finding := {
		"msg": sprintf("%s: total expenditure %v is not the sum of its seven lines, %v (tolerance %v)", [
			year.year,
			year.finance.expenditure.total,
			_sum_of_lines(year),
			_tolerance,
		]),
		"pointer": plan.pointer(i, "finance/expenditure/total"),
		"expected": _sum_of_lines(year),
		"actual": year.finance.expenditure.total,
	}
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains plan.missing_figure(i, year, name, path) if {
	some i, year in _unsound
	_tolerance
	some name, path in object.union(_lines, {"total expenditure": _total})
	not plan.has_figure(year, path)
}

not_applicable contains "the round sets no arithmetic tolerance" if {
	rounds.known
	not _tolerance
}

# METADATA
# description: |
#   the plan years whose seven lines, total and tolerance are whole numbers and whose total
#   is the sum of the lines within the tolerance: the common, passing case, decided once per
#   plan by integer arithmetic, exact as lib.exact computes whole numbers; the clauses above
#   look only at the other years
_sound := {i |
	is_number(_tolerance)
	floor(_tolerance) == _tolerance
	some i, year in plan.plan_years
	e := year.finance.expenditure
	is_number(e.acute)
	is_number(e.mental_health)
	is_number(e.community)
	is_number(e.continuing_healthcare)
	is_number(e.primary_care_prescribing)
	is_number(e.other_programme)
	is_number(e.running_costs)
	is_number(e.total)
	floor(e.acute) == e.acute
	floor(e.mental_health) == e.mental_health
	floor(e.community) == e.community
	floor(e.continuing_healthcare) == e.continuing_healthcare
	floor(e.primary_care_prescribing) == e.primary_care_prescribing
	floor(e.other_programme) == e.other_programme
	floor(e.running_costs) == e.running_costs
	floor(e.total) == e.total
	lines := sum([
		floor(e.acute), floor(e.mental_health), floor(e.community), floor(e.continuing_healthcare),
		floor(e.primary_care_prescribing), floor(e.other_programme), floor(e.running_costs),
	])
	abs(e.total - lines) <= _tolerance
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
