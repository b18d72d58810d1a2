package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// referenceDecode is what decodeJSON accepts, written with encoding/json
// (UseNumber) for the tests: one JSON document, no duplicate key, no object or
// array opened at depth maxDepth, every number acceptable to checkNumber, no
// BOM, UTF-8 text. It reports whether data is accepted, and its value.
func referenceDecode(data []byte, maxDepth int) (any, bool) {
	if len(bytes.TrimSpace(data)) == 0 || bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) || !utf8.Valid(data) {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var value func(depth int) (any, bool)
	value = func(depth int) (any, bool) {
		tok, err := dec.Token()
		if err != nil {
			return nil, false
		}
		switch tok := tok.(type) {
		case json.Delim:
			if depth >= maxDepth {
				return nil, false
			}
			if tok == '[' {
				arr := []any{}
				for dec.More() {
					v, ok := value(depth + 1)
					if !ok {
						return nil, false
					}
					arr = append(arr, v)
				}
				_, err := dec.Token()
				return arr, err == nil
			}
			obj := map[string]any{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, false
				}
				key := kt.(string)
				if _, dup := obj[key]; dup {
					return nil, false
				}
				v, ok := value(depth + 1)
				if !ok {
					return nil, false
				}
				obj[key] = v
			}
			_, err := dec.Token()
			return obj, err == nil
		case json.Number:
			return tok, checkNumber(tok) == nil
		default:
			return tok, true
		}
	}
	v, ok := value(0)
	if !ok {
		return nil, false
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, false
	}
	var check any // the document is also valid for json.Unmarshal
	if json.Unmarshal(data, &check) != nil {
		return nil, false
	}
	return v, true
}

// agrees reports how decodeJSON and referenceDecode disagree on data, if they do.
func agrees(data []byte) string {
	got, err := decodeJSON(data)
	want, ok := referenceDecode(data, MaxDepth)
	switch {
	case err != nil && ok:
		return "refused a valid document: " + err.Error()
	case err == nil && !ok:
		return "accepted what encoding/json (or a limit) refuses"
	case err == nil && !reflect.DeepEqual(got, want):
		return "values differ"
	case err != nil:
		var pe *Error
		if !errors.As(err, &pe) {
			return "the error is not a *Error"
		}
		if pe.Line == 0 && len(bytes.TrimSpace(data)) > 0 {
			return "the error names no line: " + err.Error()
		}
	}
	return ""
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
		"dup":     `{"a": 1, "a": 2}`, "dupesc": `{"a": 1, "\u0061": 2}`, "trailing": `{"a": 1} x`, "comma": `{"a": 1,}`, "num": `{"a": 01}`,
		"ctrl": "{\"a\": \"x\ty\"}", "open": `{"a": [1, 2`, "deep": strings.Repeat("[", 65) + "1" + strings.Repeat("]", 65),
		"deep64": strings.Repeat("[", 64) + "1" + strings.Repeat("]", 64),
		"badesc": `{"a": "\x"}`, "lonekey": `{"a"}`, "frac": `[1.]`, "exp": `[1e]`, "minus": `[-]`,
		"surrogate": `["\ud800", "\ud83d\ude00", "\udc00\u0041"]`, "two": `{} {}`, "scalar": `"x"`,
	} {
		out[name] = []byte(s)
	}
	if len(out) < 15 {
		t.Fatal("no corpus")
	}
	return out
}

// decodeJSON accepts exactly what encoding/json reads as one document within
// the limits, with the same value, and words every refusal with a line.
func TestDecodeJSONAgreesWithEncodingJSON(t *testing.T) {
	for name, data := range corpus(t) {
		if msg := agrees(data); msg != "" {
			t.Errorf("%s: %s", name, msg)
		}
	}
}

func TestDecodeJSONErrors(t *testing.T) {
	const hint = ": check the punctuation on this line or the one before (a missing or extra comma, quote or bracket; JSON has no comments)"
	const cut = "invalid JSON: the file ends before the plan does: it may have been cut short; export or copy it again"
	for _, tc := range []struct{ in, want string }{
		{"{\n  // c\n}", ":2: invalid JSON: invalid character '/'" + hint},
		{"{\"a\": 1,\n  'b': 2}", ":2: invalid JSON: invalid character '\\'' looking for beginning of object key string" + hint},
		{"{\"a\": 1,\n}", ":2: invalid JSON: invalid character '}' looking for beginning of object key string" + hint},
		{"{\"a\": 1\n \"b\": 2}", ":2: invalid JSON: invalid character '\"' after object key:value pair" + hint},
		{"{\"a\"\n 1}", ":2: invalid JSON: invalid character '1' after object key" + hint},
		{"{\"a\":\n NaN}", ":2: /a: invalid JSON: invalid character 'N' looking for beginning of value" + hint},
		{"{\"a\":\n “b”}", ":2: /a: invalid JSON: invalid character '“' looking for beginning of value" + hint},
		{"{1: 2}", ":1: invalid JSON: invalid character '1'" + hint},
		{"[NaN]", ":1: /0: invalid JSON: invalid character 'N' looking for beginning of value" + hint},
		{"{\"m\": [1, 2,\n Infinity]}", ":2: /m/2: invalid JSON: invalid character 'I' looking for beginning of value" + hint},
		{"[{\"a\": [1]}, .5]", ":1: /1: invalid JSON: invalid character '.' looking for beginning of value" + hint},
		{"[1\n 2]", ":2: invalid JSON: invalid character '2' after array element" + hint},
		{"[1,\n]", ":2: invalid JSON: invalid character ']' looking for beginning of value" + hint},
		{"[1}", ":1: invalid JSON: invalid character '}' after array element" + hint},
		{"{\"a\": 1]", ":1: invalid JSON: invalid character ']' after object key:value pair" + hint},
		{"]", ":1: invalid JSON: invalid character ']' looking for beginning of value" + hint},
		{"{\"a\": 01}", ":1: invalid JSON: invalid character '1' after object key:value pair" + hint},
		{"{\"a\":\n [1.]}", ":2: /a/0: invalid JSON: invalid character ']' in number (expecting digit)" + hint},
		{"{\"a\": tru}", ":1: /a: invalid JSON: invalid character '}' in literal true (expecting 'e')" + hint},
		{"{\"a\": \"x\\qy\"}", ":1: /a: invalid JSON: invalid escape sequence `\\q` in string" + hint},
		{"{\"a\":\n \"x\ty\"}", ":2: /a: invalid JSON: invalid character '\\t' in string (expecting non-control character)" + hint},
		{"{\"a\": [1, 2", ":1: " + cut},
		{"{\"a\":\n \"x", ":2: " + cut},
		{"{\n", ":2: " + cut},
		{"1.5e", ":1: " + cut},
		{"{\"a\": 1}\n\n x", ":3: unexpected content after the end of the plan: a file holds one plan; remove what follows its closing }"},
		{"{} {}", ":1: unexpected content after the end of the plan: a file holds one plan; remove what follows its closing }"},
		{"{\"a\": {\"b~/\": 1,\n \"b~/\": 2}}", `:2: /a/b~0~1: duplicate key "b~/": each field may appear once`},
		{"{\"a\": 1, \"\\u0061\": 2}", `:1: /a: duplicate key "a": each field may appear once`},
		{"{\"a\": [0,\n 1e3]}", ":2: /a/1: 1e3 is written with an exponent (e): write the figure in plain digits, e.g. 1500 not 1.5e3"},
		{"{\"a\":\n" + strings.Repeat("[", 64) + strings.Repeat("]", 64) + "}",
			":2: /a" + strings.Repeat("/0", 63) + ": nested more than 64 levels deep: this is not a plan submission (a plan is at most six levels deep)"},
		{"\xef\xbb\xbf{}", ":1: the file starts with a byte order mark (BOM): save it as UTF-8 without BOM"},
		{"{\n\"a\": \"\xff\"}", ":2: the file is not UTF-8 text (byte 8): save or export the plan as JSON in UTF-8 (a spreadsheet or PDF cannot be read)"},
		{" \n ", ": the file is empty: expected a JSON plan submission"},
	} {
		_, err := decodeJSON([]byte(tc.in))
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("%q: err = %v, want a *Error", tc.in, err)
			continue
		}
		if got := pe.Error(); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// A --max-depth beyond what jsontext reads is refused at jsontext's depth, in
// the same words.
func TestDecodeJSONDepthBeyondJSONText(t *testing.T) {
	deep := func(n int) []byte { return []byte(strings.Repeat("[", n) + strings.Repeat("]", n)) }
	if _, err := decodeJSONDepth(deep(jsontextMaxDepth), 2*jsontextMaxDepth); err != nil {
		t.Errorf("%d levels: %v", jsontextMaxDepth, err)
	}
	_, err := decodeJSONDepth(deep(jsontextMaxDepth+1), 2*jsontextMaxDepth)
	if err == nil || !strings.Contains(err.Error(), "nested more than 10000 levels deep") {
		t.Errorf("%d levels: %.200v", jsontextMaxDepth+1, err)
	}
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
		for _, ptr := range x.pointers() {
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

// pointers is the pointer of every value in the index.
func (x *lineIndex) pointers() []string {
	parent := make(map[int32]lineKey, len(x.children))
	for k, child := range x.children {
		parent[child] = k
	}
	var path func(node int32) string
	path = func(node int32) string {
		if node == 0 {
			return ""
		}
		k := parent[node]
		return path(k.parent) + "/" + escapeToken(k.token)
	}
	ptrs := make([]string, len(x.offsets))
	for node := range ptrs {
		ptrs[node] = path(int32(node))
	}
	return ptrs
}

// BenchmarkDecodeJSON is the decoding part of BenchmarkReadPlan alone.
func BenchmarkDecodeJSON(b *testing.B) {
	data, err := os.ReadFile("../plans/06W-2017-19.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := decodeJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLineIndex builds the line index of a plan and looks up one pointer.
func BenchmarkLineIndex(b *testing.B) {
	data, err := os.ReadFile("../plans/06W-2017-19.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if Lines(data)("/years/1/finance/funding/total") == 0 {
			b.Fatal("no line")
		}
	}
}

// BenchmarkLineOf finds the line of one pointer without an index.
func BenchmarkLineOf(b *testing.B) {
	data, err := os.ReadFile("../plans/06W-2017-19.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if LineOf(data, "/years/1/finance/funding/total") == 0 {
			b.Fatal("no line")
		}
	}
}
