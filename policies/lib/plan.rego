# METADATA
# description: Helpers shared by the rules. Money is £000, percentages 0-100.
package planassure.lib.plan

import data.planassure.lib.exact

# METADATA
# description: the plan years, keyed by their index in input.years
plan_years[i] := year if {
	some i, year in input.years
	year.basis == "plan"
}

# METADATA
# description: the year before years[i] (the baseline year for the first plan year)
previous_year(i) := input.years[i - 1] if i > 0

# METADATA
# description: true when the three allocation lines are numbers and their sum is positive
has_allocation(year) if {
	is_number(year.finance.funding.recurrent_programme)
	is_number(year.finance.funding.non_recurrent_programme)
	is_number(year.finance.funding.running_cost)
	allocation(year) > 0
}

# METADATA
# description: allocation as the planning guidance defines it (plan-format.md), summed exactly
allocation(year) := exact.total([
	year.finance.funding.recurrent_programme,
	year.finance.funding.non_recurrent_programme,
	year.finance.funding.running_cost,
])

# METADATA
# description: |
#   the allocation of each plan year (by index in input.years) whose three allocation lines
#   are whole numbers adding up to more than 0, computed once per plan: in these years
#   has_allocation holds and allocation is this figure, so a rule can test a percentage of
#   it in integer arithmetic
whole_allocations := {i: allocation |
	some i, year in plan_years
	f := year.finance.funding
	is_number(f.recurrent_programme)
	is_number(f.non_recurrent_programme)
	is_number(f.running_cost)
	floor(f.recurrent_programme) == f.recurrent_programme
	floor(f.non_recurrent_programme) == f.non_recurrent_programme
	floor(f.running_cost) == f.running_cost
	allocation := sum([floor(f.recurrent_programme), floor(f.non_recurrent_programme), floor(f.running_cost)])
	allocation > 0
}

# METADATA
# description: |
#   x as a percentage of total for messages, cut (not rounded) to 2 decimal places,
#   so that a shortfall never reads as meeting its threshold (0.9996% shows as 0.99%)
pct(x, total) := floor((x * 10000) / total) / 100 if total != 0

# METADATA
# description: the JSON pointer of a field of years[i]
pointer(i, path) := sprintf("/years/%d/%s", [i, path])

# METADATA
# description: |
#   x as a percentage of total for messages, raised (not rounded) to 2 decimal places,
#   so that an excess never reads as within its limit (3.0004% shows as 3.01%)
pct_up(x, total) := ceil((x * 10000) / total) / 100 if total != 0

# METADATA
# description: |
#   true when the field at path (keys below the year, e.g. ["finance", "qipp", "identified"])
#   is a number: an absent field, null or text is not a figure
has_figure(year, path) if is_number(object.get(year, path, null))

# METADATA
# description: |
#   the finding for a figure of years[i] (at path, keys below the year) that a rule needs
#   and the plan lacks: a rule never passes because its input is absent
missing_figure(i, year, name, path) := {
	"msg": sprintf("%s: %s is missing", [year.year, name]),
	"pointer": pointer(i, concat("/", path)),
}

# METADATA
# description: the finding for a rule that cannot assess years[i] because its allocation is missing or not positive
no_allocation(i, year, subject) := {
	"msg": sprintf("%s: %s cannot be assessed: allocation is missing or not positive", [year.year, subject]),
	"pointer": pointer(i, "finance/funding"),
}

# METADATA
# description: |
#   true when the input is a footprint (STP) submission: organisation.type "stp" with a
#   footprint object. Footprint rules apply to it, and only to it.
is_footprint if {
	input.organisation.type == "stp"
	is_object(input.footprint)
}

# METADATA
# description: true when the input is the plan of one organisation (not a footprint); plan rules apply to it
is_plan if not is_footprint

# METADATA
# description: true when the plan is a provider's (an NHS trust's) own plan
is_provider if input.organisation.type in {"trust", "provider"}

# METADATA
# description: true when the plan is a commissioner's (a CCG's or an ICB's)
is_commissioner if input.organisation.type in {"ccg", "icb"}

# METADATA
# description: |
#   the rules that read a commissioner's finance lines (funding, expenditure, QIPP,
#   reserves, cumulative surplus) or activity: they do not apply to a trust's plan
commissioner_rules := {
	"activity.finance_alignment",
	"activity.identity",
	"finance.contingency",
	"finance.cumulative_chain",
	"finance.cumulative_surplus",
	"finance.excess_surplus_drawdown",
	"finance.expenditure_total",
	"finance.funding_total",
	"finance.in_year_surplus",
	"finance.mental_health_investment",
	"finance.non_recurrent_reserve",
	"finance.primary_care_transformation",
	"finance.qipp_stretch",
	"finance.running_costs",
	"finance.uncommitted_reserve",
	"finance.unidentified_qipp",
}

# METADATA
# description: true when rule id applies to the plan's kind of organisation
for_organisation(_) if not is_provider

for_organisation(id) if {
	is_provider
	not id in commissioner_rules
}

# METADATA
# description: |
#   the lines of a year that allocation adds, as paths in the year: what reports show as
#   allocation beside the rules (plan_test ties it to allocation)
allocation_lines := [
	["finance", "funding", "recurrent_programme"],
	["finance", "funding", "non_recurrent_programme"],
	["finance", "funding", "running_cost"],
]

# METADATA
# description: |
#   the percentage-of-allocation thresholds reports draw beside the finance lines: each
#   line's round threshold key (lib.rounds), as its rule reads it
finance_thresholds := {
	"cumulative_surplus": "cumulative_surplus_pct",
	"contingency": "contingency_pct",
	"non_recurrent_reserve": "non_recurrent_reserve_pct",
	"uncommitted_reserve": "uncommitted_reserve_pct",
}
