# METADATA
# title: In-year surplus meets the control total
# description: |
#   Where NHS England set a plan year an in-year control total, the planned in-year
#   surplus (after savings) is at least that control total. A negative control total is
#   an agreed deficit: the plan may not exceed it.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
#   - description: NHS England, NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   reads:
#     - finance.surplus.in_year
#     - finance.surplus.control_total
#   severity: error
#   guidance: >-
#     Planning guidance, control totals; Norwich CCG Operational Plan 2017-19, s4.2, p14
#     ("The 2017/19 financial plan delivers the CCG's control totals as set by NHS England")
package planassure.rules.finance.control_total

import data.planassure.lib.plan

_control_total := ["finance", "surplus", "control_total"]

_in_year := ["finance", "surplus", "in_year"]

deny contains finding if {
	some i, year in plan.plan_years
	plan.has_figure(year, _control_total)
	plan.has_figure(year, _in_year)
	year.finance.surplus.in_year < year.finance.surplus.control_total
	finding := {
		"msg": sprintf("%s: in-year surplus %v is below the control total %v", [
			year.year,
			year.finance.surplus.in_year,
			year.finance.surplus.control_total,
		]),
		"pointer": plan.pointer(i, "finance/surplus/in_year"),
		"expected": year.finance.surplus.control_total,
		"actual": year.finance.surplus.in_year,
	}
}

# a control total that is given but is not a number fails the rule; so does a missing surplus
deny contains finding if {
	some i, year in plan.plan_years
	_has_control_total(year)
	not plan.has_figure(year, _control_total)
	finding := {
		"msg": sprintf("%s: control total is not a number", [year.year]),
		"pointer": plan.pointer(i, "finance/surplus/control_total"),
	}
}

deny contains plan.missing_figure(i, year, "in-year surplus", _in_year) if {
	some i, year in plan.plan_years
	_has_control_total(year)
	not plan.has_figure(year, _in_year)
}

# the control total is optional: a plan year without one is not checked
_has_control_total(year) if object.get(year, _control_total, null) != null

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
