package planassure.lib.rounds_test

import data.planassure.lib.fixture_test as fixture
import data.planassure.lib.rounds

test_known_rounds if {
	object.keys(rounds.thresholds) == {"2016/17", "2017-19", "2018/19", "2025/26", "2026-29"}
}

test_unknown_round_is_not_known if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/submission/round", "value": "2099/00"}])
	not rounds.known with input as plan
}

test_data_adds_a_round if {
	plan := json.patch(fixture.plan, [{"op": "replace", "path": "/submission/round", "value": "2019/20"}])
	rounds.known with input as plan with data.planassure.rounds as {"2019/20": {"tolerance": 1}}
}
