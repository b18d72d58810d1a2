package plan

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecodeJSON is TestDecodeJSONAgreesWithEncodingJSON on any input: the
// decoder never panics; what it accepts, encoding/json (UseNumber) reads as one
// document with the same value, without a duplicate key, within the depth and
// figure limits; what it refuses, encoding/json or a limit refuses too, and
// the error is a *Error naming a line. The line index reads every document
// the decoder accepts and gives LineOf's lines.
func FuzzDecodeJSON(f *testing.F) {
	for _, pattern := range []string{"../plans/*.json", "../testdata/plans/invalid/*.json"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	for _, s := range []string{
		`{"a": [1, 2.50, -0.0, 1e3, "\u00e9\n", true, null, {}], "b": {"c": "d"}}`,
		`{"a": 1, "a": 2}`, `{"a": 1, "\u0061": 2}`, `{"a": {"b": 1, "b": 2}}`,
		`["\ud800", "\udc00\u0041", "\ud83d\ude00"]`, `{"a": 1,}`, `[1 2]`, `{} {}`, "\"x\"\n\n1",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if msg := agrees(data); msg != "" {
			t.Fatalf("%s: %q", msg, data)
		}
		if _, err := decodeJSON(data); err != nil {
			_ = LineOf(data, "/a/0")
			return
		}
		// The line index reads what the decoder accepts, and agrees with LineOf.
		x := newLineIndex(data)
		if !x.ok {
			t.Fatalf("the line index refuses what the decoder accepts: %q", data)
		}
		n := 0
		for _, ptr := range x.pointers() {
			if got, want := x.line(ptr+"/x"), LineOf(data, ptr+"/x"); got != want {
				t.Fatalf("line(%q) = %d, LineOf = %d: %q", ptr+"/x", got, want, data)
			}
			if n++; n > 20 {
				break
			}
		}
	})
}
