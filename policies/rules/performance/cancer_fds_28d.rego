# METADATA
# title: Cancer 28-day Faster Diagnosis Standard
# description: |
#   Each plan year plans at least the round's share of patients told within 28 days whether they have
#   cancer. A shortfall with an agreed recovery plan is a warning; without one, or with no figure, an
#   error. Monthly levels, where given, end at the planned level.
# related_resources:
#   - description: NHS England, 2025/26 priorities and operational planning guidance (PRN01625)
#     ref: https://www.england.nhs.uk/long-read/2025-26-priorities-and-operational-planning-guidance/
#   - description: NHS England, Medium Term Planning Framework - delivering change together 2026/27 to 2028/29
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-delivering-change-together-2026-27-to-2028-29/
# custom:
#   thresholds: [performance.cancer_fds_28d]
#   reads:
#     - performance.cancer_fds_28d.plan
#     - performance.cancer_fds_28d.monthly
#     - performance.cancer_fds_28d.recovery_plan
#   severity: error
#   guidance: >-
#     2025/26 guidance p18: 80% by March 2026; MTPF p28: maintain 80%, the standard's new threshold, every
#     year
package planassure.rules.performance.cancer_fds_28d

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "cancer_fds_28d"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "cancer 28-day Faster Diagnosis Standard",
	"service": "acute",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 160,
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
