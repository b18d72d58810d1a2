# METADATA
# title: The system is in aggregate financial balance
# description: |
#   Must-do 2: return the system to aggregate financial balance. In the footprint's target
#   year (footprint.balance_year; every plan year when it names none) the members' NHS
#   surplus/(deficit) after STF, with the system-level lines, sums to zero or more. The
#   finding shows the commissioner, provider, NHS and health-and-care totals; the local
#   authority's position is shown, not counted: the must-do is the NHS system's.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21 (must-do 2)
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
# custom:
#   reads:
#     - /footprint/balance_year
#   severity: error
#   guidance: >-
#     Planning guidance 2016/17-2020/21, must-do 2 ("return the system to aggregate financial
#     balance"); Somerset STP technical submission (Oct 2016), p11 and p22 (Footprint NHS
#     Surplus / (Deficit), Net System Wide Position)
package planassure.rules.footprint.aggregate_balance

import data.planassure.lib.footprint as fp
import data.planassure.lib.plan

deny contains finding if {
	some i, year in _target_years
	t := fp.totals(i, year)
	t.nhs < 0
	finding := {
		"msg": sprintf(
			"%s: the system is not in aggregate financial balance: NHS surplus/(deficit) after STF is %v (%s)",
			[year.year, t.nhs, fp.summary(t)],
		),
		"pointer": fp.pointer(i, "members"),
		"expected": 0,
		"actual": t.nhs,
	}
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains gap if {
	some i, year in _target_years
	some gap in fp.gaps(i, year)
}

deny contains finding if {
	plan.is_footprint
	input.footprint.balance_year
	not fp.year_index(input.footprint.balance_year)
	finding := {
		"msg": sprintf("balance year %s has no figures in the footprint's years", [input.footprint.balance_year]),
		"pointer": "/footprint/balance_year",
	}
}

_target_years[i] := year if {
	not input.footprint.balance_year
	some i, year in fp.plan_years
}

_target_years[i] := year if {
	some i, year in fp.years
	year.year == input.footprint.balance_year
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
