package workbook

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// shippedPlans are the example plans of the repository.
func shippedPlans(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob("../plans/*.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no shipped plans: %v", err)
	}
	return paths
}

// exportImport writes a plan into a workbook and reads it back.
func exportImport(t *testing.T, data []byte) (map[string]any, *Result, []byte) {
	t.Helper()
	doc, err := DecodeJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Export(doc)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	xlsx, err := Bytes(f)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Read(xlsx, Options{})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return doc, res, xlsx
}

func TestRoundTripShippedPlans(t *testing.T) {
	for _, p := range shippedPlans(t) {
		t.Run(filepath.Base(p), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			doc, res, _ := exportImport(t, data)
			if ds := diffs("", doc, res.Doc, nil); len(ds) > 0 {
				for _, d := range ds {
					t.Errorf("%s: plan %s, workbook gives %s", d.Pointer, jsonText(d.Want), jsonText(d.Got))
				}
			}
			// JSON text again, to compare as a consumer would: parsed with
			// json.Number, every figure exactly as written.
			out, err := res.JSON()
			if err != nil {
				t.Fatal(err)
			}
			again, err := DecodeJSON(out)
			if err != nil {
				t.Fatal(err)
			}
			if !equal(doc, again) {
				t.Errorf("the imported JSON differs from the plan")
			}
		})
	}
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

func itoa(i int) string { return strconv.Itoa(i) }
