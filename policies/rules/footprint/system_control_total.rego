# METADATA
# title: The system meets its system control total
# description: |
#   In each year the round sets system control totals for, the footprint's NHS
#   surplus/(deficit) after STF (members and system-level lines) is at least
#   system_control_total; the finding reports the gap. A round without system control
#   totals (2016/17: organisational control totals only) does not apply the rule.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
# custom:
#   thresholds: [system_control_total]
#   severity: error
#   guidance: >-
#     Somerset STP technical submission (Oct 2016), p13 ("a gap for 2017/18 and 2018/19 of at
#     least 30m between the current version of the STP and the likely system control totals")
#     and p24 ("performance against organisation-specific and system control totals")
package planassure.rules.footprint.system_control_total

import data.planassure.lib.footprint as fp
import data.planassure.lib.plan
import data.planassure.lib.rounds

_years := rounds.current.system_control_total

deny contains finding if {
	some i, year in _checked
	is_number(year.system_control_total)
	t := fp.totals(i, year)
	t.nhs < year.system_control_total
	finding := {
		"msg": sprintf("%s: NHS surplus/(deficit) after STF %v misses the system control total %v by %v (%s)", [
			year.year,
			t.nhs,
			year.system_control_total,
			year.system_control_total - t.nhs,
			fp.summary(t),
		]),
		"pointer": fp.pointer(i, "system_control_total"),
		"expected": year.system_control_total,
		"actual": t.nhs,
	}
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains finding if {
	some i, year in _checked
	not is_number(object.get(year, "system_control_total", null))
	finding := {
		"msg": sprintf("%s: system control total is missing", [year.year]),
		"pointer": fp.pointer(i, "system_control_total"),
	}
}

deny contains gap if {
	some i, year in _checked
	is_number(year.system_control_total)
	some gap in fp.gaps(i, year)
}

deny contains finding if {
	plan.is_footprint
	some fy, _ in _years
	not fp.year_index(fy)
	finding := {
		"msg": sprintf(
			"%s: the round sets a system control total for the year, and the footprint gives no figures for it",
			[fy],
		),
		"pointer": "/footprint/years",
	}
}

not_applicable contains "the round sets no system control total (organisational control totals only)" if {
	plan.is_footprint
	rounds.known
	not _years
}

_checked[i] := year if {
	some i, year in fp.years
	_years[year.year]
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
