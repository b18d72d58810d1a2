# METADATA
# title: QIPP savings still to be identified
# description: |
#   A plan year that counts on savings not yet backed by named schemes (unidentified
#   QIPP) carries a delivery risk a reviewer must look at.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
# custom:
#   reads:
#     - finance.qipp.unidentified
#   severity: warning
#   guidance: >-
#     Norwich CCG Operational Plan 2017-19, s4.2, p16 ("All QIPP schemes will have
#     individual project documentation with key deliverables and milestones for delivery";
#     key financial risk: "delivery of a QIPP programme totalling £9.7m")
package planassure.rules.finance.unidentified_qipp

import data.planassure.lib.plan

_unidentified := ["finance", "qipp", "unidentified"]

deny contains finding if {
	some i, year in plan.plan_years
	plan.has_figure(year, _unidentified)
	year.finance.qipp.unidentified > 0
	finding := {
		"msg": sprintf("%s: QIPP savings of %v are still to be identified (no named schemes)", [
			year.year,
			year.finance.qipp.unidentified,
		]),
		"pointer": plan.pointer(i, "finance/qipp/unidentified"),
		"expected": 0,
		"actual": year.finance.qipp.unidentified,
	}
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains plan.missing_figure(i, year, "unidentified QIPP", _unidentified) if {
	some i, year in plan.plan_years
	not plan.has_figure(year, _unidentified)
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
