# METADATA
# title: Each provider meets its own control total
# description: |
#   In each year the round sets organisational control totals for, every provider member's
#   surplus/(deficit) after STF is at least its control_total; each provider that misses it
#   is listed with its gap. STF was conditional on the control total, so a provider missing
#   one also puts the system's STF at risk.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
# custom:
#   thresholds: [provider_control_total]
#   severity: error
#   guidance: >-
#     Planning guidance 2016/17-2020/21 (provider control totals, the condition of the
#     Sustainability and Transformation Fund); Somerset STP technical submission (Oct 2016),
#     p11 ("*Position after allocation of 13.6m Sustainability and Transformation Funding"),
#     p13 and p24 ("organisation-specific and system control totals")
package planassure.rules.footprint.provider_control_totals

import data.planassure.lib.footprint as fp
import data.planassure.lib.plan
import data.planassure.lib.rounds

_years := rounds.current.provider_control_total

deny contains finding if {
	some [i, year, j, f] in _provider_figures
	is_number(f.surplus_after_stf)
	is_number(f.control_total)
	f.surplus_after_stf < f.control_total
	finding := {
		"msg": sprintf("%s: %s: surplus/(deficit) after STF %v misses its control total %v by %v", [
			year.year,
			fp.label(f.code),
			f.surplus_after_stf,
			f.control_total,
			f.control_total - f.surplus_after_stf,
		]),
		"pointer": fp.pointer(i, sprintf("members/%d/surplus_after_stf", [j])),
		"expected": f.control_total,
		"actual": f.surplus_after_stf,
	}
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains finding if {
	some [i, year, j, f] in _provider_figures
	some field, name in {"control_total": "control total", "surplus_after_stf": "surplus/(deficit) after STF"}
	not is_number(object.get(f, field, null))
	finding := {
		"msg": sprintf("%s: %s of %s is missing", [year.year, name, fp.label(f.code)]),
		"pointer": fp.pointer(i, sprintf("members/%d/%s", [j, field])),
	}
}

deny contains finding if {
	some i, year in _checked
	some code, m in fp.members
	m.type == "provider"
	not code in {f.code | some f in object.get(year, "members", [])}
	finding := {
		"msg": sprintf(
			"%s: %s has no figures in the year: its control total cannot be assessed",
			[year.year, fp.label(code)],
		),
		"pointer": fp.pointer(i, "members"),
	}
}

deny contains finding if {
	plan.is_footprint
	some fy, _ in _years
	not fp.year_index(fy)
	finding := {
		"msg": sprintf(
			"%s: the round sets provider control totals for the year, and the footprint gives no figures for it",
			[fy],
		),
		"pointer": "/footprint/years",
	}
}

not_applicable contains "the round sets no provider control totals" if {
	plan.is_footprint
	rounds.known
	not _years
}

_checked[i] := year if {
	some i, year in fp.years
	_years[year.year]
}

# [i, year, j, figure] for each provider's figures in a checked year
_provider_figures contains [i, year, j, f] if {
	some i, year in _checked
	some j, f in object.get(year, "members", [])
	fp.members[f.code].type == "provider"
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
