# METADATA
# title: A&E within 12 hours better than the year before
# description: |
#   In each plan year the round names, the planned share of A&E attendances within 12 hours
#   (the share across the year, performance.ae_12hr.plan) is higher than the year before's
#   (the baseline year for the first plan year). A year no better with an agreed recovery
#   plan is a warning; without one, or with either figure missing, an error.
# related_resources:
#   - description: NHS England, 2025/26 priorities and operational planning guidance (PRN01625)
#     ref: https://www.england.nhs.uk/long-read/2025-26-priorities-and-operational-planning-guidance/
#   - description: NHS England, Medium Term Planning Framework - delivering change together 2026/27 to 2028/29
#     ref: https://www.england.nhs.uk/long-read/medium-term-planning-framework-delivering-change-together-2026-27-to-2028-29/
# custom:
#   thresholds: [ae_12hr_improvement]
#   reads:
#     - performance.ae_12hr.plan
#     - performance.ae_12hr.recovery_plan
#   severity: error
#   guidance: >-
#     2025/26 guidance p18 and MTPF p30: a higher percentage of patients admitted, discharged
#     and transferred from ED within 12 hours across the year than across the year before
#     (U5: the guidance's measure is read, not the UEC plan's "under 10% over 12 hours")
package planassure.rules.performance.ae_12hr

import data.planassure.lib.performance
import data.planassure.lib.plan
import data.planassure.lib.rounds

_key := "ae_12hr"

# METADATA
# description: the metric's facts, as lib.performance.facts describes them
metric := {
	"label": "A&E within 12 hours (share across the year)",
	"service": "acute",
	"unit": "%",
	"lower_is_better": false,
	"strict": false,
	"order": 150,
}

_label := metric.label

deny contains _no_better(i, year, previous, ", with no recovery plan") if {
	some i, year in _years
	previous := plan.previous_year(i)
	_has_plan(year)
	_has_plan(previous)
	year.performance.ae_12hr.plan <= previous.performance.ae_12hr.plan
	not _recovery_plan(year)
}

deny contains object.union(_no_better(i, year, previous, reason), {"severity": "warning"}) if {
	some i, year in _years
	previous := plan.previous_year(i)
	_has_plan(year)
	_has_plan(previous)
	year.performance.ae_12hr.plan <= previous.performance.ae_12hr.plan
	reason := sprintf("; recovery plan: %s", [_recovery_plan(year)])
}

# a missing figure fails the rule, in the plan year or in the year before it
deny contains _missing(i, year) if {
	some i, year in _years
	not _has_plan(year)
}

deny contains _missing(i - 1, previous) if {
	some i, _ in _years
	previous := plan.previous_year(i)
	not _has_plan(previous)
}

deny contains finding if {
	some i, year in _years
	not plan.previous_year(i)
	finding := {
		"msg": sprintf("%s: %s cannot be assessed: there is no previous year", [year.year, _label]),
		"pointer": sprintf("/years/%d", [i]),
	}
}

not_applicable contains sprintf("the round does not ask for an improvement in %s", [_label]) if {
	rounds.known
	count(_asked) == 0
}

not_applicable contains performance.service_reason(_key) if {
	count(_asked) > 0
	not performance.serves(_key)
}

# the plan years in which the round asks for an improvement on the year before
_asked[i] := year if {
	some i, year in plan.plan_years
	rounds.by_year("ae_12hr_improvement", year.year) == true
}

# the years the plan answers for: all the round asks, unless the trust has no A&E
_years := _asked if performance.serves(_key)

_has_plan(year) if plan.has_figure(year, ["performance", _key, "plan"])

_recovery_plan(year) := trim_space(year.performance.ae_12hr.recovery_plan) if {
	is_string(year.performance.ae_12hr.recovery_plan)
	trim_space(year.performance.ae_12hr.recovery_plan) != ""
}

_missing(i, year) := plan.missing_figure(i, year, concat(" ", [_label, "trajectory"]), ["performance", _key])

_no_better(i, year, previous, reason) := {
	"msg": sprintf("%s: %s planned at %v%%, no higher than %v%% in %s%s", [
		year.year, _label,
		year.performance.ae_12hr.plan,
		previous.performance.ae_12hr.plan, previous.year,
		reason,
	]),
	"pointer": plan.pointer(i, "performance/ae_12hr/plan"),
	"expected": previous.performance.ae_12hr.plan,
	"actual": year.performance.ae_12hr.plan,
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
