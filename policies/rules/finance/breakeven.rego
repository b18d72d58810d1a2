# METADATA
# title: Organisation breakeven or better in every year
# description: |
#   In each plan year the round names, the organisation's own in-year position
#   (finance.surplus.in_year) is breakeven or a surplus, for an ICB and for a trust alike.
#   A missing figure is an error.
# related_resources:
#   - description: NHS England, Medium Term Planning Framework - delivering change together 2026/27 to 2028/29
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-delivering-change-together-2026-27-to-2028-29/
#   - description: NHS England, NHS finance business rules from 2026/27
#     ref: https://www.england.nhs.uk/long-read/nhs-finance-business-rules-from-2026-27-guidance-for-integrated-care-boards-and-nhs-trusts
# custom:
#   thresholds: [breakeven]
#   reads:
#     - finance.surplus.in_year
#   severity: error
#   guidance: >-
#     MTPF p10: every ICB and every provider plans a balanced or surplus position in every
#     year; from 1 April 2026 ICBs and trusts break even as individual bodies, not in
#     aggregate across the system (finance business rules from 2026/27, para 3)
package planassure.rules.finance.breakeven

import data.planassure.lib.plan
import data.planassure.lib.rounds

_path := ["finance", "surplus", "in_year"]

deny contains finding if {
	some i, year in _years
	plan.has_figure(year, _path)
	year.finance.surplus.in_year < 0
	finding := {
		"msg": sprintf("%s: in-year position %v is a deficit: the round asks every organisation to break even or better", [
			year.year, year.finance.surplus.in_year,
		]),
		"pointer": plan.pointer(i, "finance/surplus/in_year"),
		"expected": 0,
		"actual": year.finance.surplus.in_year,
	}
}

deny contains plan.missing_figure(i, year, "in-year surplus", _path) if {
	some i, year in _years
	not plan.has_figure(year, _path)
}

not_applicable contains "the round does not ask each organisation to break even (the system is the unit)" if {
	rounds.known
	count(_years) == 0
}

_years := {i: year |
	some i, year in plan.plan_years
	rounds.by_year("breakeven", year.year) == true
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
