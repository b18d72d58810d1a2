package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWorkbookCommands: template, export, import and check on the command
// line. A shipped plan goes JSON -> workbook -> JSON unchanged; a directory
// holding workbooks and JSON is checked, a bad workbook giving verdict error
// (exit 2) with its file, sheet and cell while the others are still checked.
func TestWorkbookCommands(t *testing.T) {
	t.Chdir("../..")
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "blank.xlsx")
	if code, _, errOut := runIn(t, "", "template", "--round", "2016/17", "--type", "icb", "-o", tmpl); code != 0 {
		t.Fatalf("template: %d %s", code, errOut)
	}
	if code, _, errOut := runIn(t, "", "template", "-o", tmpl); code != 2 || !strings.Contains(errOut, "--round") {
		t.Errorf("template without a round: %d %s", code, errOut)
	}
	x := filepath.Join(dir, "batch", "06W.xlsx")
	if err := os.MkdirAll(filepath.Dir(x), 0o755); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runIn(t, "", "export", "plans/06W-2017-19.json", "-o", x); code != 0 {
		t.Fatalf("export: %d %s", code, errOut)
	}
	code, out, errOut := runIn(t, "", "import", x)
	if code != 0 {
		t.Fatalf("import: %d %s", code, errOut)
	}
	orig, err := os.ReadFile("plans/06W-2017-19.json")
	if err != nil {
		t.Fatal(err)
	}
	decode := func(s string) string {
		var v any
		dec := json.NewDecoder(strings.NewReader(s))
		dec.UseNumber() // figures exactly as written
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(v) // keys sorted
		return string(b)
	}
	if decode(string(orig)) != decode(out) {
		t.Error("import of the export is not the plan")
	}
	if out != string(orig) {
		t.Error("import of the export is not the plan's bytes")
	}

	bad, err := os.ReadFile("testdata/workbooks/invalid/text-in-money-cell.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "batch", "bad.xlsx"), bad, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "batch", "06W.json"), orig, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runIn(t, "", "check", "-o", "json", filepath.Join(dir, "batch"))
	if code != 2 {
		t.Errorf("check: exit %d, want 2: %s", code, errOut)
	}
	var rep struct {
		Results []struct {
			Plan     string
			Verdict  string
			Problems []struct{ Cell, Pointer, Message string }
			Findings []struct{ Cell, Pointer string }
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 3 {
		t.Fatalf("%d results, want 3", len(rep.Results))
	}
	for _, r := range rep.Results {
		switch filepath.Base(r.Plan) {
		case "bad.xlsx":
			if r.Verdict != "error" || len(r.Problems) != 1 || r.Problems[0].Cell != "Finance!D14" ||
				r.Problems[0].Pointer != "/years/1/finance/expenditure/acute" {
				t.Errorf("bad workbook: %+v", r)
			}
		case "06W.xlsx":
			if r.Verdict != "assured_with_conditions" || len(r.Findings) == 0 || r.Findings[0].Cell == "" {
				t.Errorf("workbook: %+v", r)
			}
		case "06W.json":
			if r.Verdict != "assured_with_conditions" || r.Findings[0].Cell != "" {
				t.Errorf("JSON: %+v", r)
			}
		}
	}
	code, _, errOut = runIn(t, "", "import", filepath.Join(dir, "batch", "bad.xlsx"))
	if code != 2 || !strings.Contains(errOut, "bad.xlsx: Finance!D14: /years/1/finance/expenditure/acute:") {
		t.Errorf("import of a bad workbook: %d %s", code, errOut)
	}
}
