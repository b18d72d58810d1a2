# METADATA
# title: planassure
# description: |
#   The one entrypoint. Collects every finding of every rule under data.planassure.rules,
#   tagged with the rule id (the package path below data.planassure.rules) and carrying
#   the rule's title and severity (its own, or the default of the rule's METADATA), and
#   the rules that do not apply to the plan's planning round. Rules of the footprint area
#   run on footprint (STP) submissions only, and every other area on plans only. Error
#   findings are also under deny and warnings under warn, as conftest reads them, and
#   verdict is the plan's assurance verdict before waivers.
# entrypoint: true
package planassure.main

import data.planassure.lib.plan

# METADATA
# description: every finding of every rule, with its rule id, title and severity
findings contains object.union(object.union(_meta(area, name), finding), {"rule": id}) if {
	some [area, name, id] in _running
	some finding in data.planassure.rules[area][name].deny
}

# METADATA
# description: the error findings (conftest fails on them)
deny contains finding if {
	some finding in findings
	finding.severity == "error"
}

# METADATA
# description: the warning findings (conftest warns of them)
warn contains finding if {
	some finding in findings
	finding.severity != "error"
}

# METADATA
# description: |
#   the verdict the findings give, before waivers: not_assured with an error,
#   assured_with_conditions with warnings only, assured with none
verdict := "not_assured" if {
	count(deny) > 0
} else := "assured_with_conditions" if {
	count(warn) > 0
} else := "assured"

# METADATA
# description: rules whose threshold is absent for the plan's round, with the reason
not_applicable contains {"rule": id, "msg": msg} if {
	some [area, name, id] in _running
	some msg in data.planassure.rules[area][name].not_applicable
}

# METADATA
# description: rules of the other kind of document, with the reason they do not apply
not_applicable contains entry if some entry in _other_kind_rules

# the rules of the other kind of document, as not_applicable entries (a per-kind value)
_other_kind_rules := {{"rule": id, "msg": _other_kind} |
	some [area, _, id] in _rules
	not _applies(area)
}

# METADATA
# description: commissioner rules on a trust's plan, with the reason they do not apply
not_applicable contains entry if some entry in _commissioner_only_rules

# the commissioner rules on a trust's plan, as not_applicable entries (a per-kind value)
_commissioner_only_rules := {{"rule": id, "msg": _commissioner_only} |
	plan.is_plan
	some id in plan.commissioner_rules
	not plan.for_organisation(id)
}

# METADATA
# description: |
#   every rule under data.planassure.rules, as [area, name, id]: a package with a deny
#   rule (defined for every document, if empty), so this depends on no figure of the plan
_rules := {[area, name, concat(".", [area, name])] |
	some area, name
	data.planassure.rules[area][name].deny
}

# METADATA
# description: the rules that run on the document, as [area, name, id] (those of its kind, for its kind of organisation)
_running := {rule |
	some rule in _rules
	_applies(rule[0])
	plan.for_organisation(rule[2])
}

_commissioner_only := "a commissioner rule (CCG or ICB finance and activity): it does not apply to an NHS trust's plan"

# a rule's title and default severity (a rule without meta, such as a local one,
# gets them from its METADATA in the engine)
_meta(area, name) := data.planassure.rules[area][name].meta

_meta(area, name) := {} if not data.planassure.rules[area][name].meta

_applies("footprint") if plan.is_footprint

_applies(area) if {
	area != "footprint"
	plan.is_plan
}

_other_kind := "a rule for the plan of one organisation: it does not apply to a footprint (STP) submission" if {
	plan.is_footprint
} else := "a footprint rule: it applies to footprint (STP) submissions, not to the plan of one organisation"
