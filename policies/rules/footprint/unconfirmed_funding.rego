# METADATA
# title: The system position does not rely on unconfirmed funding
# description: |
#   A plan year whose position counts on funding not yet confirmed (indicative STF,
#   "headroom" a commissioner expects to access, other) is a risk a reviewer must see: each
#   such line is a warning naming it, with the NHS position the system would have without it.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
# custom:
#   severity: warning
#   guidance: >-
#     Somerset STP technical submission (Oct 2016), p13 ("assumes that 7m of headroom funding
#     can be accessed") and p22 ("Indicative STF Allocation 2020/21 37,000")
package planassure.rules.footprint.unconfirmed_funding

import data.planassure.lib.footprint as fp

_kinds := {
	"stf": "sustainability and transformation funding (STF)",
	"headroom": "headroom funding",
	"other": "funding",
}

deny contains finding if {
	some i, year in fp.plan_years
	some j, u in object.get(year, "unconfirmed_funding", [])
	is_number(u.amount)
	u.amount > 0
	finding := {
		"msg": sprintf("%s: the position relies on %v of unconfirmed %s%s: %s%s", [
			year.year,
			u.amount,
			_kinds[u.kind],
			_by(u),
			u.description,
			_without(i, year, u.amount),
		]),
		"pointer": fp.pointer(i, sprintf("unconfirmed_funding/%d/amount", [j])),
		"actual": u.amount,
	}
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains finding if {
	some i, year in fp.plan_years
	some j, u in object.get(year, "unconfirmed_funding", [])
	not is_number(object.get(u, "amount", null))
	finding := {
		"msg": sprintf("%s: the amount of unconfirmed %s is missing: %s", [year.year, _kinds[u.kind], u.description]),
		"pointer": fp.pointer(i, sprintf("unconfirmed_funding/%d/amount", [j])),
	}
}

_by(u) := sprintf(" (relied on by %s)", [fp.label(u.member)]) if u.member

else := ""

_without(i, year, amount) := sprintf(
	"; without it the NHS position after STF would be %v, not %v",
	[t.nhs - amount, t.nhs],
) if {
	t := fp.totals(i, year)
}

else := ""

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
