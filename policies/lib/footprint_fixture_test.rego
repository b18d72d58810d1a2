# METADATA
# description: |
#   One minimal, consistent 2017-19 footprint (STP) submission that meets every footprint
#   rule: a CCG (the plan fixture's 00X), two providers and a county council. Rule tests
#   start from it and change only the figure under test (json.patch).
package planassure.lib.footprint_fixture_test

import data.planassure.lib.fixture_test as fixture

footprint := {
	"schema_version": "1",
	"submission": {
		"round": "2017-19",
		"status": "final",
		"submitted_on": "2017-03-31",
		"version": "fixture",
	},
	"organisation": {
		"code": "E54000099",
		"name": "Fixture",
		"region": "South",
		"type": "stp",
	},
	"footprint": {
		"members": [
			{"code": "00X", "name": "NHS Fixture CCG", "type": "ccg"},
			{"code": "R0A", "name": "Fixture Acute NHS FT", "type": "provider"},
			{"code": "R0B", "name": "Fixture Community NHS FT", "type": "provider"},
			{"code": "E10000001", "name": "Fixture County Council", "type": "local_authority"},
		],
		"years": [
			{
				"year": "2016/17",
				"basis": "forecast_outturn",
				"members": [
					{"code": "00X", "surplus_after_stf": 100},
					{"code": "R0A", "surplus_after_stf": -2000},
					{"code": "R0B", "surplus_after_stf": 1000},
					{"code": "E10000001", "surplus_after_stf": -500},
				],
				"stated": {"commissioner": 100, "provider": -1000, "nhs": -900, "health_and_care": -1400},
			},
			{
				"year": "2017/18",
				"basis": "plan",
				"system_control_total": 0,
				"members": [
					{"code": "00X", "surplus_before_stf": 0, "surplus_after_stf": 0},
					{"code": "R0A", "surplus_before_stf": -3000, "stf": 4000, "surplus_after_stf": 1000, "control_total": 1000},
					{"code": "R0B", "surplus_before_stf": 500, "stf": 0, "surplus_after_stf": 500, "control_total": 500},
					{"code": "E10000001", "surplus_after_stf": 0},
				],
				"stated": {
					"commissioner": 0,
					"provider": 1500,
					"nhs": 1500,
					"nhs_before_stf": -2500,
					"stf": 4000,
					"health_and_care": 1500,
				},
			},
			{
				"year": "2018/19",
				"basis": "plan",
				"system_control_total": 500,
				"members": [
					{"code": "00X", "surplus_after_stf": 0},
					{"code": "R0A", "surplus_before_stf": -1000, "stf": 3000, "surplus_after_stf": 2000, "control_total": 2000},
					{"code": "R0B", "surplus_after_stf": 300, "control_total": 300},
					{"code": "E10000001", "surplus_after_stf": -200},
				],
				"adjustments": [{"description": "Unidentified system savings", "sector": "nhs", "amount": -800}],
				"stated": {"commissioner": 0, "provider": 2300, "nhs": 1500, "health_and_care": 1300},
			},
		],
	},
}

# the footprint with its member CCG's plan, as check --footprint builds the input
with_members := object.union(footprint, {"member_plans": [fixture.plan]})
