# METADATA
# description: |
#   One minimal, consistent 2017-19 plan that meets every rule. Rule tests
#   start from it and change only the figure under test (json.patch).
package planassure.lib.fixture_test

plan := {
	"organisation": {
		"code": "00X",
		"name": "NHS Fixture CCG",
		"population": 200000,
		"type": "ccg",
	},
	"schema_version": "1",
	"submission": {
		"round": "2017-19",
		"status": "final",
		"submitted_on": "2017-03-31",
		"version": "fixture",
	},
	"years": [
		{
			"basis": "forecast_outturn",
			"finance": {
				"expenditure": {
					"acute": 130000,
					"community": 25000,
					"continuing_healthcare": 15000,
					"mental_health": 24000,
					"other_programme": 6000,
					"primary_care_prescribing": 35000,
					"running_costs": 4400,
					"total": 239400,
				},
				"funding": {
					"non_recurrent_programme": 0,
					"recurrent_programme": 235000,
					"return_of_excess_surplus": 0,
					"running_cost": 4500,
					"total": 239500,
				},
				"primary_care_transformation": 0,
				"qipp": {
					"identified": 0,
					"unidentified": 0,
				},
				"reserves": {
					"contingency": 1200,
					"non_recurrent": 2400,
					"non_recurrent_uncommitted": 1200,
				},
				"surplus": {
					"cumulative_brought_forward": 3300,
					"cumulative_carried_forward": 3400,
					"in_year": 100,
				},
			},
			"year": "2016/17",
			"activity": {
				"elective_admissions": 20000,
				"non_elective_admissions": 30000,
			},
		},
		{
			"basis": "plan",
			"finance": {
				"expenditure": {
					"acute": 134000,
					"community": 25500,
					"continuing_healthcare": 16000,
					"mental_health": 24600,
					"other_programme": 9000,
					"primary_care_prescribing": 36000,
					"running_costs": 4400,
					"total": 249500,
				},
				"funding": {
					"non_recurrent_programme": 1000,
					"recurrent_programme": 240000,
					"return_of_excess_surplus": 500,
					"running_cost": 4500,
					"total": 246000,
				},
				"primary_care_transformation": 300,
				"qipp": {
					"identified": 3500,
					"unidentified": 0,
				},
				"reserves": {
					"contingency": 1300,
					"non_recurrent": 2500,
					"non_recurrent_uncommitted": 1300,
				},
				"surplus": {
					"cumulative_brought_forward": 3400,
					"cumulative_carried_forward": 2900,
					"in_year": 0,
				},
			},
			"year": "2017/18",
			"performance": {
				"ae_4hr": {
					"plan": 95,
					"monthly": [
						93,
						93.5,
						94,
						94,
						94.5,
						94.5,
						95,
						95,
						95,
						95,
						95,
						95,
					],
				},
				"rtt_18wk": {
					"plan": 92,
				},
				"cancer_2ww": {
					"plan": 93,
				},
				"cancer_31d": {
					"plan": 96,
				},
				"cancer_62d": {
					"plan": 85,
				},
				"diagnostics_6wk": {
					"plan": 1,
				},
				"iapt_access": {
					"plan": 19,
				},
				"iapt_recovery": {
					"plan": 50,
				},
				"iapt_6wk": {
					"plan": 75,
				},
				"iapt_18wk": {
					"plan": 95,
				},
				"eip_2wk": {
					"plan": 53,
				},
				"dementia_diagnosis": {
					"plan": 66.7,
				},
				"cyp_mh_access": {
					"plan": 32,
				},
				"cyp_eating_disorders": {
					"plan": 95,
				},
			},
			"activity": {
				"elective_admissions": {
					"plan": 20600,
					"growth": 700,
					"qipp": -100,
					"backlog_clearance": 0,
				},
				"non_elective_admissions": {
					"plan": 30900,
					"growth": 1200,
					"qipp": -300,
					"backlog_clearance": 0,
				},
			},
		},
		{
			"basis": "plan",
			"finance": {
				"expenditure": {
					"acute": 136500,
					"community": 26000,
					"continuing_healthcare": 16500,
					"mental_health": 25200,
					"other_programme": 9500,
					"primary_care_prescribing": 37000,
					"running_costs": 4400,
					"total": 255100,
				},
				"funding": {
					"non_recurrent_programme": 1000,
					"recurrent_programme": 245000,
					"return_of_excess_surplus": 300,
					"running_cost": 4500,
					"total": 250800,
				},
				"primary_care_transformation": 300,
				"qipp": {
					"identified": 4300,
					"unidentified": 0,
				},
				"reserves": {
					"contingency": 1300,
					"non_recurrent": 2600,
					"non_recurrent_uncommitted": 1300,
				},
				"surplus": {
					"cumulative_brought_forward": 2900,
					"cumulative_carried_forward": 2600,
					"in_year": 0,
				},
			},
			"year": "2018/19",
			"performance": {
				"ae_4hr": {
					"plan": 95,
					"monthly": [
						93,
						93.5,
						94,
						94,
						94.5,
						94.5,
						95,
						95,
						95,
						95,
						95,
						95,
					],
				},
				"rtt_18wk": {
					"plan": 92,
				},
				"cancer_2ww": {
					"plan": 93,
				},
				"cancer_31d": {
					"plan": 96,
				},
				"cancer_62d": {
					"plan": 85,
				},
				"diagnostics_6wk": {
					"plan": 1,
				},
				"iapt_access": {
					"plan": 19,
				},
				"iapt_recovery": {
					"plan": 50,
				},
				"iapt_6wk": {
					"plan": 75,
				},
				"iapt_18wk": {
					"plan": 95,
				},
				"eip_2wk": {
					"plan": 53,
				},
				"dementia_diagnosis": {
					"plan": 66.7,
				},
				"cyp_mh_access": {
					"plan": 32,
				},
				"cyp_eating_disorders": {
					"plan": 95,
				},
			},
			"activity": {
				"elective_admissions": {
					"plan": 20985,
					"growth": 500,
					"qipp": -115,
					"backlog_clearance": 0,
				},
				"non_elective_admissions": {
					"plan": 31475,
					"growth": 700,
					"qipp": -125,
					"backlog_clearance": 0,
				},
			},
		},
	],
	"must_dos": [
		{
			"number": 1,
			"summary": "How the plan delivers must-do 1",
			"lead": "Lead 1",
			"milestones": [
				{
					"description": "Milestone for must-do 1",
					"due": "2017-09-30",
					"status": "on_track",
				},
			],
		},
		{
			"number": 2,
			"summary": "How the plan delivers must-do 2",
			"lead": "Lead 2",
			"milestones": [
				{
					"description": "Milestone for must-do 2",
					"due": "2017-09-30",
					"status": "on_track",
				},
			],
		},
		{
			"number": 3,
			"summary": "How the plan delivers must-do 3",
			"lead": "Lead 3",
			"milestones": [
				{
					"description": "Milestone for must-do 3",
					"due": "2017-09-30",
					"status": "on_track",
				},
			],
		},
		{
			"number": 4,
			"summary": "How the plan delivers must-do 4",
			"lead": "Lead 4",
			"milestones": [
				{
					"description": "Milestone for must-do 4",
					"due": "2017-09-30",
					"status": "on_track",
				},
			],
			"metrics": [
				"ae_4hr",
			],
		},
		{
			"number": 5,
			"summary": "How the plan delivers must-do 5",
			"lead": "Lead 5",
			"milestones": [
				{
					"description": "Milestone for must-do 5",
					"due": "2017-09-30",
					"status": "on_track",
				},
			],
			"metrics": [
				"rtt_18wk",
			],
		},
		{
			"number": 6,
			"summary": "How the plan delivers must-do 6",
			"lead": "Lead 6",
			"milestones": [
				{
					"description": "Milestone for must-do 6",
					"due": "2017-09-30",
					"status": "on_track",
				},
			],
			"metrics": [
				"cancer_62d",
			],
		},
		{
			"number": 7,
			"summary": "How the plan delivers must-do 7",
			"lead": "Lead 7",
			"milestones": [
				{
					"description": "Milestone for must-do 7",
					"due": "2017-09-30",
					"status": "on_track",
				},
			],
			"metrics": [
				"eip_2wk",
				"iapt_6wk",
				"iapt_18wk",
			],
		},
		{
			"number": 8,
			"summary": "How the plan delivers must-do 8",
			"lead": "Lead 8",
			"milestones": [
				{
					"description": "Milestone for must-do 8",
					"due": "2017-09-30",
					"status": "on_track",
				},
			],
		},
		{
			"number": 9,
			"summary": "How the plan delivers must-do 9",
			"lead": "Lead 9",
			"milestones": [
				{
					"description": "Milestone for must-do 9",
					"due": "2017-09-30",
					"status": "on_track",
				},
			],
		},
	],
	"risks": [
		{
			"description": "QIPP delivery",
			"rating": "red",
			"mitigation": "Monthly PMO review",
		},
		{
			"description": "Workforce",
			"rating": "amber",
		},
	],
	"sign_off": {
		"governing_body_approved_on": "2017-03-29",
		"accountable_officer": "Accountable Officer",
	},
}
