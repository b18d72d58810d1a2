# METADATA
# description: |
#   One minimal, consistent 2017-19 plan that meets every finance rule. Rule tests
#   start from it and change only the figure under test (json.patch).
package lib.fixture_test

plan := {
	"schema_version": "1",
	"submission": {"round": "2017-19", "version": "fixture", "status": "final", "submitted_on": "2017-03-31"},
	"organisation": {"code": "00X", "name": "NHS Fixture CCG", "type": "ccg", "population": 200000},
	"years": [
		{
			"year": "2016/17",
			"basis": "forecast_outturn",
			"finance": {
				"funding": {
					"recurrent_programme": 235000,
					"non_recurrent_programme": 0,
					"return_of_excess_surplus": 0,
					"running_cost": 4500,
					"total": 239500,
				},
				"expenditure": {
					"acute": 130000,
					"mental_health": 24000,
					"community": 25000,
					"continuing_healthcare": 15000,
					"primary_care_prescribing": 35000,
					"other_programme": 6000,
					"running_costs": 4400,
					"total": 239400,
				},
				"qipp": {"identified": 0, "unidentified": 0},
				"reserves": {"non_recurrent": 2400, "non_recurrent_uncommitted": 1200, "contingency": 1200},
				"surplus": {"in_year": 100, "cumulative_brought_forward": 3300, "cumulative_carried_forward": 3400},
				"primary_care_transformation": 0,
			},
		},
		{
			"year": "2017/18",
			"basis": "plan",
			"finance": {
				"funding": {
					"recurrent_programme": 240000,
					"non_recurrent_programme": 1000,
					"return_of_excess_surplus": 500,
					"running_cost": 4500,
					"total": 246000,
				},
				"expenditure": {
					"acute": 134000,
					"mental_health": 24600,
					"community": 25500,
					"continuing_healthcare": 16000,
					"primary_care_prescribing": 36000,
					"other_programme": 9000,
					"running_costs": 4400,
					"total": 249500,
				},
				"qipp": {"identified": 3500, "unidentified": 0},
				"reserves": {"non_recurrent": 2500, "non_recurrent_uncommitted": 1300, "contingency": 1300},
				"surplus": {"in_year": 0, "cumulative_brought_forward": 3400, "cumulative_carried_forward": 2900},
				"primary_care_transformation": 300,
			},
		},
		{
			"year": "2018/19",
			"basis": "plan",
			"finance": {
				"funding": {
					"recurrent_programme": 245000,
					"non_recurrent_programme": 1000,
					"return_of_excess_surplus": 300,
					"running_cost": 4500,
					"total": 250800,
				},
				"expenditure": {
					"acute": 136500,
					"mental_health": 25200,
					"community": 26000,
					"continuing_healthcare": 16500,
					"primary_care_prescribing": 37000,
					"other_programme": 9500,
					"running_costs": 4400,
					"total": 255100,
				},
				"qipp": {"identified": 4300, "unidentified": 0},
				"reserves": {"non_recurrent": 2600, "non_recurrent_uncommitted": 1300, "contingency": 1300},
				"surplus": {"in_year": 0, "cumulative_brought_forward": 2900, "cumulative_carried_forward": 2600},
				"primary_care_transformation": 300,
			},
		},
	],
}
