# METADATA
# description: |
#   The nine national must-dos of NHS England's planning guidance ("Delivering the
#   Forward View: NHS planning guidance 2016/17-2020/21", as listed in the Southwark
#   CCG Operating Plan 2016/17; kept in the 2017-19 operational planning guidance),
#   the performance keys that measure them (domain.md, must_dos.metrics_linked) and
#   the plan period their milestones must fall in.
package planassure.lib.must_dos

import data.planassure.lib.plan

# METADATA
# description: the must-do numbers, 1 to 9, each with a short name for messages (plan-format.md)
names := {
	1: "Sustainability and Transformation Plan",
	2: "aggregate financial balance",
	3: "sustainability and quality of general practice",
	4: "A&E and ambulance waits",
	5: "referral to treatment within 18 weeks",
	6: "62-day cancer standard",
	7: "mental health access standards",
	8: "care for people with learning disabilities",
	9: "quality and organisations in special measures",
}

# METADATA
# description: |
#   the performance keys a must-do must list in its metrics (domain.md):
#   4 A&E 4 hours; 5 RTT 18 weeks; 6 cancer 62 days; 7 EIP 2 weeks, IAPT 6 and 18 weeks
metrics := {
	4: {"ae_4hr"},
	5: {"rtt_18wk"},
	6: {"cancer_62d"},
	7: {"eip_2wk", "iapt_6wk", "iapt_18wk"},
}

# METADATA
# description: the entries of input.must_dos answering must-do n, keyed by their index
entries(n) := {i: entry |
	some i, entry in object.get(input, "must_dos", [])
	entry.number == n
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
