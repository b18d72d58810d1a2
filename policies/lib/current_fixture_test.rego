# METADATA
# description: |
#   Minimal, consistent plans of the current rounds that meet every rule: an ICB and a
#   trust in 2025/26 and in 2026-29. Rule tests start from them and change only the
#   figure under test (json.patch).
package planassure.lib.current_fixture_test

icb := {
	"schema_version": "1",
	"submission": {
		"round": "2026-29",
		"status": "final",
		"submitted_on": "2026-02-12",
		"version": "fixture",
	},
	"organisation": {
		"code": "QXX",
		"name": "NHS Fixture Integrated Care Board",
		"type": "icb",
		"population": 1000000,
	},
	"years": [
		{
			"year": "2025/26",
			"basis": "forecast_outturn",
			"finance": {
				"funding": {
					"recurrent_programme": 2900000,
					"non_recurrent_programme": 10000,
					"return_of_excess_surplus": 0,
					"running_cost": 30000,
					"total": 2940000,
				},
				"expenditure": {
					"acute": 1476000,
					"mental_health": 290000,
					"community": 236160,
					"continuing_healthcare": 118080,
					"primary_care_prescribing": 590400,
					"other_programme": 211360,
					"running_costs": 30000,
					"total": 2952000,
				},
				"qipp": {
					"identified": 12000,
					"unidentified": 0,
				},
				"surplus": {
					"in_year": 0,
					"cumulative_brought_forward": 0,
					"cumulative_carried_forward": 0,
				},
				"deficit_support": 0,
				"efficiency": {
					"planned": 61740,
					"cost_base": 2940000,
				},
			},
			"activity": {
				"elective_admissions": 100000,
				"non_elective_admissions": 150000,
			},
			"performance": {
				"ae_12hr": {
					"plan": 90,
				},
			},
		},
		{
			"year": "2026/27",
			"basis": "plan",
			"finance": {
				"funding": {
					"recurrent_programme": 3000000,
					"non_recurrent_programme": 10000,
					"return_of_excess_surplus": 0,
					"running_cost": 30000,
					"total": 3040000,
				},
				"expenditure": {
					"acute": 1525000,
					"mental_health": 300000,
					"community": 244000,
					"continuing_healthcare": 122000,
					"primary_care_prescribing": 610000,
					"other_programme": 219000,
					"running_costs": 30000,
					"total": 3050000,
				},
				"qipp": {
					"identified": 12000,
					"unidentified": 0,
				},
				"surplus": {
					"in_year": 2000,
					"cumulative_brought_forward": 0,
					"cumulative_carried_forward": 2000,
				},
				"deficit_support": 0,
				"efficiency": {
					"planned": 63840,
					"cost_base": 3040000,
				},
			},
			"activity": {
				"elective_admissions": 103320,
				"non_elective_admissions": 154980,
			},
			"performance": {
				"rtt_18wk": {
					"plan": 70,
				},
				"cancer_fds_28d": {
					"plan": 80,
				},
				"cancer_31d": {
					"plan": 94,
				},
				"cancer_62d": {
					"plan": 80,
				},
				"diagnostics_6wk": {
					"plan": 14,
				},
				"ae_4hr": {
					"plan": 82,
				},
				"ae_12hr": {
					"plan": 91,
				},
				"cat2_mean_minutes": {
					"plan": 25,
				},
				"community_18wk": {
					"plan": 78,
				},
				"tt_reliable_recovery": {
					"plan": 51,
				},
				"tt_reliable_improvement": {
					"plan": 69,
				},
				"ld_inpatient_reduction": {
					"plan": 10,
				},
			},
		},
		{
			"year": "2027/28",
			"basis": "plan",
			"finance": {
				"funding": {
					"recurrent_programme": 3090000,
					"non_recurrent_programme": 10000,
					"return_of_excess_surplus": 0,
					"running_cost": 30000,
					"total": 3130000,
				},
				"expenditure": {
					"acute": 1570000,
					"mental_health": 309000,
					"community": 251200,
					"continuing_healthcare": 125600,
					"primary_care_prescribing": 628000,
					"other_programme": 226200,
					"running_costs": 30000,
					"total": 3140000,
				},
				"qipp": {
					"identified": 12000,
					"unidentified": 0,
				},
				"surplus": {
					"in_year": 2000,
					"cumulative_brought_forward": 2000,
					"cumulative_carried_forward": 4000,
				},
				"deficit_support": 0,
				"efficiency": {
					"planned": 65730,
					"cost_base": 3130000,
				},
			},
			"activity": {
				"elective_admissions": 106369,
				"non_elective_admissions": 159553,
			},
			"performance": {
				"rtt_18wk": {
					"plan": 80,
				},
				"cancer_fds_28d": {
					"plan": 80,
				},
				"cancer_31d": {
					"plan": 95,
				},
				"cancer_62d": {
					"plan": 82,
				},
				"diagnostics_6wk": {
					"plan": 7,
				},
				"ae_4hr": {
					"plan": 83,
				},
				"ae_12hr": {
					"plan": 92,
				},
				"cat2_mean_minutes": {
					"plan": 22,
				},
				"community_18wk": {
					"plan": 79,
				},
				"tt_reliable_recovery": {
					"plan": 52,
				},
				"tt_reliable_improvement": {
					"plan": 70,
				},
				"ld_inpatient_reduction": {
					"plan": 10,
				},
			},
		},
		{
			"year": "2028/29",
			"basis": "plan",
			"finance": {
				"funding": {
					"recurrent_programme": 3180000,
					"non_recurrent_programme": 10000,
					"return_of_excess_surplus": 0,
					"running_cost": 30000,
					"total": 3220000,
				},
				"expenditure": {
					"acute": 1615000,
					"mental_health": 318000,
					"community": 258400,
					"continuing_healthcare": 129200,
					"primary_care_prescribing": 646000,
					"other_programme": 233400,
					"running_costs": 30000,
					"total": 3230000,
				},
				"qipp": {
					"identified": 12000,
					"unidentified": 0,
				},
				"surplus": {
					"in_year": 2000,
					"cumulative_brought_forward": 4000,
					"cumulative_carried_forward": 6000,
				},
				"deficit_support": 0,
				"efficiency": {
					"planned": 67620,
					"cost_base": 3220000,
				},
			},
			"activity": {
				"elective_admissions": 109418,
				"non_elective_admissions": 164126,
			},
			"performance": {
				"rtt_18wk": {
					"plan": 92,
				},
				"cancer_fds_28d": {
					"plan": 80,
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
				"ae_4hr": {
					"plan": 85,
					"monthly": [
						85,
						85,
						85,
						85,
						85,
						85,
						85,
						85,
						85,
						85,
						85,
						85,
					],
				},
				"ae_12hr": {
					"plan": 93,
				},
				"cat2_mean_minutes": {
					"plan": 18,
				},
				"community_18wk": {
					"plan": 80,
				},
				"tt_reliable_recovery": {
					"plan": 53,
				},
				"tt_reliable_improvement": {
					"plan": 71,
				},
				"ld_inpatient_reduction": {
					"plan": 10,
				},
			},
		},
	],
	"risks": [
		{
			"description": "fixture risk",
			"rating": "amber",
			"mitigation": "fixture mitigation",
		},
	],
	"must_dos": [
		{
			"number": 1,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"rtt_18wk",
			],
		},
		{
			"number": 2,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"cancer_fds_28d",
			],
		},
		{
			"number": 3,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"cancer_31d",
				"cancer_62d",
			],
		},
		{
			"number": 4,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"diagnostics_6wk",
			],
		},
		{
			"number": 5,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"ae_4hr",
			],
		},
		{
			"number": 6,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"ae_12hr",
			],
		},
		{
			"number": 7,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"cat2_mean_minutes",
			],
		},
		{
			"number": 8,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
		},
		{
			"number": 9,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
		},
		{
			"number": 10,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
		},
		{
			"number": 11,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"community_18wk",
			],
		},
		{
			"number": 12,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
		},
		{
			"number": 13,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"tt_reliable_recovery",
				"tt_reliable_improvement",
			],
		},
		{
			"number": 14,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
		},
		{
			"number": 15,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"ld_inpatient_reduction",
			],
		},
	],
	"sign_off": {
		"governing_body_approved_on": "2026-02-10",
		"accountable_officer": "Chief Executive",
	},
}

trust := {
	"schema_version": "1",
	"submission": {
		"round": "2026-29",
		"status": "final",
		"submitted_on": "2026-02-12",
		"version": "fixture",
	},
	"organisation": {
		"code": "RXX",
		"name": "Fixture Hospitals NHS Foundation Trust",
		"type": "trust",
		"services": [
			"acute",
		],
	},
	"years": [
		{
			"year": "2025/26",
			"basis": "forecast_outturn",
			"finance": {
				"surplus": {
					"in_year": 0,
				},
				"deficit_support": 0,
				"pay": {
					"agency": 7000,
					"bank": 18000,
				},
				"efficiency": {
					"planned": 10500,
					"cost_base": 500000,
				},
			},
			"performance": {
				"ae_12hr": {
					"plan": 90,
				},
			},
		},
		{
			"year": "2026/27",
			"basis": "plan",
			"finance": {
				"surplus": {
					"in_year": 0,
				},
				"deficit_support": 0,
				"pay": {
					"agency": 4900,
					"bank": 16200,
				},
				"efficiency": {
					"planned": 10710,
					"cost_base": 510000,
				},
			},
			"performance": {
				"rtt_18wk": {
					"plan": 66,
					"baseline": 60,
				},
				"cancer_fds_28d": {
					"plan": 80,
				},
				"cancer_31d": {
					"plan": 94,
				},
				"cancer_62d": {
					"plan": 80,
				},
				"diagnostics_6wk": {
					"plan": 14,
				},
				"ae_4hr": {
					"plan": 82,
				},
				"ae_12hr": {
					"plan": 91,
				},
			},
		},
		{
			"year": "2027/28",
			"basis": "plan",
			"finance": {
				"surplus": {
					"in_year": 1000,
				},
				"deficit_support": 0,
				"pay": {
					"agency": 4500,
					"bank": 14580,
				},
				"efficiency": {
					"planned": 10920,
					"cost_base": 520000,
				},
			},
			"performance": {
				"rtt_18wk": {
					"plan": 80,
				},
				"cancer_fds_28d": {
					"plan": 80,
				},
				"cancer_31d": {
					"plan": 95,
				},
				"cancer_62d": {
					"plan": 82,
				},
				"diagnostics_6wk": {
					"plan": 7,
				},
				"ae_4hr": {
					"plan": 83,
				},
				"ae_12hr": {
					"plan": 92,
				},
			},
		},
		{
			"year": "2028/29",
			"basis": "plan",
			"finance": {
				"surplus": {
					"in_year": 2000,
				},
				"deficit_support": 0,
				"pay": {
					"agency": 4000,
					"bank": 13122,
				},
				"efficiency": {
					"planned": 11130,
					"cost_base": 530000,
				},
			},
			"performance": {
				"rtt_18wk": {
					"plan": 92,
				},
				"cancer_fds_28d": {
					"plan": 80,
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
				"ae_4hr": {
					"plan": 85,
					"monthly": [
						85,
						85,
						85,
						85,
						85,
						85,
						85,
						85,
						85,
						85,
						85,
						85,
					],
				},
				"ae_12hr": {
					"plan": 93,
				},
			},
		},
	],
	"risks": [
		{
			"description": "fixture risk",
			"rating": "amber",
			"mitigation": "fixture mitigation",
		},
	],
	"must_dos": [
		{
			"number": 1,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"rtt_18wk",
			],
		},
		{
			"number": 2,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"cancer_fds_28d",
			],
		},
		{
			"number": 3,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"cancer_31d",
				"cancer_62d",
			],
		},
		{
			"number": 4,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"diagnostics_6wk",
			],
		},
		{
			"number": 5,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"ae_4hr",
			],
		},
		{
			"number": 6,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"ae_12hr",
			],
		},
		{
			"number": 7,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"cat2_mean_minutes",
			],
		},
		{
			"number": 8,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
		},
		{
			"number": 9,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
		},
		{
			"number": 10,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
		},
		{
			"number": 11,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"community_18wk",
			],
		},
		{
			"number": 12,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
		},
		{
			"number": 13,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"tt_reliable_recovery",
				"tt_reliable_improvement",
			],
		},
		{
			"number": 14,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
		},
		{
			"number": 15,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2026-04-01",
					"status": "on_track",
				},
			],
			"metrics": [
				"ld_inpatient_reduction",
			],
		},
	],
	"sign_off": {
		"governing_body_approved_on": "2026-02-10",
		"accountable_officer": "Chief Executive",
	},
}

icb_2025 := {
	"schema_version": "1",
	"submission": {
		"round": "2025/26",
		"status": "final",
		"submitted_on": "2025-03-27",
		"version": "fixture",
	},
	"organisation": {
		"code": "QXX",
		"name": "NHS Fixture Integrated Care Board",
		"type": "icb",
		"population": 1000000,
	},
	"years": [
		{
			"year": "2024/25",
			"basis": "forecast_outturn",
			"finance": {
				"funding": {
					"recurrent_programme": 2900000,
					"non_recurrent_programme": 10000,
					"return_of_excess_surplus": 0,
					"running_cost": 30000,
					"total": 2940000,
				},
				"expenditure": {
					"acute": 1476000,
					"mental_health": 290000,
					"community": 236160,
					"continuing_healthcare": 118080,
					"primary_care_prescribing": 590400,
					"other_programme": 211360,
					"running_costs": 30000,
					"total": 2952000,
				},
				"qipp": {
					"identified": 12000,
					"unidentified": 0,
				},
				"surplus": {
					"in_year": 0,
					"cumulative_brought_forward": 0,
					"cumulative_carried_forward": 0,
				},
				"deficit_support": 0,
				"efficiency": {
					"planned": 61740,
					"cost_base": 2940000,
				},
			},
			"activity": {
				"elective_admissions": 100000,
				"non_elective_admissions": 150000,
			},
			"performance": {
				"ae_12hr": {
					"plan": 89,
				},
			},
		},
		{
			"year": "2025/26",
			"basis": "plan",
			"finance": {
				"funding": {
					"recurrent_programme": 3000000,
					"non_recurrent_programme": 10000,
					"return_of_excess_surplus": 0,
					"running_cost": 30000,
					"total": 3040000,
				},
				"expenditure": {
					"acute": 1525000,
					"mental_health": 300000,
					"community": 244000,
					"continuing_healthcare": 122000,
					"primary_care_prescribing": 610000,
					"other_programme": 219000,
					"running_costs": 30000,
					"total": 3050000,
				},
				"qipp": {
					"identified": 12000,
					"unidentified": 0,
				},
				"surplus": {
					"in_year": 2000,
					"cumulative_brought_forward": 0,
					"cumulative_carried_forward": 2000,
					"system_in_year": 0,
				},
				"deficit_support": 0,
				"efficiency": {
					"planned": 30400,
					"cost_base": 3040000,
				},
			},
			"activity": {
				"elective_admissions": 103320,
				"non_elective_admissions": 154980,
			},
			"performance": {
				"rtt_18wk": {
					"plan": 65,
				},
				"rtt_first_appt_18wk": {
					"plan": 72,
				},
				"rtt_52wk_share": {
					"plan": 0.9,
				},
				"cancer_62d": {
					"plan": 75,
				},
				"cancer_fds_28d": {
					"plan": 80,
				},
				"ae_4hr": {
					"plan": 78,
				},
				"ae_12hr": {
					"plan": 90,
				},
				"cat2_mean_minutes": {
					"plan": 30,
				},
				"ld_inpatient_reduction": {
					"plan": 10,
				},
			},
		},
	],
	"risks": [
		{
			"description": "fixture risk",
			"rating": "amber",
			"mitigation": "fixture mitigation",
		},
	],
	"must_dos": [
		{
			"number": 1,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2025-06-30",
					"status": "on_track",
				},
			],
			"metrics": [
				"rtt_18wk",
				"rtt_first_appt_18wk",
				"rtt_52wk_share",
				"cancer_62d",
				"cancer_fds_28d",
			],
		},
		{
			"number": 2,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2025-06-30",
					"status": "on_track",
				},
			],
			"metrics": [
				"ae_4hr",
				"ae_12hr",
				"cat2_mean_minutes",
			],
		},
		{
			"number": 3,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2025-06-30",
					"status": "on_track",
				},
			],
		},
		{
			"number": 4,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2025-06-30",
					"status": "on_track",
				},
			],
			"metrics": [
				"ld_inpatient_reduction",
			],
		},
		{
			"number": 5,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2025-06-30",
					"status": "on_track",
				},
			],
		},
		{
			"number": 6,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2025-06-30",
					"status": "on_track",
				},
			],
		},
		{
			"number": 7,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2025-06-30",
					"status": "on_track",
				},
			],
		},
	],
	"sign_off": {
		"governing_body_approved_on": "2025-03-25",
		"accountable_officer": "Chief Executive",
	},
}

trust_2025 := {
	"schema_version": "1",
	"submission": {
		"round": "2025/26",
		"status": "final",
		"submitted_on": "2025-03-27",
		"version": "fixture",
	},
	"organisation": {
		"code": "RXX",
		"name": "Fixture Hospitals NHS Foundation Trust",
		"type": "trust",
		"services": [
			"acute",
		],
	},
	"years": [
		{
			"year": "2024/25",
			"basis": "forecast_outturn",
			"finance": {
				"surplus": {
					"in_year": 0,
				},
				"deficit_support": 0,
				"pay": {
					"agency": 10000,
					"bank": 20000,
				},
				"efficiency": {
					"planned": 10500,
					"cost_base": 500000,
				},
			},
			"performance": {
				"ae_12hr": {
					"plan": 89,
				},
			},
		},
		{
			"year": "2025/26",
			"basis": "plan",
			"finance": {
				"surplus": {
					"in_year": 0,
					"control_total": 0,
				},
				"deficit_support": 0,
				"pay": {
					"agency": 7000,
					"bank": 18000,
				},
				"efficiency": {
					"planned": 20400,
					"cost_base": 510000,
				},
			},
			"performance": {
				"rtt_18wk": {
					"plan": 63,
					"baseline": 57,
				},
				"rtt_first_appt_18wk": {
					"plan": 72,
					"baseline": 66,
				},
				"rtt_52wk_share": {
					"plan": 0.8,
				},
				"cancer_62d": {
					"plan": 75,
				},
				"cancer_fds_28d": {
					"plan": 80,
				},
				"ae_4hr": {
					"plan": 78,
				},
				"ae_12hr": {
					"plan": 90,
				},
			},
		},
	],
	"risks": [
		{
			"description": "fixture risk",
			"rating": "amber",
			"mitigation": "fixture mitigation",
		},
	],
	"must_dos": [
		{
			"number": 1,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2025-06-30",
					"status": "on_track",
				},
			],
			"metrics": [
				"rtt_18wk",
				"rtt_first_appt_18wk",
				"rtt_52wk_share",
				"cancer_62d",
				"cancer_fds_28d",
			],
		},
		{
			"number": 2,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2025-06-30",
					"status": "on_track",
				},
			],
			"metrics": [
				"ae_4hr",
				"ae_12hr",
				"cat2_mean_minutes",
			],
		},
		{
			"number": 3,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2025-06-30",
					"status": "on_track",
				},
			],
		},
		{
			"number": 4,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2025-06-30",
					"status": "on_track",
				},
			],
			"metrics": [
				"ld_inpatient_reduction",
			],
		},
		{
			"number": 5,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2025-06-30",
					"status": "on_track",
				},
			],
		},
		{
			"number": 6,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2025-06-30",
					"status": "on_track",
				},
			],
		},
		{
			"number": 7,
			"summary": "fixture summary",
			"lead": "Director",
			"milestones": [
				{
					"description": "trajectory agreed",
					"due": "2025-06-30",
					"status": "on_track",
				},
			],
		},
	],
	"sign_off": {
		"governing_body_approved_on": "2025-03-25",
		"accountable_officer": "Chief Executive",
	},
}
