package engine

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"
)

// FuzzFastParserAgreesWithDecoder is TestParseFastAgreesWithDecoder on any
// input: whatever the byte-level parser accepts, the token decoder accepts
// too, with the same value. (The fast parser may refuse more: the decoder then
// reads the document and words any error.)
func FuzzFastParserAgreesWithDecoder(f *testing.F) {
	for _, pattern := range []string{"../plans/*.json", "../testdata/plans/invalid/*.json"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte(`{"a": [1, 2.50, -0.0, 1e3, "\u00e9\n", true, null, {}], "b": {"c": "d"}}`))
	f.Add([]byte(`{"a": 1, "a": 2}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return // refused before either parser runs
		}
		fast, ok := parseFast(data, MaxDepth)
		if !ok {
			return
		}
		slow, err := slowDecode(data)
		if err != nil || !validTail(data) {
			t.Fatalf("the fast parser accepted what the decoder refuses (%v): %q", err, data)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("the parsers disagree on %q:\nfast %#v\nslow %#v", data, fast, slow)
		}
	})
}
