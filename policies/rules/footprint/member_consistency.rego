# METADATA
# title: Members' figures add up to the footprint's totals, and agree with their own plans
# description: |
#   In every year (outturn and plan) the totals the footprint states (commissioner,
#   provider, NHS, NHS before STF, STF, health and care) equal what its members' figures and
#   system-level lines give, within the round's tolerance; each member's surplus before STF
#   plus its STF equals its surplus after STF; every member is listed in a year that lists
#   members; and where the plans of member organisations are checked with the footprint
#   (check --footprint), each plan's in-year surplus equals the footprint's figure for it,
#   and no plan names the footprint without being a member of it.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
# custom:
#   thresholds: [tolerance]
#   severity: error
#   guidance: >-
#     Planning guidance 2016/17-2020/21 (STP footprint plans aggregate their organisations'
#     plans); Somerset STP technical submission (Oct 2016), p11 (2015/16 outturn and 2016/17
#     plan by organisation, Somerset NHS Total, Health & Social Care System Total)
package planassure.rules.footprint.member_consistency

import data.planassure.lib.exact
import data.planassure.lib.footprint as fp
import data.planassure.lib.plan
import data.planassure.lib.rounds

_tolerance := rounds.current.tolerance

_names := {
	"commissioner": "commissioner total",
	"provider": "provider total",
	"nhs": "NHS total",
	"nhs_before_stf": "NHS total before STF",
	"stf": "STF total",
	"health_and_care": "health and care total",
}

_how := {
	"commissioner": "CCG members and commissioner lines",
	"provider": "provider members and provider lines",
	"nhs": "commissioner, provider and system-level figures",
	"nhs_before_stf": "the NHS total less STF",
	"stf": "members' STF and system-level STF lines",
	"health_and_care": "the NHS total as stated plus the local authority",
}

deny contains finding if {
	_tolerance
	some i, year in fp.years
	some key, stated in object.get(year, "stated", {})
	is_number(stated)
	computed := _computed(i, year, key)
	not exact.within(stated, computed, _tolerance)
	finding := {
		"msg": sprintf("%s: the stated %s %v is not what the members' figures give, %v (%s; tolerance %v)", [
			year.year,
			_names[key],
			stated,
			computed,
			_how[key],
			_tolerance,
		]),
		"pointer": fp.pointer(i, sprintf("stated/%s", [key])),
		"expected": computed,
		"actual": stated,
	}
}

# a member's own identity: surplus before STF + STF = surplus after STF
deny contains finding if {
	_tolerance
	some i, year in fp.years
	some j, f in object.get(year, "members", [])
	is_number(f.surplus_before_stf)
	is_number(f.surplus_after_stf)
	computed := f.surplus_before_stf + object.get(f, "stf", 0)
	not exact.within(f.surplus_after_stf, computed, _tolerance)
	finding := {
		"msg": sprintf("%s: %s: surplus after STF %v is not its surplus before STF %v plus its STF %v (tolerance %v)", [
			year.year,
			fp.label(f.code),
			f.surplus_after_stf,
			f.surplus_before_stf,
			object.get(f, "stf", 0),
			_tolerance,
		]),
		"pointer": fp.pointer(i, sprintf("members/%d/surplus_after_stf", [j])),
		"expected": computed,
		"actual": f.surplus_after_stf,
	}
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains gap if {
	_tolerance
	some i, year in fp.years
	some gap in fp.gaps(i, year)
}

# a member's own plan and the footprint agree on its figure
deny contains finding if {
	_tolerance
	some [i, j, f, p, py] in _member_plan_years
	is_number(py.finance.surplus.in_year)
	not exact.within(f.surplus_after_stf, py.finance.surplus.in_year, _tolerance)
	finding := {
		"msg": sprintf(
			"%s: %s: the footprint gives surplus/(deficit) %v, its own plan an in-year surplus of %v (tolerance %v)",
			[py.year, fp.label(f.code), f.surplus_after_stf, py.finance.surplus.in_year, _tolerance],
		),
		"pointer": fp.pointer(i, sprintf("members/%d/surplus_after_stf", [j])),
		"expected": py.finance.surplus.in_year,
		"actual": f.surplus_after_stf,
	}
}

deny contains finding if {
	_tolerance
	some [i, j, f, p, py] in _member_plan_years
	not is_number(object.get(py, ["finance", "surplus", "in_year"], null))
	finding := {
		"msg": sprintf("%s: %s: its own plan's in-year surplus is missing: the footprint's figure %v cannot be confirmed", [
			py.year,
			fp.label(f.code),
			f.surplus_after_stf,
		]),
		"pointer": fp.pointer(i, sprintf("members/%d/surplus_after_stf", [j])),
	}
}

deny contains finding if {
	plan.is_footprint
	some p in object.get(input, "member_plans", [])
	not fp.members[p.organisation.code]
	finding := {
		"msg": sprintf("the plan of %s (%s) names this footprint (organisation.stp) but is not one of its members", [
			p.organisation.name,
			p.organisation.code,
		]),
		"pointer": "/footprint/members",
	}
}

not_applicable contains "the round sets no arithmetic tolerance" if {
	plan.is_footprint
	rounds.known
	not _tolerance
}

_computed(i, year, "commissioner") := fp.totals(i, year).commissioner

_computed(i, year, "provider") := fp.totals(i, year).provider

_computed(i, year, "nhs") := fp.totals(i, year).nhs

_computed(i, year, "health_and_care") := object.get(year, ["stated", "nhs"], t.nhs) + t.local_authority if {
	t := fp.totals(i, year)
}

_computed(_, year, "stf") := fp.stf(year) if fp.has_stf(year)

_computed(i, year, "nhs_before_stf") := fp.totals(i, year).nhs - fp.stf(year) if fp.has_stf(year)

# [i, j, figure, plan, plan year]: a member's figure in footprint.years[i] and the same year of its own plan
_member_plan_years contains [i, j, f, p, py] if {
	plan.is_footprint
	some p in object.get(input, "member_plans", [])
	some py in p.years
	i := fp.year_index(py.year)
	some j, f in object.get(fp.years[i], "members", [])
	f.code == p.organisation.code
	is_number(f.surplus_after_stf)
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
