# METADATA
# title: RTT first appointment, per trust - an improvement on the baseline or the floor, whichever is greater
# description: |
#   A trust's plan reaches, in each plan year with a per-trust target, its baseline level
#   (performance.rtt_first_appt_18wk.baseline, at the round's baseline month) improved by the round's
#   figure, or the round's floor, whichever is greater. A shortfall with an agreed recovery
#   plan is a warning; without one, or with the plan or baseline missing, an error.
# related_resources:
#   - description: NHS England, 2025/26 priorities and operational planning guidance (PRN01625)
#     ref: https://www.england.nhs.uk/long-read/2025-26-priorities-and-operational-planning-guidance/
# custom:
#   thresholds: [trust_improvement.rtt_first_appt_18wk]
#   reads:
#     - performance.rtt_first_appt_18wk.plan
#     - performance.rtt_first_appt_18wk.baseline
#     - performance.rtt_first_appt_18wk.recovery_plan
#   severity: error
#   guidance: >-
#     2025/26 guidance p18, footnote 2: every trust 5 percentage points on its November 2024
#     level of first appointments within 18 weeks, at least 67%, by March 2026; not an MTPF measure
package planassure.rules.performance.rtt_first_appt_trust_improvement

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "rtt_first_appt_18wk"

deny contains finding if {
	some finding in performance.improvement_findings[_key]
}

not_applicable contains performance.improvement_not_applicable(_key) if rounds.known

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
