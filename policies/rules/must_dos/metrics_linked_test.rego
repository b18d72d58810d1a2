package planassure.rules.must_dos.metrics_linked_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.rules.must_dos.metrics_linked

test_pass_fixture if {
	r := metrics_linked.deny with input as fixture.plan
	r == set()
}

# further metrics do no harm
test_pass_extra_metric if {
	plan := json.patch(fixture.plan, [{"op": "add", "path": "/must_dos/6/metrics/-", "value": "iapt_access"}])
	r := metrics_linked.deny with input as plan
	r == set()
}

test_fail_wrong_metric if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/must_dos/5/metrics", "value": ["cancer_2ww"]}])
	r := metrics_linked.deny with input as plan
	r == {{
		"msg": "must-do 6 (62-day cancer standard) does not list cancer_62d among its metrics",
		"pointer": "/must_dos/5/metrics",
		"expected": ["cancer_62d"],
		"actual": ["cancer_2ww"],
	}}
}

test_fail_partial_list if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/must_dos/6/metrics", "value": ["iapt_6wk"]}])
	r := metrics_linked.deny with input as plan
	r == {{
		"msg": "must-do 7 (mental health access standards) does not list eip_2wk, iapt_18wk among its metrics",
		"pointer": "/must_dos/6/metrics",
		"expected": ["eip_2wk", "iapt_18wk", "iapt_6wk"],
		"actual": ["iapt_6wk"],
	}}
}

test_fail_missing_metrics if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/must_dos/3/metrics"}])
	r := metrics_linked.deny with input as plan
	r == {{
		"msg": "must-do 4 (A&E and ambulance waits) does not list ae_4hr among its metrics",
		"pointer": "/must_dos/3/metrics",
		"expected": ["ae_4hr"],
		"actual": [],
	}}
}

test_fail_missing_entry if {
	plan := json.patch(fixture.plan, [{"op": "remove", "path": "/must_dos/4"}])
	r := metrics_linked.deny with input as plan
	r == {{
		"msg": "must-do 5 (referral to treatment within 18 weeks) does not list rtt_18wk among its metrics",
		"pointer": "/must_dos",
		"expected": ["rtt_18wk"],
		"actual": [],
	}}
}
