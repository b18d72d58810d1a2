package workbook

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// oddPlan has what the sheets cannot show as such: x_ fields at every level,
// decimals with trailing zeros, figures of 30 digits, text that looks like a
// formula or a number, empty strings, a must-do number given twice, an empty
// list, a null and a boolean, eleven months, an activity line {plan} alone.
const oddPlan = `{
  "schema_version": "1",
  "x_top": {"nested": [1, "two", true, null]},
  "submission": {"round": "2017-19", "version": "=SUM(A1)", "status": "draft", "submitted_on": "2017-02-30", "x_by": "  spaced  "},
  "organisation": {"code": "06W", "name": "", "type": "ccg", "population": 1.50, "x_note": "0123"},
  "years": [
    {"year": "2016/17", "basis": "forecast_outturn",
     "finance": {"funding": {"recurrent_programme": 246000.50, "non_recurrent_programme": -0.000000000000000000000000000001,
                             "running_cost": 123456789012345678901234567890, "total": 1, "x_f": 2},
                 "expenditure": {"acute": 10.10, "mental_health": 0.1, "community": 0.2, "continuing_healthcare": 0,
                                 "primary_care_prescribing": 0, "other_programme": 0, "running_costs": 0, "total": 10.40},
                 "qipp": {"schemes": [{"name": "A", "saving": 1.000}, {"name": "", "saving": 2}]}},
     "activity": {"gp_referrals": {"plan": 100}, "other_referrals": 7, "ae_attendances": {"plan": 5, "growth": -1}},
     "performance": {"ae_4hr": {"plan": 95.00, "monthly": [1,2,3,4,5,6,7,8,9,10,11]}, "rtt_18wk": {"plan": "92"}},
     "x_year": "kept"},
    {"year": "2017/18", "basis": "plan", "performance": {"ae_4hr": {"plan": 91.0, "monthly": [1,2,3,4,5,6,7,8,9,10,11,12.50], "recovery_plan": "R"}}}
  ],
  "must_dos": [
    {"number": 4, "summary": "first", "metrics": [], "milestones": [{"description": "m1", "due": "2017-03-31", "status": "on_track"}]},
    {"number": 4, "summary": "second", "metrics": ["ae_4hr", "a,b"], "milestones": [{"description": "m2", "due": "2017-13-01", "status": "odd", "x_m": 1}]}
  ],
  "risks": [{"description": "r", "rating": "red"}, {"x_only": true}],
  "sign_off": {"accountable_officer": "AO"},
  "notes": ["one", "", "  "]
}`

func TestRoundTripOddPlan(t *testing.T) {
	doc, res, _ := exportImport(t, []byte(oddPlan))
	for _, d := range diffs("", doc, res.Doc, nil) {
		t.Errorf("%s: plan %s, workbook gives %s", d.Pointer, jsonText(d.Want), jsonText(d.Got))
	}
	// the figures the cells hold, exactly
	for ptr, want := range map[string]string{
		"/years/0/finance/funding/recurrent_programme": "246000.50",
		"/years/0/finance/funding/running_cost":        "123456789012345678901234567890",
		"/years/0/finance/expenditure/acute":           "10.10",
		"/years/0/finance/expenditure/total":           "10.40",
	} {
		if got, _ := getAt(res.Doc, tokens(ptr)); got != json.Number(want) {
			t.Errorf("%s = %v, want %s", ptr, got, want)
		}
	}
	if res.CellOf("/years/0/finance/expenditure/acute") != "Finance!C14" || res.CellOf("/x_top") != "Other fields!C"+rowOf(t, res, "/x_top") {
		t.Errorf("cells: %q %q", res.CellOf("/years/0/finance/expenditure/acute"), res.CellOf("/x_top"))
	}
}

func rowOf(t *testing.T, res *Result, ptr string) string {
	c := res.Cells[ptr]
	return strings.TrimPrefix(c, "Other fields!C")
}

// TestEditedCellWins: a value kept on the hidden sheet gives way to the cell
// a finance lead edited since the export.
func TestEditedCellWins(t *testing.T) {
	data, err := os.ReadFile("../plans/06W-2017-19.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := DecodeJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	doc["must_dos"].([]any)[0].(map[string]any)["metrics"] = []any{} // kept on the hidden sheet
	x, err := Export(doc)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Bytes(x)
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	_ = f.SetCellStr("Must-dos", "D4", "ae_4hr")
	_ = f.SetCellValue("Finance", "D14", 140000.5)
	buf, _ := f.WriteToBuffer()
	res, err := Read(buf.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := getAt(res.Doc, tokens("/must_dos/0/metrics")); jsonText(got) != `["ae_4hr"]` {
		t.Errorf("metrics = %s, want the edited cell", jsonText(got))
	}
	if got, _ := getAt(res.Doc, tokens("/years/1/finance/expenditure/acute")); got != json.Number("140000.5") {
		t.Errorf("acute = %v", got)
	}
	// untouched: still as the plan had it
	if got, _ := getAt(res.Doc, tokens("/must_dos/1/metrics")); !equal(got, doc["must_dos"].([]any)[1].(map[string]any)["metrics"]) {
		t.Errorf("must-do 2 metrics = %s", jsonText(got))
	}
}

// TestCachedTotalsExact: a total cached as binary floating point gives it
// (Excel's 3000.0000000000291 for 244500.3-244000.3+2500) is read as the
// exact sum of its lines; a cached total far from its lines (a workbook not
// recalculated) is kept as cached; an edited formula is computed.
func TestCachedTotalsExact(t *testing.T) {
	data, err := os.ReadFile("../plans/06W-2017-19.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := DecodeJSON(data)
	x, err := Export(doc)
	if err != nil {
		t.Fatal(err)
	}
	set := func(cell string, v any) {
		if err := x.SetCellValue("Finance", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("D7", 240000.1)
	set("D8", 500)
	set("D9", 0)
	set("D10", 4000.2)
	// D11 = D7+D8+D9+D10 = 244500.3; cache it as floating point has it
	_ = x.SetCellDefault("Finance", "D11", "244500.30000000002")
	_ = x.SetCellFormula("Finance", "D11", "D7+D8+D9+D10")
	// E11: a cached figure far from its lines: kept
	_ = x.SetCellDefault("Finance", "E11", "1")
	_ = x.SetCellFormula("Finance", "E11", "E7+E8+E9+E10")
	// C21: a formula of the finance lead's own, with a SUM and a range
	_ = x.SetCellValue("Finance", "C21", nil)
	_ = x.SetCellFormula("Finance", "C21", "SUM(C14:C19)+$C$20")
	b, _ := Bytes(x)
	res, err := Read(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for ptr, want := range map[string]string{
		"/years/1/finance/funding/total":     "244500.3",
		"/years/2/finance/funding/total":     "1",
		"/years/0/finance/expenditure/total": jsonText(doc["years"].([]any)[0].(map[string]any)["finance"].(map[string]any)["expenditure"].(map[string]any)["total"]),
	} {
		if got, _ := getAt(res.Doc, tokens(ptr)); jsonText(got) != want {
			t.Errorf("%s = %s, want %s", ptr, jsonText(got), want)
		}
	}
}
