package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestJSONOutputsMatchSchemas validates what the CLI writes as JSON (the
// report of every shipped plan and an unreadable one, the rule catalogue, a
// diff, a diff of an added plan) against the checked-in schemas.
func TestJSONOutputsMatchSchemas(t *testing.T) {
	t.Chdir("../..")
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"format": `), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		schema string
		args   []string
	}{
		{"report", []string{"check", "--format", "json", "plans", bad}},
		{"report", []string{"check", "--format", "json", "--waivers", "testdata/waivers/waivers.yaml", "--as-of", "2017-06-30", "plans"}},
		{"catalogue", []string{"rules", "--format", "json"}},
		{"diff", []string{"diff", "-o", "json", "plans/06W-2017-19.json", "plans/99X-2017-19-deficit.json"}},
		{"diff", []string{"diff", "-o", "json", os.DevNull, "plans/06W-2017-19.json"}},
	} {
		t.Run(tc.schema+" "+strings.Join(tc.args, " "), func(t *testing.T) {
			_, out, errOut := runIn(t, "", tc.args...)
			if out == "" {
				t.Fatalf("no output; stderr %q", errOut)
			}
			if !strings.Contains(out, `"schema_version": "1"`) {
				t.Error("no schema_version")
			}
			f, err := os.Open(filepath.Join("docs", "schema", tc.schema+".schema.json"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			doc, err := jsonschema.UnmarshalJSON(f)
			if err != nil {
				t.Fatal(err)
			}
			c := jsonschema.NewCompiler()
			if err := c.AddResource("schema.json", doc); err != nil {
				t.Fatal(err)
			}
			s, err := c.Compile("schema.json")
			if err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(inst); err != nil {
				t.Errorf("not valid against %s.schema.json: %v", tc.schema, err)
			}
		})
	}
}
