# METADATA
# title: Diagnostic waits of 6 weeks or more
# description: |
#   Each plan year plans no more than the round's share of patients waiting 6 weeks or more for a
#   diagnostic test (lower is better: the threshold is a maximum). A shortfall with an agreed
#   recovery plan is a warning; without one, or with no figure, an error. Monthly levels, where
#   given, end at the planned level.
# related_resources:
#   - description: Department of Health, Handbook to the NHS Constitution for England (supplements)
#     ref: https://www.gov.uk/government/publications/supplements-to-the-nhs-constitution-for-england
#   - description: >-
#       NHS England, Delivering the Forward View - NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
#   - description: NHS England, Medium Term Planning Framework - delivering change together 2026/27 to 2028/29
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-delivering-change-together-2026-27-to-2028-29/
# custom:
#   thresholds: [performance.diagnostics_6wk]
#   reads:
#     - performance.diagnostics_6wk.plan
#     - performance.diagnostics_6wk.monthly
#     - performance.diagnostics_6wk.recovery_plan
#   severity: error
#   guidance: >-
#     NHS Constitution (no more than 1% waiting 6 weeks or more for a diagnostic test); Norwich CCG
#     Operational Plan 2017-19 p7;
#     2025/26: no DM01 success measure (not applicable); MTPF p28: 14% nationally by March 2027 and
#     1% by March 2029 (the per-system "3% better or 20%, whichever is greater" needs a baseline the
#     MTPF does not state, U1, and is not checked)
package planassure.rules.performance.diagnostics_6wk

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "diagnostics_6wk"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "diagnostic waits of 6 weeks or more",
	"service": "acute",
	"unit": "%",
	"lower_is_better": true,
	"strict": false,
	"order": 60,
}

deny contains finding if {
	some finding in performance.findings[_key]
}

not_applicable contains performance.not_applicable_reason(_key) if {
	rounds.known
	not performance.applies(_key)
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
