# METADATA
# title: Final plan approved by the governing body
# description: |
#   A final submission records the date its governing body approved the plan
#   (sign_off.governing_body_approved_on), on or before the date it was submitted.
#   A draft needs no approval yet. A submission that does not say it is a draft is
#   held to the final rule.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
#   - description: NHS England, NHS Operational Planning and Contracting Guidance 2017-2019
#     ref: https://www.england.nhs.uk/wp-content/uploads/2016/09/NHS-operational-planning-guidance-201617-201819.pdf
# custom:
#   reads:
#     - /submission/status
#     - /submission/submitted_on
#     - /sign_off/governing_body_approved_on
#   severity: error
#   guidance: >-
#     Delivering the Forward View - NHS planning guidance 2016/17-2020/21 and Operational Planning
#     and Contracting Guidance 2017-2019 (final plans approved by the CCG governing body before
#     submission)
package planassure.rules.governance.sign_off

deny contains finding if {
	_final
	_submitted_on
	_approved_on > _submitted_on
	finding := {
		"msg": sprintf(
			"the governing body approved the plan on %s, after it was submitted as final on %s",
			[_approved_on, _submitted_on],
		),
		"pointer": "/sign_off/governing_body_approved_on",
		"expected": sprintf("on or before %s", [_submitted_on]),
		"actual": _approved_on,
	}
}

deny contains finding if {
	_final
	not _approved_on
	finding := {
		"msg": sprintf(
			"a final submission needs the date its governing body approved the plan: %s is missing",
			[_approved_on_field],
		),
		"pointer": "/sign_off/governing_body_approved_on",
	}
}

deny contains finding if {
	_final
	_approved_on
	not _submitted_on
	finding := {
		"msg": "the governing body approval cannot be checked: the submission date is missing",
		"pointer": "/submission/submitted_on",
	}
}

# only a draft is exempt: a missing or unknown status is held to the final rule
_final if object.get(input, ["submission", "status"], null) != "draft"

_approved_on := input.sign_off.governing_body_approved_on if is_string(input.sign_off.governing_body_approved_on)

# the approval date field, as the messages name it
_approved_on_field := "sign_off.governing_body_approved_on"

_submitted_on := input.submission.submitted_on if is_string(input.submission.submitted_on)

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
