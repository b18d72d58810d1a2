# METADATA
# title: RTT 18 weeks, per trust - an improvement on the baseline or the floor, whichever is greater
# description: |
#   A trust's plan reaches, in each plan year with a per-trust target, its baseline level
#   (performance.rtt_18wk.baseline, at the round's baseline month) improved by the round's
#   figure, or the round's floor, whichever is greater. A shortfall with an agreed recovery
#   plan is a warning; without one, or with the plan or baseline missing, an error.
# related_resources:
#   - description: NHS England, 2025/26 priorities and operational planning guidance (PRN01625)
#     ref: https://www.england.nhs.uk/long-read/2025-26-priorities-and-operational-planning-guidance/
#   - description: NHS England, Medium Term Planning Framework - delivering change together 2026/27 to 2028/29
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-delivering-change-together-2026-27-to-2028-29/
# custom:
#   thresholds: [trust_improvement.rtt_18wk]
#   reads:
#     - performance.rtt_18wk.plan
#     - performance.rtt_18wk.baseline
#     - performance.rtt_18wk.recovery_plan
#   severity: error
#   guidance: >-
#     2025/26 guidance p18, footnote 2: every trust 5 percentage points on its November 2024
#     level, at least 60%, by March 2026. MTPF p28: every trust "a 7% improvement" or 65%, whichever
#     is greater, by March 2027. U1: the 7% is read as relative (7% of the baseline level: the
#     MTPF says "7%" where 2025/26 said "5% point", and 7% on the 2025/26 national 65% gives the
#     70% national ask); the baseline month, unstated, is read as March 2026 (the last month
#     before the plan). Both are data: rounds["2026-29"].trust_improvement.rtt_18wk
package planassure.rules.performance.rtt_18wk_trust_improvement

import data.planassure.lib.performance
import data.planassure.lib.rounds

_key := "rtt_18wk"

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
