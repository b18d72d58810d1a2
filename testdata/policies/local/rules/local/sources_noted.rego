# METADATA
# title: Sources of the figures are noted
# description: A region's local rule - every plan says where its figures come from.
# custom:
#   severity: warning
#   guidance: Regional assurance handbook (local), section 2
package planassure.rules.local.sources_noted

deny contains {"msg": "the plan has no notes on the sources of its figures", "pointer": "/notes"} if {
	not _has_notes
}

_has_notes if count(input.notes) > 0
