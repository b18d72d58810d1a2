package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxDepth is the deepest nesting of objects and arrays a plan may have. A plan
// submission is at most six levels deep; anything far deeper is not a plan.
const MaxDepth = 64

// decodeJSON reads exactly one JSON document from data. Numbers stay exact
// (json.Number), duplicate object keys and trailing content are errors, and
// nesting deeper than MaxDepth is refused. Errors are *PlanError without Path.
func decodeJSON(data []byte) (any, error) { return decodeJSONDepth(data, MaxDepth) }

// decodeJSONDepth is decodeJSON refusing nesting deeper than maxDepth.
func decodeJSONDepth(data []byte, maxDepth int) (any, error) {
	if len(data) == 0 || len(bytes.TrimSpace(data)) == 0 {
		return nil, &PlanError{Err: errors.New("the file is empty: expected a JSON plan submission")}
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return nil, &PlanError{Line: 1, Err: errors.New("the file starts with a byte order mark (BOM): save it as UTF-8 without BOM")}
	}
	if !utf8.Valid(data) {
		off := invalidUTF8Offset(data)
		return nil, &PlanError{Line: lineAt(data, off), Err: fmt.Errorf("the file is not UTF-8 text (byte %d): save or export the plan as JSON in UTF-8 (a spreadsheet or PDF cannot be read)", off)}
	}
	if v, ok := parseFast(data, maxDepth); ok {
		return v, nil // a valid document; anything else takes the slow path, which words the error
	}
	d := &decoder{data: data, dec: json.NewDecoder(bytes.NewReader(data)), maxDepth: maxDepth}
	d.dec.UseNumber()
	v, err := d.value(0, nil)
	if err != nil {
		return nil, err
	}
	if _, err := d.dec.Token(); !errors.Is(err, io.EOF) {
		off := d.dec.InputOffset()
		return nil, &PlanError{Line: lineAt(data, int(off)), Err: errors.New("unexpected content after the end of the plan: a file holds one plan; remove what follows its closing }")}
	}
	return v, nil
}

type decoder struct {
	data     []byte
	dec      *json.Decoder
	maxDepth int
}

func (d *decoder) syntaxError(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &PlanError{Line: lineAt(d.data, int(se.Offset)), Err: fmt.Errorf("invalid JSON: %s: check the punctuation on this line or the one before "+
			"(a missing or extra comma, quote or bracket; JSON has no comments)", se.Error())}
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &PlanError{Line: lineAt(d.data, len(d.data)), Err: errors.New("invalid JSON: the file ends before the plan does: it may have been cut short; export or copy it again")}
	}
	return &PlanError{Err: fmt.Errorf("invalid JSON: %w", err)}
}

func (d *decoder) value(depth int, path []string) (any, error) {
	start := d.dec.InputOffset()
	tok, err := d.dec.Token()
	if err != nil {
		return nil, d.syntaxError(err)
	}
	delim, ok := tok.(json.Delim)
	if !ok {
		if n, isNum := tok.(json.Number); isNum {
			if err := checkNumber(n); err != nil {
				return nil, &PlanError{Pointer: pointerOf(path), Line: lineAt(d.data, skipSpace(d.data, int(start))), Err: err}
			}
		}
		return tok, nil
	}
	if depth >= d.maxDepth {
		return nil, &PlanError{Pointer: pointerOf(path), Line: lineAt(d.data, int(start)),
			Err: fmt.Errorf("nested more than %d levels deep: this is not a plan submission (a plan is at most six levels deep)", d.maxDepth)}
	}
	switch delim {
	case '{':
		obj := map[string]any{}
		for d.dec.More() {
			keyStart := d.dec.InputOffset()
			kt, err := d.dec.Token()
			if err != nil {
				return nil, d.syntaxError(err)
			}
			key, ok := kt.(string)
			if !ok {
				return nil, d.syntaxError(fmt.Errorf("object key is not a string"))
			}
			child := append(path[:len(path):len(path)], key)
			if _, dup := obj[key]; dup {
				return nil, &PlanError{Pointer: pointerOf(child), Line: lineAt(d.data, skipSpace(d.data, int(keyStart))),
					Err: fmt.Errorf("duplicate key %q: each field may appear once", key)}
			}
			v, err := d.value(depth+1, child)
			if err != nil {
				return nil, err
			}
			obj[key] = v
		}
		if _, err := d.dec.Token(); err != nil {
			return nil, d.syntaxError(err)
		}
		return obj, nil
	default: // '['
		arr := []any{}
		for i := 0; d.dec.More(); i++ {
			v, err := d.value(depth+1, append(path[:len(path):len(path)], strconv.Itoa(i)))
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		if _, err := d.dec.Token(); err != nil {
			return nil, d.syntaxError(err)
		}
		return arr, nil
	}
}

// pointerOf renders reference tokens as an RFC 6901 JSON pointer.
func pointerOf(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(t))
	}
	return b.String()
}

// splitPointer parses an RFC 6901 JSON pointer into its reference tokens.
func splitPointer(p string) []string {
	if p == "" {
		return nil
	}
	parts := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, s := range parts {
		parts[i] = strings.NewReplacer("~1", "/", "~0", "~").Replace(s)
	}
	return parts
}

// lineAt is the 1-based line of byte offset off in data.
func lineAt(data []byte, off int) int {
	if off > len(data) {
		off = len(data)
	}
	if off < 0 {
		off = 0
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

func skipSpace(data []byte, off int) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

func invalidUTF8Offset(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// LineOf returns the line of the value at pointer in the JSON document data, or
// of its deepest existing parent when the value is absent (a missing figure is
// reported at the object that should hold it). It returns 0 when data is not JSON.
func LineOf(data []byte, pointer string) int {
	want := splitPointer(pointer)
	l := &locator{data: data, dec: json.NewDecoder(bytes.NewReader(data)), want: want, best: -1}
	_ = l.value(0, true, 0)
	if l.best < 0 {
		return 0
	}
	return lineAt(data, l.best)
}

type locator struct {
	data      []byte
	dec       *json.Decoder
	want      []string
	best      int
	bestDepth int
	done      bool
}

var errFound = errors.New("found")

func (l *locator) value(depth int, match bool, start int) error {
	if match && depth >= l.bestDepth {
		l.best, l.bestDepth = skipSpace(l.data, start), depth
		if depth == len(l.want) {
			return errFound
		}
	}
	tok, err := l.dec.Token()
	if err != nil {
		return err
	}
	delim, ok := tok.(json.Delim)
	if !ok {
		return nil
	}
	if depth > MaxDepth {
		return errors.New("too deep")
	}
	for i := 0; l.dec.More(); i++ {
		start := int(l.dec.InputOffset())
		name := strconv.Itoa(i)
		if delim == '{' {
			kt, err := l.dec.Token()
			if err != nil {
				return err
			}
			name, _ = kt.(string)
		}
		m := match && depth < len(l.want) && l.want[depth] == name
		if err := l.value(depth+1, m, start); err != nil {
			return err
		}
	}
	_, err = l.dec.Token()
	return err
}
