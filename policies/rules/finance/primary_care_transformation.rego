# METADATA
# title: GP Forward View investment of at least the round's amount a head over the plan years
# description: |
#   In rounds that set a sum per head, the plan's investment in primary care
#   transformation (the General Practice Forward View), summed over all its plan years,
#   is at least that sum for each person of the registered population.
# related_resources:
#   - description: NHS England, NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
#   - description: NHS England, General Practice Forward View (April 2016)
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/04/gpfv.pdf
# custom:
#   reads:
#     - /organisation/population
#     - finance.primary_care_transformation
#   thresholds: [gp_forward_view_per_head]
#   severity: error
#   guidance: >-
#     Planning guidance business rules, GP Forward View; Norwich CCG Operational Plan 2017-19,
#     s4.2, p15 ("Investment of £3 per head of population to support the implementation of new
#     Models of Primary Care in line with the GP Forward View") and s4.3, p18 ("ring-fenced £3
#     per head ... (totalling £652k in investment over the 2 years of this plan)")
package planassure.rules.finance.primary_care_transformation

import data.planassure.lib.plan
import data.planassure.lib.rounds

_per_head := rounds.current.gp_forward_view_per_head

_investment := ["finance", "primary_care_transformation"]

# compared exactly, without division: £000 invested × 1000 against £ a head × population
deny contains finding if {
	_per_head
	not _sound
	_has_figures
	_invested * 1000 < _per_head * input.organisation.population
	finding := {
		"msg": sprintf("%s: primary care transformation investment %v is below £%v a head of population %v (%v)", [
			_period,
			_invested,
			_per_head,
			input.organisation.population,
			_required,
		]),
		"pointer": plan.pointer(_first, "finance/primary_care_transformation"),
		"expected": _required,
		"actual": _invested,
	}
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains plan.missing_figure(i, year, "primary care transformation investment", _investment) if {
	some i, year in plan.plan_years
	_per_head
	not _sound
	not plan.has_figure(year, _investment)
}

deny contains finding if {
	_per_head
	not _sound
	not _has_population
	finding := {
		"msg": sprintf("%s: primary care transformation cannot be assessed: population is missing or not positive", [
			_period,
		]),
		"pointer": "/organisation/population",
	}
}

not_applicable contains "the round sets no GP Forward View investment per head" if {
	rounds.known
	not _per_head
}

# METADATA
# description: |
#   true when every plan year's investment is a number, the population a number above 0, the
#   threshold a whole number and the investment at least the threshold: the common, passing
#   case, decided once; the clauses above look only at a plan that fails it
_sound if {
	every year in plan.plan_years {
		is_number(year.finance.primary_care_transformation)
	}
	population := input.organisation.population
	is_number(population)
	population > 0
	is_number(_per_head)
	floor(_per_head) == _per_head
	_invested * 1000 >= _per_head * population
}

_has_figures if {
	every year in plan.plan_years {
		plan.has_figure(year, _investment)
	}
	_has_population
}

_has_population if {
	is_number(object.get(input, ["organisation", "population"], null))
	input.organisation.population > 0
}

# £000 invested over all the plan years
_invested := sum([year.finance.primary_care_transformation | some year in plan.plan_years])

# £000 the threshold asks for: £ a head × population / 1000
_required := (_per_head * input.organisation.population) / 1000

_first := min(object.keys(plan.plan_years))

_last := max(object.keys(plan.plan_years))

# the plan years, for messages: "2017/18", or "2017/18 to 2018/19"
_period := plan.plan_years[_first].year if _first == _last

_period := sprintf("%s to %s", [plan.plan_years[_first].year, plan.plan_years[_last].year]) if _first != _last

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
