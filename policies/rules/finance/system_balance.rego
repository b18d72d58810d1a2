# METADATA
# title: Balanced net system position
# description: |
#   In each plan year the round names, the ICB's plan shows the net financial position of
#   its system (the ICB and the trusts mapped to it, finance.surplus.system_in_year) at
#   balance or better. A trust's plan does not carry the system position. A missing figure
#   is an error.
# related_resources:
#   - description: NHS England, 2025/26 priorities and operational planning guidance (PRN01625)
#     ref: https://www.england.nhs.uk/long-read/2025-26-priorities-and-operational-planning-guidance/
#   - description: NHS England, NHS financial framework - ICB and system finance business rules
#     ref: https://www.england.nhs.uk/long-read/nhs-financial-framework-integrated-care-board-and-system-finance-business-rules
# custom:
#   thresholds: [system_balance]
#   reads:
#     - finance.surplus.system_in_year
#   severity: error
#   guidance: >-
#     2025/26 guidance p7, p18: ICBs, trusts and primary care providers jointly deliver a
#     balanced net system financial position (success measure); the system is the unit of
#     financial planning (after deficit support, sized to each system's agreed plan)
package planassure.rules.finance.system_balance

import data.planassure.lib.plan
import data.planassure.lib.rounds

_path := ["finance", "surplus", "system_in_year"]

deny contains finding if {
	some i, year in _years
	plan.has_figure(year, _path)
	year.finance.surplus.system_in_year < 0
	finding := {
		"msg": sprintf("%s: the net system position %v is a deficit: the round asks for a balanced system", [
			year.year, year.finance.surplus.system_in_year,
		]),
		"pointer": plan.pointer(i, "finance/surplus/system_in_year"),
		"expected": 0,
		"actual": year.finance.surplus.system_in_year,
	}
}

deny contains plan.missing_figure(i, year, "net system position", _path) if {
	some i, year in _years
	not plan.has_figure(year, _path)
}

not_applicable contains "the round does not set a system financial balance" if {
	rounds.known
	count(_asked) == 0
}

not_applicable contains "the ICB's plan carries the net system position: it does not apply to a trust's plan" if {
	count(_asked) > 0
	plan.is_provider
}

_asked := {i: year |
	some i, year in plan.plan_years
	rounds.by_year("system_balance", year.year) == true
}

_years := _asked if not plan.is_provider

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
