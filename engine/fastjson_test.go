package engine

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"
)

// slowDecode is the token-by-token decoder without the fast path.
func slowDecode(data []byte) (any, error) {
	d := &decoder{data: data, dec: json.NewDecoder(bytes.NewReader(data)), maxDepth: MaxDepth}
	d.dec.UseNumber()
	return d.value(0, nil)
}

func corpus(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, pattern := range []string{"../plans/*.json", "../testdata/plans/*.json", "../testdata/plans/*/*.json"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out[f] = b
		}
	}
	for name, s := range map[string]string{
		"escapes": `{"a\"b": "x\u00e9\n", "c~d/e": [1, -0.5, 1e3, true, false, null, {}, []]}`,
		"dup":     `{"a": 1, "a": 2}`, "trailing": `{"a": 1} x`, "comma": `{"a": 1,}`, "num": `{"a": 01}`,
		"ctrl": "{\"a\": \"x\ty\"}", "open": `{"a": [1, 2`, "deep": `[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`,
		"badesc": `{"a": "\x"}`, "lonekey": `{"a"}`, "frac": `[1.]`, "exp": `[1e]`, "minus": `[-]`,
	} {
		out[name] = []byte(s)
	}
	if len(out) < 15 {
		t.Fatal("no corpus")
	}
	return out
}

// The fast parser gives the slow decoder's value for every document it accepts,
// and refuses every document the slow decoder refuses.
func TestParseFastAgreesWithDecoder(t *testing.T) {
	for name, data := range corpus(t) {
		if !utf8.Valid(data) {
			continue // refused before either parser runs
		}
		want, werr := slowDecode(data)
		got, ok := parseFast(data, MaxDepth)
		if werr != nil || !validTail(data) {
			if ok && werr != nil {
				t.Errorf("%s: fast path accepts what the decoder refuses (%v)", name, werr)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: fast path refuses a valid document", name)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: values differ", name)
		}
	}
}

func validTail(data []byte) bool {
	var v any
	return json.Unmarshal(data, &v) == nil
}

// The line index gives LineOf's line for every pointer of a document, and for
// pointers below them that do not exist.
func TestLineIndexAgreesWithLineOf(t *testing.T) {
	for name, data := range corpus(t) {
		x := newLineIndex(data)
		if !x.ok {
			continue
		}
		n := 0
		for ptr := range x.offsets {
			for _, p := range []string{ptr, ptr + "/missing", ptr + "/0/x"} {
				if got, want := x.line(p), LineOf(data, p); got != want {
					t.Errorf("%s: line(%q) = %d, LineOf = %d", name, p, got, want)
				}
			}
			if n++; n > 100 {
				break
			}
		}
	}
}
