# METADATA
# title: Bank staff spend falls by at least the round's percentage
# description: |
#   A trust's plan cuts its bank staff spend (finance.pay.bank) in each plan year the round
#   names by at least the round's percentage of the year before's. A figure missing in the
#   year or the year before is an error.
# related_resources:
#   - description: NHS England, 2025/26 priorities and operational planning guidance (PRN01625)
#     ref: https://www.england.nhs.uk/long-read/2025-26-priorities-and-operational-planning-guidance/
#   - description: NHS England, Medium Term Planning Framework - delivering change together 2026/27 to 2028/29
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-delivering-change-together-2026-27-to-2028-29/
# custom:
#   thresholds: [bank_reduction_pct]
#   reads:
#     - finance.pay.bank
#   severity: error
#   guidance: >-
#     2025/26 guidance p15: every system cuts bank use by at least 10%. MTPF p35: trust limits
#     from a national 10% cut year on year (U10: the national 10% is checked every year; trust
#     limits are in the planning templates, not public)
package planassure.rules.finance.bank_spend

import data.planassure.lib.pay
import data.planassure.lib.rounds

deny contains finding if {
	some finding in pay.findings("bank", "bank staff spend", "bank_reduction_pct")
}

not_applicable contains pay.not_applicable("bank staff spend", "bank_reduction_pct") if rounds.known

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
