package output_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/planassure/planassure/engine"
)

// repWorkbook is a workbook's report: its finding and its problem carry the
// sheet and cell they come from, and no line.
var repWorkbook = engine.Report{
	Rules: []engine.Rule{{ID: "finance.contingency", Area: "finance", Title: "Contingency of at least 0.5%", Severity: engine.SeverityError, Guidance: "Norwich p15"}},
	Results: []engine.Result{
		{Plan: "plans/b.xlsx", Organisation: "00B", Name: "NHS B CCG", Round: "2017-19", Verdict: engine.VerdictNotAssured, Errors: 1,
			Findings: []engine.Finding{{Rule: "finance.contingency", Title: "Contingency of at least 0.5%", Severity: engine.SeverityError,
				Message: "2017/18: contingency 100 is below the 0.5% required (1227.5)", Pointer: "/years/1/finance/reserves/contingency",
				Cell: "Finance!D30", Expected: json.Number("1227.5"), Actual: json.Number("100"), Guidance: "Norwich p15"}},
			Rules: []engine.RuleOutcome{{Rule: "finance.contingency", Outcome: engine.OutcomeFailed}}},
		{Plan: "plans/c.xlsx", Verdict: engine.VerdictError, Findings: []engine.Finding{},
			Problems: []engine.Problem{{Pointer: "/years/1/finance/expenditure/acute", Cell: "Finance!D14", Message: `"about 140 million" is text, not a number`}}},
	},
	Totals: map[engine.Verdict]int{engine.VerdictNotAssured: 1, engine.VerdictError: 1},
}

// TestFormatsShowCell: every format shows a workbook's cell beside the
// pointer; SARIF as a logical location and a property, valid to the schema.
func TestFormatsShowCell(t *testing.T) {
	for _, name := range []string{"table", "json", "sarif", "html", "markdown", "junit"} {
		out := string(render(t, name, repWorkbook))
		for _, cell := range []string{"Finance!D30", "Finance!D14"} {
			if !strings.Contains(out, cell) {
				t.Errorf("%s: no %s in the output", name, cell)
			}
		}
	}
	out := render(t, "sarif", repWorkbook)
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					Logical []struct {
						FullyQualifiedName string `json:"fullyQualifiedName"`
						Kind               string `json:"kind"`
					} `json:"logicalLocations"`
				} `json:"locations"`
				Properties map[string]any `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results[0]
	if res.Properties["cell"] != "Finance!D30" {
		t.Errorf("SARIF properties: %v", res.Properties)
	}
	logical := res.Locations[0].Logical
	if len(logical) != 2 || logical[1].FullyQualifiedName != "Finance!D30" || logical[1].Kind != "element" {
		t.Errorf("SARIF logical locations: %+v", logical)
	}
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("SARIF with cells does not match the schema: %v", err)
	}
}
