# METADATA
# title: Efficiency of at least the round's share of the cost base
# description: |
#   In each plan year the round names, planned cash-releasing efficiency
#   (finance.efficiency.planned) is at least the round's percentage of the cost base it is
#   measured against (finance.efficiency.cost_base: an ICB's allocation, a trust's operating
#   expenditure), compared exactly. A figure missing, or a cost base that is not positive,
#   is an error.
# related_resources:
#   - description: NHS England, 2025/26 priorities and operational planning guidance (PRN01625)
#     ref: https://www.england.nhs.uk/long-read/2025-26-priorities-and-operational-planning-guidance/
#   - description: NHS England, Medium Term Planning Framework - delivering change together 2026/27 to 2028/29
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-delivering-change-together-2026-27-to-2028-29/
# custom:
#   thresholds: [efficiency_pct]
#   reads:
#     - finance.efficiency.planned
#     - finance.efficiency.cost_base
#   severity: error
#   guidance: >-
#     2025/26 guidance p2, p8: cut the cost base by at least 1% (the 4% productivity ask is
#     not a cash figure and is not checked). MTPF p10: at least 2% productivity every year
#     (the SR25 condition), read as cash-releasing efficiency of 2% of the cost base, as the
#     2% efficiency factor of the NHS Payment Scheme 2026/27
package planassure.rules.finance.efficiency

import data.planassure.lib.exact
import data.planassure.lib.plan
import data.planassure.lib.rounds

_figures := {
	"planned efficiency": ["finance", "efficiency", "planned"],
	"efficiency cost base": ["finance", "efficiency", "cost_base"],
}

deny contains finding if {
	some i, year in _unsound
	_has_figures(year)
	pct := rounds.by_year("efficiency_pct", year.year)
	base := year.finance.efficiency.cost_base
	base > 0
	not exact.at_least_pct(year.finance.efficiency.planned, pct, base)
	finding := {
		"msg": sprintf("%s: planned efficiency %v is %v%% of the cost base %v, below the round's %v%% (%v)", [
			year.year, year.finance.efficiency.planned,
			plan.pct(year.finance.efficiency.planned, base), base,
			pct, exact.share(pct, base),
		]),
		"pointer": plan.pointer(i, "finance/efficiency/planned"),
		"expected": exact.share(pct, base),
		"actual": year.finance.efficiency.planned,
	}
}

deny contains plan.missing_figure(i, year, name, path) if {
	some i, year in _unsound
	some name, path in _figures
	not plan.has_figure(year, path)
}

deny contains finding if {
	some i, year in _unsound
	_has_figures(year)
	year.finance.efficiency.cost_base <= 0
	finding := {
		"msg": sprintf("%s: efficiency cannot be assessed: the cost base %v is not positive", [
			year.year, year.finance.efficiency.cost_base,
		]),
		"pointer": plan.pointer(i, "finance/efficiency/cost_base"),
	}
}

not_applicable contains "the round sets no efficiency requirement for the plan's years" if {
	rounds.known
	count(_years) == 0
}

_years := {i: year |
	some i, year in plan.plan_years
	is_number(rounds.by_year("efficiency_pct", year.year))
}

# METADATA
# description: |
#   the plan years whose planned efficiency and cost base are whole numbers, the base above 0
#   and the efficiency at least the round's percentage of it: the common, passing case,
#   decided once per plan in integer arithmetic (the comparison exact.at_least_pct makes, in
#   hundredths of a percent); the clauses above look only at the other years
_sound := {i |
	some i, year in _years
	planned := year.finance.efficiency.planned
	base := year.finance.efficiency.cost_base
	is_number(planned)
	is_number(base)
	floor(planned) == planned
	floor(base) == base
	base > 0
	min_hundredths := exact.hundredths(rounds.by_year("efficiency_pct", year.year))
	floor(planned) * 10000 >= min_hundredths * floor(base)
}

# the plan years, by index, that _sound leaves to the clauses above (none to look for where
# the round asks no efficiency of the plan's years)
_unsound := object.remove(_years, _sound) if count(_years) > 0

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
