package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// This file is the fast path of reading a plan and of reporting a finding: a
// byte-level JSON parser for documents that are valid (any problem falls back
// to the token-by-token decoder in decode.go, which words the error), a
// one-pass index of the line of every value for the findings of a plan, and a
// direct walk over the evaluation result instead of a JSON round trip.

// parseFast parses data as exactly one JSON document: objects as
// map[string]any, arrays as []any, numbers as json.Number, strings, booleans
// and nil. It reports false for anything decodeJSON would refuse (a syntax
// error, a duplicate key, nesting deeper than maxDepth, trailing content) and
// for anything it is unsure of, so that the slow path gives the error.
func parseFast(data []byte, maxDepth int) (any, bool) {
	p := &fastParser{data: data, maxDepth: maxDepth}
	p.space()
	v, ok := p.value(0)
	if !ok {
		return nil, false
	}
	p.space()
	return v, p.i == len(p.data)
}

type fastParser struct {
	data     []byte
	i        int
	maxDepth int
}

func (p *fastParser) space() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\r', '\n':
			p.i++
		default:
			return
		}
	}
}

func (p *fastParser) value(depth int) (any, bool) {
	if p.i >= len(p.data) {
		return nil, false
	}
	switch c := p.data[p.i]; {
	case c == '{':
		if depth >= p.maxDepth {
			return nil, false
		}
		p.i++
		obj := map[string]any{}
		p.space()
		if p.i < len(p.data) && p.data[p.i] == '}' {
			p.i++
			return obj, true
		}
		for {
			p.space()
			key, ok := p.string()
			if !ok {
				return nil, false
			}
			if _, dup := obj[key]; dup {
				return nil, false
			}
			p.space()
			if p.i >= len(p.data) || p.data[p.i] != ':' {
				return nil, false
			}
			p.i++
			p.space()
			v, ok := p.value(depth + 1)
			if !ok {
				return nil, false
			}
			obj[key] = v
			p.space()
			if p.i >= len(p.data) {
				return nil, false
			}
			switch p.data[p.i] {
			case ',':
				p.i++
			case '}':
				p.i++
				return obj, true
			default:
				return nil, false
			}
		}
	case c == '[':
		if depth >= p.maxDepth {
			return nil, false
		}
		p.i++
		arr := []any{}
		p.space()
		if p.i < len(p.data) && p.data[p.i] == ']' {
			p.i++
			return arr, true
		}
		for {
			p.space()
			v, ok := p.value(depth + 1)
			if !ok {
				return nil, false
			}
			arr = append(arr, v)
			p.space()
			if p.i >= len(p.data) {
				return nil, false
			}
			switch p.data[p.i] {
			case ',':
				p.i++
			case ']':
				p.i++
				return arr, true
			default:
				return nil, false
			}
		}
	case c == '"':
		return p.string()
	case c == 't':
		return true, p.literal("true")
	case c == 'f':
		return false, p.literal("false")
	case c == 'n':
		return nil, p.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	}
	return nil, false
}

func (p *fastParser) literal(s string) bool {
	if bytes.HasPrefix(p.data[p.i:], []byte(s)) {
		p.i += len(s)
		return true
	}
	return false
}

// string reads a JSON string at p.i. Strings with escapes are unquoted by
// encoding/json; control characters are refused (the slow path words it).
func (p *fastParser) string() (string, bool) {
	if p.i >= len(p.data) || p.data[p.i] != '"' {
		return "", false
	}
	start := p.i
	escaped := false
	for j := p.i + 1; j < len(p.data); j++ {
		switch c := p.data[j]; {
		case c == '\\':
			escaped = true
			j++ // the escaped character; \uXXXX is checked by json.Unmarshal
		case c == '"':
			p.i = j + 1
			if !escaped {
				return string(p.data[start+1 : j]), true
			}
			var s string
			if err := json.Unmarshal(p.data[start:j+1], &s); err != nil {
				return "", false
			}
			return s, true
		case c < 0x20:
			return "", false
		}
	}
	return "", false
}

// number reads a JSON number (RFC 8259 grammar) as a json.Number.
func (p *fastParser) number() (any, bool) {
	d, start := p.data, p.i
	i := p.i
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && d[i] >= '1' && d[i] <= '9':
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	default:
		return nil, false
	}
	if i < len(d) && d[i] == '.' {
		i++
		if i >= len(d) || d[i] < '0' || d[i] > '9' {
			return nil, false
		}
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if i >= len(d) || d[i] < '0' || d[i] > '9' {
			return nil, false
		}
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	}
	p.i = i
	n := json.Number(d[start:i])
	if checkNumber(n) != nil {
		return nil, false // the slow path says what is wrong with the figure
	}
	return n, true
}

// lineIndex is the line of every value of a valid JSON document, by pointer:
// built in one pass the first time a plan's finding needs a line, instead of
// re-reading the document for each finding.
type lineIndex struct {
	offsets map[string]int // RFC 6901 pointer -> byte offset (a member: its key)
	lines   []int          // byte offsets of each '\n'
	ok      bool
}

func newLineIndex(data []byte) *lineIndex {
	x := &lineIndex{offsets: map[string]int{}}
	for i, c := range data {
		if c == '\n' {
			x.lines = append(x.lines, i)
		}
	}
	p := &fastParser{data: data, maxDepth: MaxDepth}
	p.space()
	x.offsets[""] = p.i
	x.ok = x.walk(p, "", 0)
	p.space()
	x.ok = x.ok && p.i == len(data)
	return x
}

// walk records the offset of every member and element below the value at p.i.
func (x *lineIndex) walk(p *fastParser, ptr string, depth int) bool {
	if p.i >= len(p.data) || depth > MaxDepth {
		return false
	}
	switch p.data[p.i] {
	case '{', '[':
		obj := p.data[p.i] == '{'
		p.i++
		closing := byte(']')
		if obj {
			closing = '}'
		}
		p.space()
		if p.i < len(p.data) && p.data[p.i] == closing {
			p.i++
			return true
		}
		for n := 0; ; n++ {
			p.space()
			start := p.i
			var child string
			if obj {
				key, ok := p.string()
				if !ok {
					return false
				}
				child = ptr + "/" + escapeToken(key)
				p.space()
				if p.i >= len(p.data) || p.data[p.i] != ':' {
					return false
				}
				p.i++
				p.space()
			} else {
				child = ptr + "/" + strconv.Itoa(n)
			}
			if _, dup := x.offsets[child]; dup {
				return false // a duplicate key: not a valid plan
			}
			x.offsets[child] = start
			if !x.walk(p, child, depth+1) {
				return false
			}
			p.space()
			switch {
			case p.i >= len(p.data):
				return false
			case p.data[p.i] == ',':
				p.i++
			case p.data[p.i] == closing:
				p.i++
				return true
			default:
				return false
			}
		}
	case '"':
		_, ok := p.string()
		return ok
	default:
		_, ok := p.value(depth)
		return ok
	}
}

// line is LineOf(data, pointer) for the document the index was built from:
// the line of the value at pointer, or of its deepest existing parent.
func (x *lineIndex) line(pointer string) int {
	ptr := pointerOf(splitPointer(pointer))
	for {
		if off, ok := x.offsets[ptr]; ok {
			return sort.SearchInts(x.lines, off) + 1
		}
		if ptr == "" {
			return 0
		}
		ptr = ptr[:strings.LastIndexByte(ptr, '/')]
	}
}

var tokenEscaper = strings.NewReplacer("~", "~0", "/", "~1")

func escapeToken(s string) string {
	if strings.ContainsAny(s, "~/") {
		return tokenEscaper.Replace(s)
	}
	return s
}

// lines returns a function giving the line of a pointer in data: the one-pass
// index when data parses, else LineOf.
func lines(data []byte) func(string) int {
	var x *lineIndex
	return func(pointer string) int {
		if x == nil {
			x = newLineIndex(data)
		}
		if !x.ok {
			return LineOf(data, pointer)
		}
		return x.line(pointer)
	}
}

// naEntry is one element of data.main.not_applicable.
type naEntry struct {
	Rule string
	Msg  string
}

// readResult reads data.main's value as returned by the evaluation (maps,
// slices, json.Number, strings, bools) without a JSON round trip. Values are
// as a round trip would give them; a field of the wrong type is an error.
func readResult(v any) ([]entry, []naEntry, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, nil, fmt.Errorf("the result is a %T, not an object", v)
	}
	var deny []entry
	if d, ok := m["deny"]; ok && d != nil {
		list, ok := d.([]any)
		if !ok {
			return nil, nil, errors.New("deny is not a set")
		}
		deny = make([]entry, 0, len(list))
		for _, x := range list {
			o, ok := x.(map[string]any)
			if !ok {
				return nil, nil, fmt.Errorf("a finding is a %T, not an object", x)
			}
			var e entry
			for _, f := range []struct {
				name string
				to   *string
			}{{"rule", &e.Rule}, {"msg", &e.Msg}, {"pointer", &e.Pointer}, {"severity", &e.Severity}} {
				if s, ok := o[f.name]; ok && s != nil {
					if *f.to, ok = s.(string); !ok {
						return nil, nil, fmt.Errorf("finding field %s is a %T, not a string", f.name, s)
					}
				}
			}
			e.Expected, e.Actual = o["expected"], o["actual"]
			deny = append(deny, e)
		}
	}
	var na []naEntry
	if d, ok := m["not_applicable"]; ok && d != nil {
		list, ok := d.([]any)
		if !ok {
			return nil, nil, errors.New("not_applicable is not a set")
		}
		for _, x := range list {
			o, ok := x.(map[string]any)
			if !ok {
				return nil, nil, fmt.Errorf("a not-applicable entry is a %T, not an object", x)
			}
			var n naEntry
			for _, f := range []struct {
				name string
				to   *string
			}{{"rule", &n.Rule}, {"msg", &n.Msg}} {
				if s, ok := o[f.name]; ok && s != nil {
					if *f.to, ok = s.(string); !ok {
						return nil, nil, fmt.Errorf("not-applicable field %s is a %T, not a string", f.name, s)
					}
				}
			}
			na = append(na, n)
		}
	}
	return deny, na, nil
}
