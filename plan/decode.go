package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// MaxDepth is the deepest nesting of objects and arrays a plan may have. A plan
// submission is at most six levels deep; anything far deeper is not a plan.
const MaxDepth = 64

// decodeJSON reads exactly one JSON document from data. Numbers stay exact
// (json.Number), duplicate object keys and trailing content are errors, and
// nesting deeper than MaxDepth is refused. Errors are *Error without Path.
func decodeJSON(data []byte) (any, error) { return decodeJSONDepth(data, MaxDepth) }

// decodeJSONDepth is decodeJSON refusing nesting deeper than maxDepth.
//
// The tokens come from jsontext (github.com/go-json-experiment/json), which
// checks the grammar; this file builds the value, refuses what a plan may not
// hold (a duplicate key, found in the map being built; too deep; a figure
// checkNumber refuses) and words every refusal for whoever exported the plan.
func decodeJSONDepth(data []byte, maxDepth int) (any, error) {
	if len(data) == 0 || len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{Err: errors.New("the file is empty: expected a JSON plan submission")}
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return nil, &Error{Line: 1, Err: errors.New("the file starts with a byte order mark (BOM): save it as UTF-8 without BOM")}
	}
	if !utf8.Valid(data) {
		off := invalidUTF8Offset(data)
		return nil, &Error{Line: lineAt(data, off), Err: fmt.Errorf("the file is not UTF-8 text (byte %d): save or export the plan as JSON in UTF-8 (a spreadsheet or PDF cannot be read)", off)}
	}
	d := &decoder{data: data, maxDepth: min(maxDepth, jsontextMaxDepth),
		// The whole file is UTF-8 (checked above); an escaped UTF-16 surrogate
		// that is not one of a pair (\ud800) reads as U+FFFD, as in encoding/json.
		dec: jsontext.NewDecoder(bytes.NewBuffer(data), jsontext.AllowInvalidUTF8(true), jsontext.AllowDuplicateNames(true))}
	v, err := d.value(0, wantTop)
	if err != nil {
		return nil, err
	}
	end := int(d.dec.InputOffset())
	if _, err := d.dec.ReadToken(); err != io.EOF {
		return nil, &Error{Line: lineAt(data, skipWhite(data, end)), Err: errors.New("unexpected content after the end of the plan: a file holds one plan; remove what follows its closing }")}
	}
	return v, nil
}

// jsontextMaxDepth is the deepest nesting jsontext reads: a larger maxDepth
// (--max-depth) is refused at this depth, in the same words.
const jsontextMaxDepth = 10000

type decoder struct {
	data     []byte
	dec      *jsontext.Decoder
	maxDepth int
	// the members of the open objects (keys and vals) and the elements of
	// the open arrays (vals), innermost last
	keys []string
	vals []any
}

// linearMembers is the number of members up to which a duplicate name is
// looked for among the names read; from it, in a map.
const linearMembers = 16

// members moves the members of the object being read, from kbase and vbase
// on the stacks, to a map with room for size.
func (d *decoder) members(kbase, vbase, size int) map[string]any {
	obj := make(map[string]any, size)
	for i, k := range d.keys[kbase:] {
		obj[k] = d.vals[vbase+i]
	}
	clear(d.keys[kbase:])
	clear(d.vals[vbase:])
	d.keys, d.vals = d.keys[:kbase], d.vals[:vbase]
	return obj
}

// want is what the decoder expects to read next; it words a syntax error.
type want int

const (
	wantTop         want = iota // the document
	wantMemberValue             // a ':' and the value of a member
	wantFirstMember             // the first member of an object, or its '}'
	wantNextMember              // a ',' and a member, or the '}'
	wantFirstElem               // the first element of an array, or its ']'
	wantNextElem                // a ',' and an element, or the ']'
)

// value reads the value that starts with the next token, which is one of w.
func (d *decoder) value(depth int, w want) (any, error) {
	if d.dec.PeekKind() == '"' {
		raw, err := d.dec.ReadValue()
		if err != nil {
			return nil, d.syntaxError(err, w)
		}
		if n, ok := schemaNames()[string(raw[1:len(raw)-1])]; ok { // no escape: a name does not need one
			return n.v, nil
		}
		return unquote(raw), nil
	}
	tok, err := d.dec.ReadToken()
	if err != nil {
		return nil, d.syntaxError(err, w)
	}
	switch tok.Kind() {
	case '{':
		if depth >= d.maxDepth {
			return nil, d.tooDeep()
		}
		// The members gather on the decoder's stacks and fill a map of their
		// number at the '}': no map grows member by member. A duplicate name
		// is found among them, or, in a large object, in the map built early.
		kbase, vbase := len(d.keys), len(d.vals)
		var obj map[string]any
		for w := wantFirstMember; d.dec.PeekKind() != '}'; w = wantNextMember {
			key, err := d.string() // jsontext refuses a name that is not a string
			if err != nil {
				return nil, d.syntaxError(err, w)
			}
			dup := false
			if obj != nil {
				_, dup = obj[key]
			} else {
				dup = slices.Contains(d.keys[kbase:], key)
			}
			if dup {
				p := d.dec.StackPointer()
				return nil, &Error{Pointer: string(p), Line: lineAt(d.data, int(d.dec.InputOffset())),
					Err: fmt.Errorf("duplicate key %q: each field may appear once", p.LastToken())}
			}
			v, err := d.value(depth+1, wantMemberValue)
			if err != nil {
				return nil, err
			}
			if obj != nil {
				obj[key] = v
				continue
			}
			d.keys, d.vals = append(d.keys, key), append(d.vals, v)
			if n := len(d.keys) - kbase; n == linearMembers {
				obj = d.members(kbase, vbase, 2*n)
			}
		}
		if _, err := d.dec.ReadToken(); err != nil {
			return nil, d.syntaxError(err, wantNextMember)
		}
		if obj == nil {
			obj = d.members(kbase, vbase, len(d.keys)-kbase)
		}
		return obj, nil
	case '[':
		if depth >= d.maxDepth {
			return nil, d.tooDeep()
		}
		// The elements gather on the decoder's stack and are copied to a
		// slice of their number at the ']'.
		base := len(d.vals)
		for w := wantFirstElem; d.dec.PeekKind() != ']'; w = wantNextElem {
			v, err := d.value(depth+1, w)
			if err != nil {
				return nil, err
			}
			d.vals = append(d.vals, v)
		}
		if _, err := d.dec.ReadToken(); err != nil {
			return nil, d.syntaxError(err, wantNextElem)
		}
		arr := make([]any, len(d.vals)-base) // never nil: [] is an empty array, not null
		copy(arr, d.vals[base:])
		clear(d.vals[base:])
		d.vals = d.vals[:base]
		return arr, nil
	case '0':
		n := json.Number(tok.String())
		if err := checkNumber(n); err != nil {
			start := int(d.dec.InputOffset()) - len(n)
			return nil, &Error{Pointer: string(d.dec.StackPointer()), Line: lineAt(d.data, start), Err: err}
		}
		return n, nil
	case 't':
		return true, nil
	case 'f':
		return false, nil
	default: // 'n' (a string was read above)
		return nil, nil
	}
}

// string reads the next token, a string, as a Go string.
func (d *decoder) string() (string, error) {
	raw, err := d.dec.ReadValue()
	if err != nil {
		return "", err
	}
	if n, ok := schemaNames()[string(raw[1:len(raw)-1])]; ok { // no escape: a name does not need one
		return n.s, nil
	}
	return unquote(raw), nil
}

// unquote is the Go string of raw, a JSON string ReadValue has read.
// (Token.String would scan the string again to know whether it has escapes;
// this finds a '\'.)
func unquote(raw []byte) string {
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1])
	}
	// ReadValue checked the escapes: the only error left is an escaped UTF-16
	// surrogate that is not part of a pair, read as U+FFFD like encoding/json.
	s, _ := jsontext.AppendUnquote(nil, raw)
	return string(s)
}

// schemaNames is every name and word of the plan schema (its properties,
// enum and const strings), each its own value: a plan's names and words are
// these strings, not a copy each.
var schemaNames = sync.OnceValue(func() map[string]schemaName {
	var doc any
	_ = json.Unmarshal(Schema, &doc)
	names := map[string]schemaName{}
	add := func(v any) {
		if s, ok := v.(string); ok {
			names[s] = schemaName{s, s}
		}
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				switch k {
				case "properties":
					if props, ok := e.(map[string]any); ok {
						for name := range props {
							add(name)
						}
					}
				case "enum":
					if list, ok := e.([]any); ok {
						for _, w := range list {
							add(w)
						}
					}
				case "const":
					add(e)
				}
				walk(e)
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(doc)
	return names
})

// schemaName is a name of the plan schema, as a string and as a value.
type schemaName struct {
	s string
	v any
}

// tooDeep is the error for the object or array just opened.
func (d *decoder) tooDeep() error {
	return d.depthError(string(d.dec.StackPointer()), int(d.dec.InputOffset())-1)
}

// depthError is the error for the object or array at pointer ptr, offset off.
func (d *decoder) depthError(ptr string, off int) error {
	return &Error{Pointer: ptr, Line: lineAt(d.data, off),
		Err: fmt.Errorf("nested more than %d levels deep: this is not a plan submission (a plan is at most six levels deep)", d.maxDepth)}
}

// syntaxError words err, returned by jsontext when the decoder wanted w. The
// decoder has not moved past the last good token, so the bytes after it say
// what is wrong with the punctuation, in encoding/json's words; a value that
// cannot start (NaN, 'text', .5) is named by its pointer. A malformed string,
// number or literal is worded by jsontext and named by its pointer.
func (d *decoder) syntaxError(err error, w want) error {
	var se *jsontext.SyntacticError
	errors.As(err, &se)
	data := d.data
	off := skipWhite(data, int(d.dec.InputOffset()))
	context, bad := "", false // bad: the character at off is not what was wanted, which context says
	// next checks the character at off and reports whether it is one of ok.
	next := func(ok func(byte) bool, want string) bool {
		if off >= len(data) {
			return false
		}
		if !ok(data[off]) {
			context, bad = want, true
			return false
		}
		return true
	}
	// past moves off past the punctuation at off.
	past := func() bool { off = skipWhite(data, off+1); return true }
	value := false // off is where a value should start
	switch w {
	case wantTop, wantFirstElem:
		value = !next(startsValue, " looking for beginning of value")
	case wantMemberValue:
		value = next(is(':'), " after object key") && past() && !next(startsValue, " looking for beginning of value")
	case wantFirstMember:
		next(is('"'), "") // encoding/json gives no context here
	case wantNextMember:
		_ = next(is(',', '}'), " after object key:value pair") && data[off] == ',' && past() &&
			next(is('"'), " looking for beginning of object key string")
	case wantNextElem:
		value = next(is(',', ']'), " after array element") && data[off] == ',' && past() &&
			!next(startsValue, " looking for beginning of value")
	}
	var msg, ptr string
	line := lineAt(data, off)
	switch {
	case bad:
		msg = "invalid character " + quoteChar(data[off:]) + context
		if value && data[off] != '}' && data[off] != ']' { // not a trailing comma: a value that cannot be read
			ptr = d.nextPointer(w)
		}
	case off >= len(data) || errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF:
		return &Error{Line: lineAt(data, len(data)), Err: errors.New("invalid JSON: the file ends before the plan does: it may have been cut short; export or copy it again")}
	case se != nil && d.dec.StackDepth() == jsontextMaxDepth && (data[off] == '{' || data[off] == '['):
		return d.depthError(string(se.JSONPointer), off) // refused by jsontext: maxDepth is jsontextMaxDepth
	case se != nil: // within a string, number or literal
		msg, line, ptr = se.Err.Error(), lineAt(data, int(se.ByteOffset)), string(se.JSONPointer)
	default:
		msg = err.Error()
	}
	return &Error{Pointer: ptr, Line: line, Err: fmt.Errorf("invalid JSON: %s: check the punctuation on this line or the one before "+
		"(a missing or extra comma, quote or bracket; JSON has no comments)", msg)}
}

// nextPointer is the pointer of the value the decoder wanted (w) and could not read.
func (d *decoder) nextPointer(w want) string {
	p := d.dec.StackPointer() // of the last value read: the member's name, the array, or its last element
	switch w {
	case wantFirstElem:
		return string(p.AppendToken("0"))
	case wantNextElem:
		_, n := d.dec.StackIndex(d.dec.StackDepth())
		return string(p.Parent().AppendToken(strconv.FormatInt(n, 10)))
	}
	return string(p)
}

func is(cs ...byte) func(byte) bool {
	return func(c byte) bool { return bytes.IndexByte(cs, c) >= 0 }
}

func startsValue(c byte) bool {
	switch c {
	case '{', '[', '"', 't', 'f', 'n', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return false
}

// quoteChar quotes the character data starts with as encoding/json quotes a
// byte in its syntax errors (a whole character: “ is not shown as â).
func quoteChar(data []byte) string {
	r, _ := utf8.DecodeRune(data)
	switch r {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	s := strconv.Quote(string(r))
	return "'" + s[1:len(s)-1] + "'"
}

func skipWhite(data []byte, off int) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\r', '\n':
			off++
		default:
			return off
		}
	}
	return off
}

// PointerOf renders reference tokens as an RFC 6901 JSON pointer.
func PointerOf(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escapeToken(t))
	}
	return b.String()
}

// SplitPointer parses an RFC 6901 JSON pointer into its reference tokens.
func SplitPointer(p string) []string {
	if p == "" {
		return nil
	}
	parts := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, s := range parts {
		if strings.IndexByte(s, '~') >= 0 {
			parts[i] = tokenUnescaper.Replace(s)
		}
	}
	return parts
}

var tokenUnescaper = strings.NewReplacer("~1", "/", "~0", "~")

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
	l := &locator{data: data, dec: newLineDecoder(data), want: SplitPointer(pointer), best: -1}
	_ = l.value(0, true, 0)
	if l.best < 0 {
		return 0
	}
	return lineAt(data, l.best)
}

// newLineDecoder reads data to find lines: data may be any bytes (LineOf is
// asked about documents decodeJSON refused), so it reads as much as it can.
func newLineDecoder(data []byte) *jsontext.Decoder {
	return jsontext.NewDecoder(bytes.NewBuffer(data), jsontext.AllowInvalidUTF8(true), jsontext.AllowDuplicateNames(true))
}

type locator struct {
	data      []byte
	dec       *jsontext.Decoder
	want      []string
	best      int
	bestDepth int
}

var errFound = errors.New("found")

func (l *locator) value(depth int, match bool, start int) error {
	if match && depth >= l.bestDepth {
		l.best, l.bestDepth = skipSpace(l.data, start), depth
		if depth == len(l.want) {
			return errFound
		}
	}
	tok, err := l.dec.ReadToken()
	if err != nil {
		return err
	}
	kind := tok.Kind()
	if kind != '{' && kind != '[' {
		return nil
	}
	if depth > MaxDepth {
		return errors.New("too deep")
	}
	for i := 0; ; i++ {
		if k := l.dec.PeekKind(); k == '}' || k == ']' {
			break
		}
		start := int(l.dec.InputOffset())
		var m bool
		if kind == '{' {
			name, err := l.dec.ReadToken()
			if err != nil {
				return err
			}
			m = match && depth < len(l.want) && l.want[depth] == name.String()
		} else {
			m = match && depth < len(l.want) && l.want[depth] == strconv.Itoa(i)
		}
		if err := l.value(depth+1, m, start); err != nil {
			return err
		}
	}
	_, err = l.dec.ReadToken()
	return err
}

// lineIndex is the line of every value of a valid JSON document, by pointer:
// built in one pass the first time a plan's finding needs a line, instead of
// re-reading the document for each finding. Each value is a node, the
// document node 0; a member or element is found from its parent's node and
// its reference token, so no pointer is written out.
type lineIndex struct {
	children map[lineKey]int32 // a parent's node and a token -> the child's node
	offsets  []int             // node -> byte offset (a member: its key)
	lines    []int             // byte offsets of each '\n'
	ok       bool
}

type lineKey struct {
	parent int32
	token  string // a member's name or an element's index, unescaped
}

func newLineIndex(data []byte) *lineIndex {
	x := &lineIndex{children: map[lineKey]int32{}, lines: make([]int, 0, bytes.Count(data, []byte("\n")))}
	for i, c := range data {
		if c == '\n' {
			x.lines = append(x.lines, i)
		}
	}
	dec := newLineDecoder(data)
	x.offsets = append(x.offsets, skipWhite(data, 0))
	x.ok = x.walk(dec, data, 0, 0) == nil
	if x.ok {
		_, err := dec.ReadToken()
		x.ok = err == io.EOF
	}
	return x
}

// walk records the offset of every member and element of the value that
// starts with the next token, node. It fails on what decodeJSON would refuse
// as JSON (a syntax error, a duplicate key, trailing content, too deep).
func (x *lineIndex) walk(dec *jsontext.Decoder, data []byte, node int32, depth int) error {
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	kind := tok.Kind()
	if kind != '{' && kind != '[' {
		return nil
	}
	if depth >= MaxDepth {
		return errors.New("too deep")
	}
	for n := 0; ; n++ {
		if k := dec.PeekKind(); k == '}' || k == ']' {
			break
		}
		start := skipSpace(data, int(dec.InputOffset()))
		var token string
		if kind == '{' {
			raw, err := dec.ReadValue()
			if err != nil {
				return err
			}
			if name, ok := schemaNames()[string(raw[1:len(raw)-1])]; ok {
				token = name.s
			} else {
				token = unquote(raw)
			}
		} else {
			token = strconv.Itoa(n)
		}
		key := lineKey{node, token}
		if _, dup := x.children[key]; dup {
			return errors.New("duplicate key") // not a valid plan
		}
		child := int32(len(x.offsets))
		if int(child) != len(x.offsets) {
			return errors.New("too many values")
		}
		x.children[key] = child
		x.offsets = append(x.offsets, start)
		if err := x.walk(dec, data, child, depth+1); err != nil {
			return err
		}
	}
	_, err = dec.ReadToken()
	return err
}

// line is LineOf(data, pointer) for the document the index was built from:
// the line of the value at pointer, or of its deepest existing parent.
func (x *lineIndex) line(pointer string) int {
	node := int32(0)
	if pointer != "" && (pointer[0] != '/' || strings.IndexByte(pointer, '~') >= 0) {
		for _, token := range SplitPointer(pointer) {
			child, ok := x.children[lineKey{node, token}]
			if !ok {
				break
			}
			node = child
		}
		return x.lineOf(node)
	}
	for rest := pointer; rest != ""; { // "/a/b": the tokens a and b, none escaped
		token := rest[1:]
		rest = ""
		if i := strings.IndexByte(token, '/'); i >= 0 {
			token, rest = token[:i], token[i:]
		}
		child, ok := x.children[lineKey{node, token}]
		if !ok {
			break
		}
		node = child
	}
	return x.lineOf(node)
}

// lineOf is the line of a node.
func (x *lineIndex) lineOf(node int32) int {
	return sort.SearchInts(x.lines, x.offsets[node]) + 1
}

var tokenEscaper = strings.NewReplacer("~", "~0", "/", "~1")

func escapeToken(s string) string {
	if strings.ContainsAny(s, "~/") {
		return tokenEscaper.Replace(s)
	}
	return s
}

// Lines returns a function giving the line of a pointer in the JSON document
// data: the one-pass index, built the first time it is asked, when data
// parses; else LineOf.
func Lines(data []byte) func(string) int {
	var (
		once sync.Once
		x    *lineIndex
	)
	return func(pointer string) int {
		once.Do(func() { x = newLineIndex(data) })
		if !x.ok {
			return LineOf(data, pointer)
		}
		return x.line(pointer)
	}
}
