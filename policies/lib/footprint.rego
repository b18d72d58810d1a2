# METADATA
# description: |
#   Helpers for footprint (STP) submissions: the members, the years, and the system
#   totals computed from the members' figures (£000, after STF). A footprint year lists
#   every member's figures, or none (sector-level lines only, in adjustments).
#   Commissioner = CCG members + commissioner lines; provider = provider members +
#   provider lines; NHS = commissioner + provider + system-level (nhs) lines;
#   health and care = NHS + local authority members and lines.
package planassure.lib.footprint

import data.planassure.lib.plan

# METADATA
# description: the footprint's members, keyed by organisation code
members := {m.code: m | some m in input.footprint.members}

# METADATA
# description: the footprint's years, keyed by index (footprint documents only)
years[i] := year if {
	plan.is_footprint
	some i, year in input.footprint.years
}

# METADATA
# description: the footprint's plan years, keyed by index
plan_years[i] := year if {
	some i, year in years
	year.basis == "plan"
}

# METADATA
# description: the index of the footprint year named fy ("2016/17")
year_index(fy) := i if {
	some i, year in years
	year.year == fy
}

# METADATA
# description: the JSON pointer of a field of footprint.years[i]
pointer(i, path) := sprintf("/footprint/years/%d/%s", [i, path])

# METADATA
# description: a member named for people, "Somerset CCG (11X)"; the bare code for a non-member
label(code) := sprintf("%s (%s)", [members[code].name, code])

label(code) := code if not members[code]

_sector_of := {"ccg": "commissioner", "provider": "provider", "local_authority": "local_authority"}

# METADATA
# description: the total a member's figures count in (commissioner, provider or local_authority)
sector(code) := _sector_of[members[code].type]

_figures(year) := object.get(year, "members", [])

_adjustments(year) := object.get(year, "adjustments", [])

# METADATA
# description: |
#   what keeps the system totals of footprint.years[i] from being computed: each a finding
#   ({msg, pointer}) of the rule that needs them
gaps(i, year) := {g |
	some g in (((_no_figures(i, year) | _unlisted(i, year)) | _unknown(i, year)) | _no_surplus(i, year))
}

_no_figures(i, year) := {{
	"msg": sprintf("%s: no figures: the year lists neither member figures nor system-level lines", [year.year]),
	"pointer": pointer(i, "members"),
}} if {
	count(_figures(year)) == 0
	count(_adjustments(year)) == 0
} else := set()

# a year that lists member figures lists every member
_unlisted(i, year) := {{
	"msg": sprintf(
		"%s: %s has no figures in the year (a year lists every member's figures, or none)",
		[year.year, label(code)],
	),
	"pointer": pointer(i, "members"),
} |
	count(_figures(year)) > 0
	some code, _ in members
	not code in {f.code | some f in _figures(year)}
}

_unknown(i, year) := {{
	"msg": sprintf("%s: figures for %s, which is not a member of the footprint", [year.year, f.code]),
	"pointer": pointer(i, sprintf("members/%d/code", [j])),
} |
	some j, f in _figures(year)
	not members[f.code]
}

_no_surplus(i, year) := {{
	"msg": sprintf("%s: surplus/(deficit) after STF of %s is missing", [year.year, label(f.code)]),
	"pointer": pointer(i, sprintf("members/%d/surplus_after_stf", [j])),
} |
	some j, f in _figures(year)
	not is_number(object.get(f, "surplus_after_stf", null))
}

# METADATA
# description: true when the system totals of the year can be computed
complete(i, year) if count(gaps(i, year)) == 0

_sector_total(year, s) := members + lines if {
	members := sum([f.surplus_after_stf | some f in _figures(year); sector(f.code) == s])
	lines := sum([a.amount | some a in _adjustments(year); a.sector == s])
}

# METADATA
# description: |
#   the system totals of footprint.years[i], computed from the members' figures and the
#   system-level lines: commissioner, provider, system_level, nhs, local_authority, health_and_care
totals(i, year) := t if {
	complete(i, year)
	c := _sector_total(year, "commissioner")
	p := _sector_total(year, "provider")
	n := _sector_total(year, "nhs")
	la := _sector_total(year, "local_authority")
	t := {
		"commissioner": c,
		"provider": p,
		"system_level": n,
		"nhs": (c + p) + n,
		"local_authority": la,
		"health_and_care": ((c + p) + n) + la,
	}
}

# METADATA
# description: true when the year gives STF anywhere (a member's stf, or a system-level STF line)
has_stf(year) if {
	some f in _figures(year)
	is_number(object.get(f, "stf", null))
}

has_stf(year) if {
	some a in _adjustments(year)
	a.stf == true
}

# METADATA
# description: the STF the year's figures include (members' stf plus system-level STF lines)
stf(year) := members + lines if {
	members := sum([object.get(f, "stf", 0) | some f in _figures(year)])
	lines := sum([a.amount | some a in _adjustments(year); a.stf == true])
}

# METADATA
# description: |
#   the totals for messages, "commissioner -8500, provider -13500, system-level -11000,
#   NHS -33000, health and care -40100"
summary(t) := sprintf("commissioner %v, provider %v, system-level %v, NHS %v, health and care %v", [
	t.commissioner,
	t.provider,
	t.system_level,
	t.nhs,
	t.health_and_care,
])
