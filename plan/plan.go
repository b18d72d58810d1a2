// Package plan reads plan submissions: a file or standard input, under limits
// on size and time, decoded (JSON by default; other formats register a Decoder
// by file extension), checked against the plan schema and the shape rules the
// schema cannot express, with the line of every field for messages. It knows
// nothing of rules or reports.
package plan

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Schema is the JSON Schema of plan-format version 1, the input contract.
//
//go:embed plan.schema.json
var Schema []byte

// Plan is one submission, decoded and validated against the schema.
type Plan struct {
	Path         string // as given: a file path, or "-" for standard input
	Organisation string // organisation.code
	Name         string // organisation.name
	Round        string // submission.round
	Doc          any    // the decoded document: maps, slices, json.Number, string, bool
	raw          []byte
	lines        func(pointer string) int
	cells        func(pointer string) string
}

// Error is a problem with one submission: which file, where in it, and what.
type Error struct {
	Path    string // the file
	Cell    string // a workbook's sheet and cell, "Finance!D14"; "" for JSON
	Pointer string // RFC 6901 pointer to the field; "" for the document as a whole
	Line    int    // 1-based line in the file; 0 when unknown
	Err     error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.Cell != "" {
		b.WriteString(e.Cell + ": ")
	}
	if e.Pointer != "" {
		b.WriteString(e.Pointer + ": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Errors is every schema violation of one submission, sorted by line and pointer.
type Errors = ErrorList[*Error]

// ErrorList is a list of errors that is one error: its message is theirs, a
// line each.
type ErrorList[E error] []E

func (es ErrorList[E]) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap gives every error of the list to errors.Is and errors.As.
func (es ErrorList[E]) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

var (
	schemaOnce sync.Once
	schema     *jsonschema.Schema
	quickPlan  *quick // nil: every document goes to the validator
	schemaErr  error
	printer    = message.NewPrinter(language.English)
)

func planSchema() (*jsonschema.Schema, error) {
	schemaOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(Schema)))
		if err != nil {
			schemaErr = fmt.Errorf("read plan schema: %w", err)
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource("plan.schema.json", doc); err != nil {
			schemaErr = fmt.Errorf("add plan schema: %w", err)
			return
		}
		schema, schemaErr = c.Compile("plan.schema.json")
		if schemaErr == nil {
			quickPlan = newQuick(schema)
		}
	})
	return schema, schemaErr
}

// ReadJSON decodes one JSON submission from data (nesting at most maxDepth
// levels; 0 means MaxDepth) and checks it (see New). Every problem found is
// returned, as Errors or an *Error, naming path.
func ReadJSON(path string, data []byte, maxDepth int) (Plan, error) {
	if maxDepth <= 0 {
		maxDepth = MaxDepth
	}
	doc, err := decodeJSONDepth(data, maxDepth)
	if err != nil {
		var pe *Error
		if errors.As(err, &pe) {
			pe.Path = path
		}
		return Plan{}, err
	}
	p, err := New(path, doc, Lines(data))
	p.raw = data
	return p, err
}

// New checks a decoded document against the plan schema and the rules of its
// shape the schema cannot express (years in order, a plan year present), and
// returns it as a Plan. lines gives the line of a JSON pointer in the source,
// for messages (nil: no lines). A Decoder of another file format ends here.
func New(path string, doc any, lines func(pointer string) int) (Plan, error) {
	if lines == nil {
		lines = func(string) int { return 0 }
	}
	sch, err := planSchema()
	if err != nil {
		return Plan{}, err
	}
	var errs Errors
	// The quick check passes nearly every plan without the validator's cost;
	// what it does not pass, the validator checks and words.
	if quickPlan == nil || quickPlan.check(doc, 0) != pass {
		if err := sch.Validate(doc); err != nil {
			var ve *jsonschema.ValidationError
			if !errors.As(err, &ve) {
				return Plan{}, &Error{Path: path, Err: err}
			}
			for _, leaf := range leaves(ve) {
				ptr := PointerOf(leaf.InstanceLocation)
				if req, ok := leaf.ErrorKind.(*kind.Required); ok && len(req.Missing) == 1 {
					ptr += "/" + req.Missing[0]
				}
				if ap, ok := leaf.ErrorKind.(*kind.AdditionalProperties); ok && len(ap.Properties) == 1 {
					ptr += "/" + ap.Properties[0]
				}
				errs = append(errs, &Error{Path: path, Pointer: ptr, Line: lines(ptr), Err: errors.New(describe(leaf))})
			}
		}
	}
	if len(errs) == 0 {
		for _, e := range shapeErrors(doc) {
			e.Path = path
			e.Line = lines(e.Pointer)
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool {
			if errs[i].Line != errs[j].Line {
				return errs[i].Line < errs[j].Line
			}
			return errs[i].Pointer < errs[j].Pointer
		})
		return Plan{}, dedupe(errs)
	}
	root, _ := doc.(map[string]any)
	p := Plan{Path: path, Doc: doc, lines: lines}
	p.Organisation = str(root, "organisation", "code")
	p.Name = str(root, "organisation", "name")
	p.Round = str(root, "submission", "round")
	return p, nil
}

// NewCells is New for a source whose fields sit in cells, not lines (a
// workbook): cells gives the cell of a JSON pointer ("Finance!D14"), or of
// its nearest parent that has one, for every error and finding.
func NewCells(path string, doc any, cells func(pointer string) string) (Plan, error) {
	p, err := New(path, doc, nil)
	if err != nil {
		var es Errors
		var e *Error
		switch {
		case errors.As(err, &es):
			for _, e := range es {
				e.Cell = cells(e.Pointer)
			}
		case errors.As(err, &e):
			e.Cell = cells(e.Pointer)
		}
		return p, err
	}
	p.cells = cells
	return p, nil
}

// Cell is the workbook cell of the value at pointer ("Finance!D14"); "" for
// a plan not read from a workbook.
func (p Plan) Cell(pointer string) string {
	if p.cells == nil {
		return ""
	}
	return p.cells(pointer)
}

// Raw returns the bytes the plan was read from (nil for a plan built by New).
func (p Plan) Raw() []byte { return p.raw }

// Line is the line of the value at pointer in the plan's source, or of its
// deepest existing parent; 0 when unknown.
func (p Plan) Line(pointer string) int {
	if p.lines == nil {
		return 0
	}
	return p.lines(pointer)
}

func str(m map[string]any, path ...string) string {
	var v any = m
	for _, k := range path {
		o, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = o[k]
	}
	s, _ := v.(string)
	return s
}

// leaves flattens a validation error to the errors that have no causes: the
// specific violations, not the "doesn't validate with ..." wrappers. Of the
// alternatives of an anyOf, only the first is kept.
func leaves(ve *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if _, ok := ve.ErrorKind.(*kind.AnyOf); ok || len(ve.Causes) == 0 {
		return []*jsonschema.ValidationError{ve}
	}
	var out []*jsonschema.ValidationError
	for _, c := range ve.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

func dedupe(errs Errors) Errors {
	seen := map[string]bool{}
	out := errs[:0]
	for _, e := range errs {
		k := e.Error()
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

// describe words a schema violation for a finance lead.
func describe(ve *jsonschema.ValidationError) string {
	switch k := ve.ErrorKind.(type) {
	case *kind.AnyOf:
		if msg, ok := describeTypes(ve); ok {
			return msg
		}
		alts := make([]string, 0, len(ve.Causes))
		for _, c := range ve.Causes {
			alts = append(alts, describe(c))
		}
		return "matches none of the allowed forms: " + strings.Join(alts, "; or ")
	case *kind.Type:
		if len(ve.InstanceLocation) == 0 {
			return fmt.Sprintf("the file holds %s, not a plan submission: a plan is one JSON object, {...}", article([]string{k.Got})[0])
		}
		msg := fmt.Sprintf("expected %s, got %s", orList(article(k.Want)), article([]string{k.Got})[0])
		switch {
		case k.Got == "string" && (slices.Contains(k.Want, "number") || slices.Contains(k.Want, "integer")):
			msg += `: write figures as plain numbers, without quotes (246000, not "246000"); NaN and Infinity are not figures`
		case k.Got == "null":
			msg += ": give the value, or leave the field out"
		case k.Got == "number" && slices.Contains(k.Want, "string"):
			msg += `: write it in quotes, e.g. "2017-03-31"`
		}
		return msg
	case *kind.Required:
		return fmt.Sprintf("required field %s is missing: add it", orList(quoteAll(k.Missing)))
	case *kind.AdditionalProperties:
		// sorted: the schema library lists them in map order, which varies from run to run
		return fmt.Sprintf("%s is not a field of plan-format v1 (check the spelling; local fields must start with x_)",
			orList(quoteAll(slices.Sorted(slices.Values(k.Properties)))))
	case *kind.Minimum:
		if k.Want.Sign() == 0 {
			return fmt.Sprintf("%s is negative: this figure cannot be below zero; enter it as a positive amount", Decimal(k.Got))
		}
		return fmt.Sprintf("%s is below the minimum %s", Decimal(k.Got), Decimal(k.Want))
	case *kind.Maximum:
		if k.Want.Cmp(big.NewRat(100, 1)) == 0 {
			return fmt.Sprintf("%s is above 100: percentages are written 0 to 100 (92 means 92%%)", Decimal(k.Got))
		}
		if loc := ve.InstanceLocation; len(loc) > 0 && loc[len(loc)-1] == "number" && len(loc) > 1 && loc[0] == "must_dos" {
			return fmt.Sprintf("there is no must-do %s: must-dos are numbered 1 to 9 (2016/17 to 2018/19), 1 to 7 (2025/26) or 1 to 15 (2026-29)", Decimal(k.Got))
		}
		return fmt.Sprintf("%s is above the maximum %s", Decimal(k.Got), Decimal(k.Want))
	case *kind.MinItems:
		if k.Want == 12 {
			return fmt.Sprintf("has %d months: give 12, one per month from April to March", k.Got)
		}
		if PointerOf(ve.InstanceLocation) == "/years" {
			return "no years given: give the baseline year and each plan year"
		}
		if k.Got == 0 {
			return fmt.Sprintf("is empty: give at least %d", k.Want)
		}
		return fmt.Sprintf("has %d entries: give at least %d", k.Got, k.Want)
	case *kind.MaxItems:
		if k.Want == 12 {
			return fmt.Sprintf("has %d months: give 12, one per month from April to March", k.Got)
		}
		return fmt.Sprintf("has %d entries: give at most %d", k.Got, k.Want)
	case *kind.MinLength:
		if k.Got == 0 {
			return "is empty: fill it in"
		}
	case *kind.Enum:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			want[i] = fmt.Sprintf("%q", fmt.Sprint(w))
		}
		return fmt.Sprintf("%s is not allowed: expected %s", jsonString(k.Got), orList(want))
	case *kind.Const:
		if _, isString := k.Want.(string); isString {
			if _, gotString := k.Got.(string); !gotString {
				return fmt.Sprintf("%s is not allowed: expected %s, in quotes", jsonString(k.Got), jsonString(k.Want))
			}
		}
		return fmt.Sprintf("%s is not allowed: expected %s", jsonString(k.Got), jsonString(k.Want))
	case *kind.Format:
		if k.Want == "date" {
			return fmt.Sprintf("%s is not a date: write a real date as YYYY-MM-DD", jsonString(k.Got))
		}
	case *kind.Pattern:
		switch k.Want {
		case "^[0-9A-Z]{3,9}$":
			return fmt.Sprintf("%q is not an ODS code: write 3 to 9 capital letters and digits, e.g. \"06W\"", k.Got)
		case "^[0-9]{4}/[0-9]{2}$":
			return fmt.Sprintf("%q is not a financial year: write it as 2017/18", k.Got)
		case "^[0-9]{4}-[0-9]{2}-[0-9]{2}$":
			return fmt.Sprintf("%q is not a date: write it as YYYY-MM-DD, e.g. 2017-03-31", k.Got)
		}
		return fmt.Sprintf("%q is not in the expected form (%s)", k.Got, k.Want)
	}
	return ve.ErrorKind.LocalizedString(printer)
}

// describeTypes words an anyOf whose alternatives all fail on the type alone,
// as one "expected a whole number or an object, got a string".
func describeTypes(ve *jsonschema.ValidationError) (string, bool) {
	var want []string
	got := ""
	for _, c := range ve.Causes {
		for _, l := range leaves(c) {
			t, ok := l.ErrorKind.(*kind.Type)
			if !ok || (got != "" && t.Got != got) {
				return "", false
			}
			got = t.Got
			for _, w := range t.Want {
				if !slices.Contains(want, w) {
					want = append(want, w)
				}
			}
		}
	}
	if got == "" {
		return "", false
	}
	return fmt.Sprintf("expected %s, got %s", orList(article(want)), article([]string{got})[0]), true
}

// Decimal writes an exact number as a plan writes figures: an integer, or
// decimals without trailing zeros (at most ten places).
func Decimal(r *big.Rat) string {
	if r == nil {
		return "?"
	}
	if r.IsInt() {
		return r.Num().String()
	}
	return strings.TrimRight(strings.TrimRight(r.FloatString(10), "0"), ".")
}

func jsonString(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = fmt.Sprintf("%q", v)
	}
	return out
}

var articles = map[string]string{"object": "an object", "array": "an array", "string": "a string",
	"number": "a number", "integer": "a whole number", "boolean": "true or false (a yes/no value)", "null": "null"}

func article(types []string) []string {
	out := make([]string, len(types))
	for i, t := range types {
		if a, ok := articles[t]; ok {
			out[i] = a
		} else {
			out[i] = t
		}
	}
	return out
}

func orList(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}
