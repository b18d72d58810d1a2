package workbook

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead reads any bytes as a workbook: the reader never panics, and it
// either gives a plan with a cell for every field it read or refuses with
// an *Error or Errors. Seeds: each shipped plan exported, a template, and the
// bad-workbook corpus.
func FuzzRead(f *testing.F) {
	for _, p := range shippedPlans(f) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		doc, err := DecodeJSON(data)
		if err != nil {
			f.Fatal(err)
		}
		x, err := Export(doc)
		if err != nil {
			f.Fatal(err)
		}
		b, err := Bytes(x)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	if t, err := Template("2016/17", "ccg"); err == nil {
		if b, err := Bytes(t); err == nil {
			f.Add(b)
		}
	}
	bad, _ := filepath.Glob("../testdata/workbooks/invalid/*.xlsx")
	for _, p := range bad {
		if data, err := os.ReadFile(p); err == nil && len(data) < 100<<10 {
			f.Add(data)
		}
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Read(data, Options{MaxFileSize: 1 << 20})
		if err != nil {
			var e *Error
			var es Errors
			if !errors.As(err, &e) && !errors.As(err, &es) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if err.Error() == "" {
				t.Fatal("an empty error")
			}
			return
		}
		if res.Doc == nil {
			t.Fatal("no document and no error")
		}
		if _, err := res.JSON(); err != nil {
			t.Fatalf("the document does not encode: %v", err)
		}
	})
}
