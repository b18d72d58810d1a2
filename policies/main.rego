# METADATA
# title: planassure
# description: |
#   The one entrypoint. Collects every finding of every rule under data.rules,
#   tagged with the rule id (the package path below data.rules), and the rules
#   that do not apply to the plan's planning round.
# entrypoint: true
package main

# METADATA
# description: every finding of every rule, tagged with its rule id
deny contains object.union(finding, {"rule": concat(".", [area, name])}) if {
	some area, name
	some finding in data.rules[area][name].deny
}

# METADATA
# description: rules whose threshold is absent for the plan's round, with the reason
not_applicable contains {"rule": concat(".", [area, name]), "msg": msg} if {
	some area, name
	some msg in data.rules[area][name].not_applicable
}
