# METADATA
# title: Agency staff spend falls by at least the round's percentage
# description: |
#   A trust's plan cuts its agency staff spend (finance.pay.agency) in each plan year the round
#   names by at least the round's percentage of the year before's. A figure missing in the
#   year or the year before is an error.
# related_resources:
#   - description: NHS England, 2025/26 priorities and operational planning guidance (PRN01625)
#     ref: https://www.england.nhs.uk/long-read/2025-26-priorities-and-operational-planning-guidance/
#   - description: NHS England, Medium Term Planning Framework - delivering change together 2026/27 to 2028/29
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-delivering-change-together-2026-27-to-2028-29/
# custom:
#   thresholds: [agency_reduction_pct]
#   reads:
#     - finance.pay.agency
#   severity: error
#   guidance: >-
#     2025/26 guidance p15, p18: every system cuts agency spend by at least 30% on 2024/25. MTPF
#     p35: trust limits from a national cut of 30% in 2026/27 (the limits are in the planning
#     templates, not public; the national 30% is checked), zero agency by 2029/30 (U11; after
#     the plan) - no figure for 2027/28 and 2028/29
package planassure.rules.finance.agency_spend

import data.planassure.lib.pay
import data.planassure.lib.rounds

deny contains finding if {
	some finding in pay.findings("agency", "agency staff spend", "agency_reduction_pct")
}

not_applicable contains pay.not_applicable("agency staff spend", "agency_reduction_pct") if rounds.known

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
