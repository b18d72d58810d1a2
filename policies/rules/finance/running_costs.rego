# METADATA
# title: Running costs within the running cost allocation
# description: |
#   Each plan year spends on running costs no more than its running cost allocation.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
# custom:
#   reads:
#     - finance.funding.running_cost
#     - finance.expenditure.running_costs
#   severity: error
#   guidance: >-
#     Planning guidance business rules (running costs within the running cost allocation);
#     Norwich CCG Operational Plan 2017-19, s3, p6 ("The amount allocated to the CCG for its
#     running costs is £4.5million"), and s4.2, p15, Figure 2 (Running Cost Allocation;
#     Running Costs)
package planassure.rules.finance.running_costs

import data.planassure.lib.plan

_figures := {
	"running costs": ["finance", "expenditure", "running_costs"],
	"running cost allocation": ["finance", "funding", "running_cost"],
}

deny contains finding if {
	some i, year in _unsound
	_has_figures(year)
	year.finance.expenditure.running_costs > year.finance.funding.running_cost
	finding := {
		"msg": sprintf("%s: running costs %v exceed the running cost allocation %v", [
			year.year,
			year.finance.expenditure.running_costs,
			year.finance.funding.running_cost,
		]),
		"pointer": plan.pointer(i, "finance/expenditure/running_costs"),
		"expected": year.finance.funding.running_cost,
		"actual": year.finance.expenditure.running_costs,
	}
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains plan.missing_figure(i, year, name, path) if {
	some i, year in _unsound
	some name, path in _figures
	not plan.has_figure(year, path)
}

# METADATA
# description: |
#   the plan years whose running costs and running cost allocation are numbers, the costs
#   within the allocation: the common, passing case, decided once per plan; the clauses
#   above look only at the other years
_sound := {i |
	some i, year in plan.plan_years
	costs := year.finance.expenditure.running_costs
	allocation := year.finance.funding.running_cost
	is_number(costs)
	is_number(allocation)
	costs <= allocation
}

# the plan years, by index, that _sound leaves to the clauses above
_unsound := object.remove(plan.plan_years, _sound)

_has_figures(year) if {
	every path in _figures {
		plan.has_figure(year, path)
	}
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
