package output_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/invopop/jsonschema"
	sjson "github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/engine/output"
)

// schemaDir holds the JSON Schemas of the JSON documents planassure writes,
// generated from the Go types (go test ./engine/output -update rewrites them).
const schemaDir = "../../docs/schema"

// documents are the JSON documents and the Go types they are written from.
var documents = []struct {
	name string
	v    any
}{
	{"report", &engine.Report{}},
	{"catalogue", &engine.Catalogue{}},
	{"diff", &engine.PlanDiff{}},
}

// Schema is the JSON Schema of the document written from v.
func schemaOf(t *testing.T, name string, v any) []byte {
	t.Helper()
	r := jsonschema.Reflector{Mapper: enumMapper}
	s := r.Reflect(v)
	s.ID = jsonschema.ID("https://github.com/planassure/planassure/docs/schema/" + name + ".schema.json")
	s.Title = "planassure " + name + " (schema_version " + engine.SchemaVersion + ")"
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// enumMapper gives the string types with a closed set of values their enum.
func enumMapper(t reflect.Type) *jsonschema.Schema {
	enum := func(vs ...any) *jsonschema.Schema { return &jsonschema.Schema{Type: "string", Enum: vs} }
	switch t {
	case reflect.TypeOf(engine.Severity("")):
		// "" where a finding leaves the rule's default (never in a report)
		return enum(string(engine.SeverityError), string(engine.SeverityWarning))
	case reflect.TypeOf(engine.Outcome("")):
		return enum(string(engine.OutcomePassed), string(engine.OutcomeFailed), string(engine.OutcomeNotApplicable))
	case reflect.TypeOf(engine.Verdict("")):
		var vs []any
		for _, v := range engine.Verdicts {
			vs = append(vs, string(v))
		}
		return enum(append(vs, string(engine.VerdictAbsent))...)
	}
	return nil
}

// TestSchemasUpToDate fails when a checked-in schema is not what the Go types give.
func TestSchemasUpToDate(t *testing.T) {
	for _, d := range documents {
		got := schemaOf(t, d.name, d.v)
		path := filepath.Join(schemaDir, d.name+".schema.json")
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s is stale (go test ./engine/output -update):\n%s", path, diff)
		}
	}
}

// compileSchema compiles a checked-in schema.
func compileSchema(t *testing.T, name string) *sjson.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join(schemaDir, name+".schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := sjson.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := sjson.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(name+".schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name + ".schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// ValidateJSON validates a document against a checked-in schema.
func validateJSON(t *testing.T, name string, doc []byte) {
	t.Helper()
	inst, err := sjson.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if err := compileSchema(t, name).Validate(inst); err != nil {
		t.Errorf("not valid against %s.schema.json: %v", name, err)
	}
}

// TestReportsMatchSchema validates the JSON reports against report.schema.json,
// and a document without schema_version against none.
func TestReportsMatchSchema(t *testing.T) {
	for _, r := range []engine.Report{rep, repWaived} {
		var buf bytes.Buffer
		if err := output.JSON(&buf, r); err != nil {
			t.Fatal(err)
		}
		validateJSON(t, "report", buf.Bytes())
	}
	inst, _ := sjson.UnmarshalJSON(bytes.NewReader([]byte(`{"rules": [], "results": [], "totals": {}}`)))
	if compileSchema(t, "report").Validate(inst) == nil {
		t.Error("a report without schema_version passes the schema")
	}
}
