# METADATA
# description: |
#   The nine national must-dos of NHS England's planning guidance ("Delivering the
#   Forward View: NHS planning guidance 2016/17-2020/21", as listed in the Southwark
#   CCG Operating Plan 2016/17; kept in the 2017-19 operational planning guidance),
#   the performance keys that measure them (domain.md, must_dos.metrics_linked) and
#   the plan period their milestones must fall in.
package planassure.lib.must_dos

import data.planassure.lib.performance
import data.planassure.lib.plan
import data.planassure.lib.rounds

# METADATA
# description: |
#   the must-do numbers, each with a short name for messages: the round's own list
#   (rounds.must_dos: the 2025/26 priorities, the 2026-29 success measures), else the
#   nine must-dos of 2016/17-2018/19 (plan-format.md)
names := {entry.number: entry.name | some entry in _list}

# METADATA
# description: |
#   the must-dos whose delivery is measured by performance keys, and the keys each entry
#   must list: those the plan answers for (a trust, those of its services)
metrics := {entry.number: keys |
	some entry in _list
	keys := {key |
		some key in entry.metrics
		performance.serves(key)
	}
	count(keys) > 0
}

default _list := [
	{"number": 1, "name": "Sustainability and Transformation Plan", "metrics": []},
	{"number": 2, "name": "aggregate financial balance", "metrics": []},
	{"number": 3, "name": "sustainability and quality of general practice", "metrics": []},
	{"number": 4, "name": "A&E and ambulance waits", "metrics": ["ae_4hr"]},
	{"number": 5, "name": "referral to treatment within 18 weeks", "metrics": ["rtt_18wk"]},
	{"number": 6, "name": "62-day cancer standard", "metrics": ["cancer_62d"]},
	{"number": 7, "name": "mental health access standards", "metrics": ["eip_2wk", "iapt_6wk", "iapt_18wk"]},
	{"number": 8, "name": "care for people with learning disabilities", "metrics": []},
	{"number": 9, "name": "quality and organisations in special measures", "metrics": []},
]

_list := rounds.current.must_dos

# METADATA
# description: the entries of input.must_dos answering must-do n, keyed by their index
entries(n) := object.get(_entries, n, {})

# the entries of input.must_dos by must-do number, keyed by their index, computed once
# per plan: the inner comprehension's test on a number bound outside it lets OPA index
# the entries by number once, so this is linear in the entries
_entries := {n: by_index |
	some entry in object.get(input, "must_dos", [])
	n := entry.number
	by_index := {i: e |
		some i, e in input.must_dos
		e.number == n
	}
}

# METADATA
# description: the JSON pointer to point at for must-do n (its first entry, else the list)
pointer(n, path) := sprintf("/must_dos/%d/%s", [min(object.keys(entries(n))), path]) if count(entries(n)) > 0

pointer(n, _) := "/must_dos" if count(entries(n)) == 0

# METADATA
# description: true when s is text with something other than white space in it
has_text(s) if trim_space(s) != ""

# METADATA
# description: the first day of the plan period, 1 April of the first plan year ("2017/18" -> "2017-04-01")
period_start := sprintf("%s-04-01", [substring(input.years[min(object.keys(plan.plan_years))].year, 0, 4)])

# METADATA
# description: the last day of the plan period, 31 March after the last plan year ("2018/19" -> "2019-03-31")
period_end := sprintf("%d-03-31", [to_number(substring(input.years[max(object.keys(plan.plan_years))].year, 0, 4)) + 1])

# METADATA
# description: true when date (YYYY-MM-DD text) falls inside the plan period, both ends included
in_period(date) if {
	is_string(date)
	period_start <= date
	date <= period_end
}
