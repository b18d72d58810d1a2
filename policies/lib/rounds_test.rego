package planassure.lib.rounds_test

import data.planassure.lib.current_fixture_test as current
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

test_pass_finance_asks_of_2026_29 if {
	asks := rounds.finance_asks with input as current.trust
	asks == {
		"breakeven": {"2026/27", "2027/28", "2028/29"},
		"deficit_support_exit": {"2028/29"},
	}
}

test_pass_finance_asks_system_balance_of_an_icb if {
	asks := rounds.finance_asks with input as current.icb_2025
	asks.system_balance == {"2025/26"}
	not asks.breakeven
}

test_fail_finance_asks_none_of_a_ccg_round if {
	asks := rounds.finance_asks with input as fixture.plan
	asks == {}
}

test_fail_finance_asks_no_system_balance_of_a_trust if {
	p := json.patch(current.icb_2025, [{"op": "replace", "path": "/organisation/type", "value": "trust"}])
	asks := rounds.finance_asks with input as p
	not asks.system_balance
}
