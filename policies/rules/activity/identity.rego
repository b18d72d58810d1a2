# METADATA
# title: Activity plans built from the previous year
# description: |
#   Where a plan year gives an activity line as an object, its plan equals the
#   previous year's total plus growth, QIPP and backlog clearance, within the
#   round's arithmetic tolerance. Each component must be given (a missing one is a
#   finding, not a zero), and so must the previous year's total of the line.
# related_resources:
#   - description: NHS England, NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   reads:
#     - activity.gp_referrals
#     - activity.other_referrals
#     - activity.first_outpatients
#     - activity.follow_up_outpatients
#     - activity.elective_admissions
#     - activity.non_elective_admissions
#     - activity.ae_attendances
#   thresholds: [tolerance]
#   severity: error
#   guidance: >-
#     Operational Planning and Contracting Guidance 2017-2019, activity plans; Norwich CCG
#     Operational Plan 2017-19, s4.2.5, p16 and Figure 3 (acute activity plans built "using agreed
#     forecast outturn figures for 2016/17 as a foundation", adjusted for growth, RTT backlog
#     clearance and QIPP schemes)
package planassure.rules.activity.identity

import data.planassure.lib.activity
import data.planassure.lib.exact
import data.planassure.lib.plan
import data.planassure.lib.rounds

_tolerance := rounds.current.tolerance

deny contains finding if {
	some [i, key] in _unsound
	line := _object_lines[i][key]
	_complete(line)
	previous := _previous_total(i, key)
	built := ((previous + line.growth) + line.qipp) + line.backlog_clearance
	not _adds_up(line.plan, built)
	finding := {
		"msg": sprintf(
			"%s: %s plan %v is not the %s total %v + growth %v + QIPP %v + backlog clearance %v = %v (tolerance %v)",
			[
				input.years[i].year, key, line.plan, input.years[i - 1].year, previous,
				line.growth, line.qipp, line.backlog_clearance, built, _tolerance,
			],
		),
		"pointer": plan.pointer(i, sprintf("activity/%s/plan", [key])),
		"expected": built,
		"actual": line.plan,
	}
}

# a missing component fails the rule: plan-format.md does not let an absent one mean 0
deny contains plan.missing_figure(i, input.years[i], concat(" ", [key, component]), path) if {
	some [i, key] in _unsound
	line := _object_lines[i][key]
	not _complete(line)
	some component in _required
	path := ["activity", key, component]
	not plan.has_figure(input.years[i], path)
}

deny contains finding if {
	some [i, key] in _unsound
	i > 0
	not _previous_total(i, key)
	finding := {
		"msg": sprintf(
			"%s: %s cannot be checked: the %s total of %s is missing",
			[input.years[i].year, key, input.years[i - 1].year, key],
		),
		"pointer": plan.pointer(i - 1, sprintf("activity/%s", [key])),
	}
}

deny contains finding if {
	some [i, key] in _unsound
	i == 0
	finding := {
		"msg": sprintf("%s: %s cannot be checked: the plan has no year before it", [input.years[i].year, key]),
		"pointer": plan.pointer(i, sprintf("activity/%s", [key])),
	}
}

not_applicable contains "the round sets no arithmetic tolerance" if {
	rounds.known
	not _tolerance
}

# the lines of the plan years given as objects, when the round sets a tolerance:
# plan year index -> line key -> line (built in one comprehension per year)
_object_lines := {i: lines |
	_tolerance
	some i, year in plan.plan_years
	lines := {key: line |
		some key in activity.lines
		line := activity.line(year, key)
		is_object(line)
	}
	count(lines) > 0
}

# the [plan year index, line key] of each line given as an object that is not sound: a
# complete line built from the previous year's total that adds up to its plan has no
# finding, so the findings above look only at these (the common case, tested once)
_unsound := {[i, key] |
	some i, lines in _object_lines
	some key, line in lines
	not _sound(i, key, line)
}

_sound(i, key, line) if {
	_complete(line)
	previous := _previous_total(i, key)
	_adds_up(line.plan, ((previous + line.growth) + line.qipp) + line.backlog_clearance)
}

# the fields an activity line given as an object must have
_required := array.concat(["plan"], activity.components)

_complete(line) if {
	every component in _required {
		is_number(object.get(line, component, null))
	}
}

# true when the planned line is the built total, or within the tolerance of it
_adds_up(planned, built) if {
	planned == built
	_tolerance >= 0
}

_adds_up(planned, built) if {
	planned != built
	exact.within(planned, built, _tolerance)
}

_previous_total(i, key) := activity.total(activity.line(plan.previous_year(i), key))

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
