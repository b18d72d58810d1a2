# METADATA
# title: Must-dos linked to the metrics that measure them
# description: |
#   Must-dos 4, 5, 6 and 7 list the performance keys that measure them:
#   4 ae_4hr; 5 rtt_18wk; 6 cancer_62d; 7 eip_2wk, iapt_6wk and iapt_18wk.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
#   - description: NHS England, NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   reads:
#     - /must_dos
#   severity: warning
#   guidance: >-
#     Delivering the Forward View - NHS planning guidance 2016/17-2020/21, must-dos 4 to 7 and their
#     standards (as listed in the Southwark CCG Operating Plan 2016/17); Operational Planning and
#     Contracting Guidance 2017-2019
package planassure.rules.must_dos.metrics_linked

import data.planassure.lib.must_dos

deny contains finding if {
	some n, required in must_dos.metrics
	missing := required - _listed(n)
	count(missing) > 0
	finding := {
		"msg": sprintf(
			"must-do %d (%s) does not list %s among its metrics",
			[n, must_dos.names[n], concat(", ", sort(missing))],
		),
		"pointer": must_dos.pointer(n, "metrics"),
		"expected": sort(required),
		"actual": sort(_listed(n)),
	}
}

# the metrics listed by any entry answering must-do n
_listed(n) := {key |
	some entry in must_dos.entries(n)
	some key in object.get(entry, "metrics", [])
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
