# METADATA
# title: QIPP savings above the round's share of allocation are a delivery risk
# description: |
#   A plan year whose savings (identified plus unidentified QIPP) exceed the round's
#   percentage of allocation relies on a challenging QIPP programme: a delivery risk a
#   reviewer must look at.
# related_resources:
#   - description: NHS England, Delivering the Forward View - NHS planning guidance 2016/17-2020/21
#     ref: https://www.england.nhs.uk/wp-content/uploads/2015/12/planning-guid-16-17-20-21.pdf
# custom:
#   reads:
#     - finance.funding.recurrent_programme
#     - finance.funding.non_recurrent_programme
#     - finance.funding.running_cost
#     - finance.qipp.identified
#     - finance.qipp.unidentified
#   thresholds: [qipp_stretch_pct]
#   severity: warning
#   guidance: >-
#     Norwich CCG Operational Plan 2017-19, s4.2, p14-16 ("the CCG faces a challenging
#     savings target in each year (3.9% in 2017/18 and 3.0% in 2018/19)"; key financial
#     risk: "delivery of a QIPP programme totalling £9.7m")
package planassure.rules.finance.qipp_stretch

import data.planassure.lib.exact
import data.planassure.lib.plan
import data.planassure.lib.rounds

_max_pct := rounds.current.qipp_stretch_pct

_figures := {
	"identified QIPP": ["finance", "qipp", "identified"],
	"unidentified QIPP": ["finance", "qipp", "unidentified"],
}

deny contains finding if {
	some i, year in _unsound
	_has_figures(year)
	_above_pct(_qipp(year), _max_pct, plan.allocation(year))
	finding := _stretch(i, year)
}

# a missing figure fails the rule; it never passes it by being undefined
deny contains plan.missing_figure(i, year, name, path) if {
	some i, year in _unsound
	_max_pct
	some name, path in _figures
	not plan.has_figure(year, path)
}

deny contains plan.no_allocation(i, year, "QIPP stretch") if {
	some i, year in _unsound
	_max_pct
	not plan.has_allocation(year)
}

not_applicable contains "the round sets no QIPP stretch threshold" if {
	rounds.known
	not _max_pct
}

# METADATA
# description: |
#   the plan years whose QIPP figures, allocation and threshold are whole numbers, QIPP no
#   more than the threshold share of allocation: the common, passing case, decided once per
#   plan in integer arithmetic (the comparison _above_pct makes); the clauses above look
#   only at the other years
_sound := {i |
	is_number(_max_pct)
	floor(_max_pct) == _max_pct
	some i, allocation in plan.whole_allocations
	qipp := plan.plan_years[i].finance.qipp
	is_number(qipp.identified)
	is_number(qipp.unidentified)
	floor(qipp.identified) == qipp.identified
	floor(qipp.unidentified) == qipp.unidentified
	(qipp.identified + qipp.unidentified) * 100 <= _max_pct * allocation
}

# the plan years, by index, that _sound leaves to the clauses above
_unsound := object.remove(plan.plan_years, _sound)

_has_figures(year) if {
	every path in _figures {
		plan.has_figure(year, path)
	}
	plan.has_allocation(year)
}

# total QIPP: savings with named schemes and savings still to be found
_qipp(year) := year.finance.qipp.identified + year.finance.qipp.unidentified

# compared exactly, without division: x is more than max_pct percent of total
_above_pct(x, max_pct, total) if x * 100 > max_pct * total

# expected and actual are £000: the QIPP the threshold allows before it is a risk, and the plan's
_stretch(i, year) := {
	"msg": sprintf("%s: QIPP savings %v are %v%% of allocation %v, above the %v%% (%v) beyond which delivery is at risk", [
		year.year,
		_qipp(year),
		plan.pct_up(_qipp(year), plan.allocation(year)),
		plan.allocation(year),
		_max_pct,
		exact.share(_max_pct, plan.allocation(year)),
	]),
	"pointer": plan.pointer(i, "finance/qipp"),
	"expected": exact.share(_max_pct, plan.allocation(year)),
	"actual": _qipp(year),
}

# METADATA
# description: the title and default severity of this rule's findings, from the package METADATA
meta := {"title": a.title, "severity": a.custom.severity} if {
	some entry in rego.metadata.chain()
	a := entry.annotations
	a.scope == "package"
}
