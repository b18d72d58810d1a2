package server_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	legacyrouter "github.com/getkin/kin-openapi/routers/legacy"
	"github.com/google/go-cmp/cmp"
	"github.com/invopop/jsonschema"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/server"
)

var update = flag.Bool("update", false, "rewrite openapi.json")

// openAPIDoc builds the OpenAPI 3.0 description: the paths below, and the
// schemas of the report and catalogue reflected from the Go types, as in
// docs/schema, with their definitions under components/schemas.
func openAPIDoc(t *testing.T) []byte {
	t.Helper()
	schemas := map[string]any{
		"Error": map[string]any{
			"type": "object", "required": []string{"error"}, "additionalProperties": false,
			"properties": map[string]any{"error": map[string]any{"type": "string"}},
		},
	}
	for _, v := range []any{&engine.Report{}, &engine.Catalogue{}} {
		s := (&jsonschema.Reflector{Mapper: enumMapper}).Reflect(v)
		b, err := json.Marshal(s.Definitions)
		if err != nil {
			t.Fatal(err)
		}
		b = bytes.ReplaceAll(b, []byte(`"#/$defs/`), []byte(`"#/components/schemas/`))
		var defs map[string]any
		if err := json.Unmarshal(b, &defs); err != nil {
			t.Fatal(err)
		}
		for name, d := range defs {
			schemas[name] = openAPI30(d)
		}
	}
	ref := func(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }
	jsonBody := func(desc string, schema any) map[string]any {
		return map[string]any{"description": desc, "content": map[string]any{"application/json": map[string]any{"schema": schema}}}
	}
	errorBody := func(desc string) map[string]any { return jsonBody(desc, ref("Error")) }
	plan := map[string]any{"type": "object", "description": "a plan submission, plan-format v1 (engine/plan.schema.json)"}
	doc := map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{
			"title":   "planassure",
			"version": engine.SchemaVersion,
			"description": "Checks NHS commissioning plans against the planning guidance's business rules " +
				"and answers with the assurance report. Plans are held in memory only.",
			"license": map[string]any{"name": "MIT"},
		},
		"paths": map[string]any{
			"/v1/check": map[string]any{"post": map[string]any{
				"operationId": "check",
				"summary":     "Check a plan, an array of plans, or uploaded plan files",
				"requestBody": map[string]any{"required": true, "content": map[string]any{
					"application/json": map[string]any{"schema": map[string]any{"oneOf": []any{plan,
						map[string]any{"type": "array", "minItems": 1, "items": plan}}}},
					"multipart/form-data": map[string]any{"schema": map[string]any{"type": "object",
						"properties": map[string]any{"plans": map[string]any{"type": "array",
							"items": map[string]any{"type": "string", "format": "binary"}}}}},
				}},
				"responses": map[string]any{
					"200": jsonBody("the report: every plan's verdict and findings", ref("Report")),
					"400": errorBody("an empty body or array"),
					"413": errorBody("the body is larger than the server's limit"),
					"415": errorBody("neither application/json nor multipart/form-data"),
					"503": errorBody("the server is busy or the evaluation timed out"),
				},
			}},
			"/v1/rules": map[string]any{"get": map[string]any{
				"operationId": "rules",
				"summary":     "The rule catalogue: every rule and its thresholds per planning round",
				"responses":   map[string]any{"200": jsonBody("the catalogue", ref("Catalogue"))},
			}},
			"/healthz": map[string]any{"get": map[string]any{
				"operationId": "healthz",
				"summary":     "Liveness",
				"responses": map[string]any{"200": map[string]any{"description": "ok",
					"content": map[string]any{"text/plain": map[string]any{"schema": map[string]any{"type": "string"}}}}},
			}},
			"/openapi.json": map[string]any{"get": map[string]any{
				"operationId": "openapi",
				"summary":     "This description",
				"responses":   map[string]any{"200": jsonBody("the OpenAPI description", map[string]any{"type": "object"})},
			}},
		},
		"components": map[string]any{"schemas": schemas},
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// enumMapper gives the string types with a closed set of values their enum,
// as docs/schema does.
func enumMapper(t reflect.Type) *jsonschema.Schema {
	enum := func(vs ...any) *jsonschema.Schema { return &jsonschema.Schema{Type: "string", Enum: vs} }
	switch t {
	case reflect.TypeOf(engine.Severity("")):
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

// openAPI30 turns a JSON Schema of the reflector into OpenAPI 3.0's dialect:
// a property that may hold any value is {} rather than true.
func openAPI30(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if k == "properties" {
				props := e.(map[string]any)
				for name, p := range props {
					if p == true {
						props[name] = map[string]any{}
					}
				}
			}
			x[k] = openAPI30(e)
		}
	case []any:
		for i, e := range x {
			x[i] = openAPI30(e)
		}
	}
	return v
}

// TestOpenAPIUpToDate fails when openapi.json is not what the Go types give.
func TestOpenAPIUpToDate(t *testing.T) {
	got := openAPIDoc(t)
	if *update {
		if err := os.WriteFile("openapi.json", got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(string(server.OpenAPI()), string(got)); diff != "" {
		t.Errorf("openapi.json is stale (go test ./server -run TestOpenAPIUpToDate -update, then rebuild):\n%s", diff)
	}
}

// TestOpenAPIDescribesResponses serves the description, checks it is valid
// OpenAPI, and validates real responses of every operation against it.
func TestOpenAPIDescribesResponses(t *testing.T) {
	ts := newServer(t, server.Config{MaxBody: 1 << 20})
	resp, body := do(t, "GET", ts.URL+"/openapi.json", "", nil)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("GET /openapi.json: status %d, %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(body)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(loader.Context); err != nil {
		t.Fatalf("not a valid OpenAPI description: %v", err)
	}
	router, err := legacyrouter.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	plan := readPlan(t, planFiles[0])
	for _, tc := range []struct {
		method, path, contentType string
		body                      []byte
		status                    int
	}{
		{"POST", "/v1/check", "application/json", plan, 200},
		{"POST", "/v1/check", "application/json", append(append([]byte("["), plan...), ']'), 200},
		{"POST", "/v1/check", "application/json", []byte(`{"format": `), 200},
		{"POST", "/v1/check", "application/json", []byte(`[]`), 400},
		{"POST", "/v1/check", "application/xml", []byte(`<plan/>`), 415},
		{"POST", "/v1/check", "application/json", bytes.Repeat([]byte(" "), 2<<20), 413},
		{"GET", "/v1/rules", "", nil, 200},
		{"GET", "/healthz", "", nil, 200},
		{"GET", "/openapi.json", "", nil, 200},
	} {
		t.Run(tc.method+" "+tc.path+" "+http.StatusText(tc.status), func(t *testing.T) {
			resp, got := do(t, tc.method, ts.URL+tc.path, tc.contentType, bytes.NewReader(tc.body))
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %.300s", resp.StatusCode, tc.status, got)
			}
			req, err := http.NewRequest(tc.method, ts.URL+tc.path, bytes.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			route, params, err := router.FindRoute(req)
			if err != nil {
				t.Fatalf("%s %s is not in the description: %v", tc.method, tc.path, err)
			}
			in := &openapi3filter.ResponseValidationInput{
				RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
				Status:                 resp.StatusCode,
				Header:                 resp.Header,
				Body:                   io.NopCloser(bytes.NewReader(got)),
				Options:                &openapi3filter.Options{IncludeResponseStatus: true},
			}
			if err := openapi3filter.ValidateResponse(t.Context(), in); err != nil {
				t.Errorf("the response does not match the description: %v", firstLine(err.Error()))
			}
		})
	}
}

func firstLine(s string) string {
	if i := strings.Index(s, "\n"); i > 0 && i < 2000 {
		return s[:i] + " ..."
	}
	return s
}
