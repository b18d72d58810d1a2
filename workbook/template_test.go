package workbook

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestTemplateFilledByAnotherWriter fills a template in with excelize alone,
// as a finance lead's own tooling would (numbers as float64, dates as times,
// no cached formula values), and imports it: totals are computed, figures
// and dates read back, the activity line with no breakdown is a number.
func TestTemplateFilledByAnotherWriter(t *testing.T) {
	tf, err := Template("2016/17", "ccg")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Bytes(tf)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytesReader(b))
	if err != nil {
		t.Fatal(err)
	}
	set := func(sheet, cell string, v any) {
		t.Helper()
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("Cover", "B6", "V1 draft")
	set("Cover", "B8", time.Date(2016, 4, 11, 0, 0, 0, 0, time.UTC))
	set("Cover", "B12", "08Q")
	set("Cover", "B13", "NHS Southwark CCG")
	set("Cover", "B17", 317000)
	for col, figures := range map[string][]float64{
		"C": {380100.5, 0, 0, 6100},
		"D": {394200.25, 2000, 0.1, 6000.2},
	} {
		for i, v := range figures {
			set("Finance", col+itoa(7+i), v)
		}
		for row := 14; row <= 20; row++ {
			set("Finance", col+itoa(row), 50000)
		}
	}
	set("Activity", "D5", 120000)
	set("Activity", "D6", 1500)
	set("Activity", "C5", 118000)
	set("Performance", "D4", 95)
	set("Risks", "A4", "Acute over-performance")
	set("Risks", "B4", "amber")
	set("Milestones", "A4", 1)
	set("Must-dos", "A4", 1)
	set("Must-dos", "B4", "Deliver the STP")
	set("Must-dos", "D4", "ae_4hr, rtt_18wk")
	set("Milestones", "B4", "STP agreed")
	set("Milestones", "C4", time.Date(2016, 6, 30, 0, 0, 0, 0, time.UTC))
	set("Milestones", "D4", "on_track")
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	res, err := Read(buf.Bytes(), Options{})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	get := func(ptr string) any {
		v, ok := getAt(res.Doc, tokens(ptr))
		if !ok {
			t.Fatalf("%s: missing", ptr)
		}
		return v
	}
	for ptr, want := range map[string]any{
		"/submission/round":                                "2016/17",
		"/submission/submitted_on":                         "2016-04-11",
		"/organisation/population":                         json.Number("317000"),
		"/years/0/year":                                    "2015/16",
		"/years/1/basis":                                   "plan",
		"/years/1/finance/funding/total":                   json.Number("402200.55"), // computed: no cached value
		"/years/0/finance/funding/total":                   json.Number("386200.5"),
		"/years/1/finance/expenditure/total":               json.Number("350000"),
		"/years/1/finance/funding/non_recurrent_programme": json.Number("2000"),
		"/years/0/activity/gp_referrals":                   json.Number("118000"),
		"/years/1/activity/gp_referrals/plan":              json.Number("120000"),
		"/years/1/activity/gp_referrals/growth":            json.Number("1500"),
		"/years/1/performance/ae_4hr/plan":                 json.Number("95"),
		"/must_dos/0/milestones/0/due":                     "2016-06-30",
		"/must_dos/0/metrics/1":                            "rtt_18wk",
		"/risks/0/rating":                                  "amber",
	} {
		if got := get(ptr); !equal(got, want) {
			t.Errorf("%s = %s, want %s", ptr, jsonText(got), jsonText(want))
		}
	}
	for _, ptr := range []string{"/years/0/finance/surplus/in_year", "/years/0/finance/surplus/cumulative_carried_forward"} {
		if got := get(ptr); !equal(got, json.Number("36200.5")) { // 386200.5 - 350000, nothing brought forward
			t.Errorf("%s = %s, want 36200.5", ptr, jsonText(got))
		}
	}
	// The blank template: its totals are formulas over empty lines, no figures.
	blank, err := Read(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := getAt(blank.Doc, tokens("/years/0/finance")); ok {
		t.Errorf("a blank template gives finance figures: %s", jsonText(blank.Doc))
	}
	if got := res.CellOf("/years/1/finance/funding/total"); got != "Finance!D11" {
		t.Errorf("cell of the total = %q", got)
	}
}

func TestTemplateYears(t *testing.T) {
	def, err := LayoutFor("default")
	if err != nil {
		t.Fatal(err)
	}
	for round, want := range map[string]string{
		"2019/20": "2018/19 forecast_outturn, 2019/20 plan",
		"2019-21": "2018/19 forecast_outturn, 2019/20 plan, 2020/21 plan",
		"2099-01": "2098/99 forecast_outturn, 2099/00 plan, 2100/01 plan",
		"2017-19": "2016/17 forecast_outturn, 2017/18 plan, 2018/19 plan", // the round's own layout
		"next":    "2016/17 forecast_outturn, 2017/18 plan, 2018/19 plan", // the default layout's
	} {
		l, _ := LayoutFor(round)
		if l == nil {
			l = def
		}
		var got []string
		for _, y := range templateYears(round, l) {
			got = append(got, y.Year+" "+y.Basis)
		}
		if g := strings.Join(got, ", "); g != want {
			t.Errorf("%s: %s, want %s", round, g, want)
		}
	}
	if _, err := Template("2017-19", "hospital"); err == nil {
		t.Error("an unknown organisation type is accepted")
	}
}

// TestTemplateType: the organisation type asked for is the one the template
// writes, icb and trust included.
func TestTemplateType(t *testing.T) {
	for _, typ := range []string{"icb", "trust"} {
		f, err := Template("2026-29", typ)
		if err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
		got, err := f.GetCellValue(coverSheet, "B14")
		f.Close()
		if err != nil || got != typ {
			t.Errorf("template --type %s writes organisation type %q (%v)", typ, got, err)
		}
	}
}
