package plan_test

import (
	"strings"
	"testing"

	"github.com/planassure/planassure/plan"
)

const footprintDoc = `{
  "schema_version": "1",
  "submission": {"round": "2016/17", "status": "draft", "submitted_on": "2016-10-21"},
  "organisation": {"type": "stp", "code": "E54000099", "name": "Fixture"},
  "footprint": {
    "members": [{"code": "00X", "name": "NHS Fixture CCG", "type": "ccg"}],
    "years": [{"year": "2016/17", "basis": "plan", "members": [{"code": "00X", "surplus_after_stf": 0}]}]
  }
}`

// TestReadFootprint: the document says which kind it is; each kind keeps its
// own required parts.
func TestReadFootprint(t *testing.T) {
	p, err := plan.ReadJSON("fp.json", []byte(footprintDoc), 0)
	if err != nil {
		t.Fatalf("a footprint document without years: %v", err)
	}
	if !p.IsFootprint() || p.Organisation != "E54000099" {
		t.Errorf("IsFootprint %v, organisation %q", p.IsFootprint(), p.Organisation)
	}
	tests := []struct{ name, from, to, want string }{
		{"stp without footprint", `"footprint": {`, `"x_footprint": {`, `/footprint: required field "footprint" is missing`},
		{"ccg with footprint", `"type": "stp"`, `"type": "ccg"`, `/years: required field "years" is missing`},
		{"member_plans in a file", `"schema_version": "1",`, `"schema_version": "1", "member_plans": [],`, "member_plans is filled in by planassure"},
		{"no plan year", `"basis": "plan"`, `"basis": "outturn"`, `/footprint/years: no plan year`},
		{"member twice", `[{"code": "00X", "name"`, `[{"code": "00X", "name": "A", "type": "ccg"}, {"code": "00X", "name"`, "member 00X appears twice"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := strings.Replace(footprintDoc, tc.from, tc.to, 1)
			if doc == footprintDoc {
				t.Fatal("the test changed nothing")
			}
			_, err := plan.ReadJSON("fp.json", []byte(doc), 0)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}
