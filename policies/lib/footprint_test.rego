package planassure.lib.footprint_test

import data.planassure.lib.footprint
import data.planassure.lib.footprint_fixture_test as fixtures

test_label_names_members_and_codes if {
	footprint.label("R0A") == "Fixture Acute NHS FT (R0A)" with input as fixtures.footprint
	footprint.label("RZZ") == "RZZ" with input as fixtures.footprint
}

test_stf_counts_system_level_lines if {
	year := {"year": "2020/21", "basis": "plan", "adjustments": [
		{"description": "Indicative STF", "sector": "nhs", "amount": 37000, "stf": true},
		{"description": "Provider do nothing", "sector": "provider", "amount": -93967},
	]}
	footprint.has_stf(year)
	footprint.stf(year) == 37000
	t := footprint.totals(2, year) with input as fixtures.footprint
	t.nhs == -56967
}

test_no_years_on_a_plan if {
	ys := footprint.years with input as {"organisation": {"type": "ccg"}, "footprint": {"years": [{"year": "2017/18"}]}}
	ys == {}
}
