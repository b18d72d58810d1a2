# METADATA
# title: Breakeven without deficit support by the end of the horizon
# description: |
#   In each plan year the round names (2028/29 in 2026-29), the organisation breaks even
#   without deficit support funding: the in-year position less the deficit support it
#   includes (finance.deficit_support) is at least zero. A figure missing is an error
#   (a plan without deficit support gives 0).
# related_resources:
#   - description: NHS England, Medium Term Planning Framework - delivering change together 2026/27 to 2028/29
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-delivering-change-together-2026-27-to-2028-29/
#   - description: NHS England, Medium Term Planning Framework - revenue finance and contracting guidance
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-revenue-finance-and-contracting-guidance
# custom:
#   thresholds: [deficit_support_exit]
#   reads:
#     - finance.surplus.in_year
#     - finance.deficit_support
#   severity: error
#   guidance: >-
#     MTPF p10: break even without deficit support funding by the end of the planning
#     horizon, unless NHS England exceptionally agrees otherwise; deficit support is removed
#     over the period, starting in 2026/27. U8: a news summary says it is phased out
#     entirely from 2026/27; the MTPF governs, so the year is 2028/29 (data:
#     rounds["2026-29"].deficit_support_exit)
package planassure.rules.finance.deficit_support_exit

import data.planassure.lib.exact
import data.planassure.lib.plan
import data.planassure.lib.rounds

_figures := {
	"in-year surplus": ["finance", "surplus", "in_year"],
	"deficit support": ["finance", "deficit_support"],
}

deny contains finding if {
	some i, year in _unsound
	_has_figures(year)
	without := exact.difference(year.finance.surplus.in_year, year.finance.deficit_support)
	without < 0
	finding := {
		"msg": sprintf(
			"%s: breaks even only with deficit support: the in-year position %v includes %v of it, %v without it",
			[year.year, year.finance.surplus.in_year, year.finance.deficit_support, without],
		),
		"pointer": plan.pointer(i, "finance/deficit_support"),
		"expected": 0,
		"actual": without,
	}
}

deny contains plan.missing_figure(i, year, name, path) if {
	some i, year in _unsound
	some name, path in _figures
	not plan.has_figure(year, path)
}

not_applicable contains "the round does not ask for breakeven without deficit support in the plan's years" if {
	rounds.known
	count(_years) == 0
}

_years := {i: year |
	some i, year in plan.plan_years
	rounds.by_year("deficit_support_exit", year.year) == true
}

# METADATA
# description: |
#   the plan years whose in-year position and deficit support are whole numbers, the position
#   at least 0 without the support: the common, passing case, decided once per plan in
#   integer arithmetic (as exact.difference computes whole numbers); the clauses above look
#   only at the other years
_sound := {i |
	some i, year in _years
	in_year := year.finance.surplus.in_year
	support := year.finance.deficit_support
	is_number(in_year)
	is_number(support)
	floor(in_year) == in_year
	floor(support) == support
	floor(in_year) - floor(support) >= 0
}

# the plan years, by index, that _sound leaves to the clauses above (none to look for where
# the round does not ask this of the plan's years)
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
