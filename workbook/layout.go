// Package workbook reads and writes plan submissions as Excel workbooks
// (.xlsx): a template a finance lead fills in, the import of a filled-in
// workbook into a plan-format v1 document, and the export of a plan into the
// same workbook. Which cell holds which field is data (layout.yaml, per
// planning round), not code: the reader and the writer only follow it.
package workbook

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"sigs.k8s.io/yaml"
)

//go:embed layout.yaml
var layoutYAML []byte

// Sheet kinds (see layout.yaml).
const (
	kindFields      = "fields"
	kindYears       = "years"
	kindPerformance = "performance"
	kindTable       = "table"
)

// Layout is the cell map of one planning round's workbook.
type Layout struct {
	Name   string       `json:"-"`
	Like   string       `json:"like,omitempty"`
	Years  []YearColumn `json:"years"`
	Sheets []Sheet      `json:"sheets"`
}

// YearColumn is a financial year the template offers, with its basis.
type YearColumn struct {
	Year  string `json:"year"`
	Basis string `json:"basis"`
}

// Sheet is one sheet of the workbook.
type Sheet struct {
	Name      string     `json:"name"`
	Kind      string     `json:"kind"`
	Title     string     `json:"title"`
	Note      string     `json:"note,omitempty"`
	Fields    []Field    `json:"fields,omitempty"`    // fields and years sheets
	Standards []Standard `json:"standards,omitempty"` // performance sheet
	Parent    *Parent    `json:"parent,omitempty"`    // table: the array a row belongs to
	Array     string     `json:"array,omitempty"`     // table: the array a row is an item of
	Columns   []Column   `json:"columns,omitempty"`   // table
}

// Field is one labelled row.
type Field struct {
	Row      int      `json:"row"`
	Heading  string   `json:"heading,omitempty"` // a section heading: no value
	Label    string   `json:"label,omitempty"`
	Pointer  string   `json:"pointer,omitempty"`
	Type     string   `json:"type,omitempty"`
	Values   []string `json:"values,omitempty"`
	Formula  string   `json:"formula,omitempty"`
	Collapse bool     `json:"collapse,omitempty"` // the plan field alone stands for its parent (an activity line given as a number)
}

// Standard is a performance standard: its plan-format key and its label.
type Standard struct {
	Key   string `json:"key"`
	Label string `json:"label"`
}

// Parent ties a table row to an item of another array by a key column.
type Parent struct {
	Array  string `json:"array"`
	Key    string `json:"key"`
	Header string `json:"header"`
	Type   string `json:"type"`
}

// Column is one column of a table.
type Column struct {
	Header string   `json:"header"`
	Field  string   `json:"field"` // "" for an array of plain values (notes)
	Type   string   `json:"type"`
	Values []string `json:"values,omitempty"`
	Width  float64  `json:"width,omitempty"`
}

// Fixed places every layout shares: where the reader finds the round that
// chooses the layout, and the sheets planassure adds.
const (
	coverSheet   = "Cover"
	roundLabel   = "Planning round"
	extrasSheet  = "Other fields"
	listsSheet   = "Lists"
	headerRow    = 3 // tables and the performance sheet: the header row
	firstRow     = 4 // and the first item's row
	firstYearCol = 3 // years sheets: column C holds the first year
	maxYears     = 30
	maxTableRows = 10000
	maxDigits    = 30 // as in a JSON plan: figures are compared exactly, within reason
)

var (
	layoutsOnce sync.Once
	layouts     map[string]*Layout
	layoutsErr  error
)

// Layouts returns the layouts by name ("default" and each round's), read
// once from the embedded layout.yaml.
func Layouts() (map[string]*Layout, error) {
	layoutsOnce.Do(func() { layouts, layoutsErr = parseLayouts(layoutYAML) })
	return layouts, layoutsErr
}

func parseLayouts(data []byte) (map[string]*Layout, error) {
	var file struct {
		Layouts map[string]*Layout `json:"layouts"`
	}
	if err := yaml.UnmarshalStrict(data, &file); err != nil {
		return nil, fmt.Errorf("workbook layout: %w", err)
	}
	out := map[string]*Layout{}
	for name, l := range file.Layouts {
		l.Name = name
		if l.Like != "" {
			base, ok := file.Layouts[l.Like]
			if !ok || base.Like != "" {
				return nil, fmt.Errorf("workbook layout %q: like %q is not a base layout", name, l.Like)
			}
			if len(l.Sheets) == 0 {
				l.Sheets = base.Sheets
			}
			if len(l.Years) == 0 {
				l.Years = base.Years
			}
		}
		if err := l.validate(); err != nil {
			return nil, fmt.Errorf("workbook layout %q: %w", name, err)
		}
		out[name] = l
	}
	if out["default"] == nil {
		return nil, fmt.Errorf("workbook layout: no default layout")
	}
	return out, nil
}

func (l *Layout) validate() error {
	seen := map[string]bool{}
	hasRound := false
	for _, s := range l.Sheets {
		if seen[s.Name] || s.Name == extrasSheet || s.Name == listsSheet {
			return fmt.Errorf("sheet %q: named twice or reserved", s.Name)
		}
		seen[s.Name] = true
		rows := map[int]bool{}
		for _, f := range s.Fields {
			if f.Row < 1 || rows[f.Row] {
				return fmt.Errorf("sheet %q: row %d used twice or not a row", s.Name, f.Row)
			}
			rows[f.Row] = true
			if f.Heading == "" && (f.Label == "" || f.Pointer == "" || !knownType(f.Type)) {
				return fmt.Errorf("sheet %q row %d: a field needs a label, a pointer and a known type", s.Name, f.Row)
			}
			if s.Name == coverSheet && f.Label == roundLabel {
				hasRound = true
			}
		}
		switch s.Kind {
		case kindFields, kindYears, kindPerformance:
		case kindTable:
			if s.Array == "" || len(s.Columns) == 0 {
				return fmt.Errorf("sheet %q: a table needs an array and columns", s.Name)
			}
			for _, c := range s.Columns {
				if !knownType(c.Type) {
					return fmt.Errorf("sheet %q column %q: unknown type %q", s.Name, c.Header, c.Type)
				}
			}
		default:
			return fmt.Errorf("sheet %q: unknown kind %q", s.Name, s.Kind)
		}
	}
	if !hasRound {
		return fmt.Errorf("the %s sheet has no %q row", coverSheet, roundLabel)
	}
	return nil
}

func knownType(t string) bool {
	switch t {
	case "string", "code", "date", "enum", "year", "money", "percent", "count", "integer", "list":
		return true
	}
	return false
}

// LayoutFor returns the layout of a planning round, or the default layout.
func LayoutFor(round string) (*Layout, error) {
	ls, err := Layouts()
	if err != nil {
		return nil, err
	}
	if l, ok := ls[round]; ok {
		return l, nil
	}
	return ls["default"], nil
}

// Rounds lists the rounds with a layout of their own, sorted.
func Rounds() []string {
	ls, err := Layouts()
	if err != nil {
		return nil
	}
	var out []string
	for name := range ls {
		if name != "default" {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// unit is the unit a type is stated in, beside its cells.
func unit(t string) string {
	switch t {
	case "money":
		return "£000"
	case "percent":
		return "%"
	case "count", "integer":
		return "number"
	case "date":
		return "date"
	case "enum":
		return "choose"
	}
	return ""
}

// cellName is "Sheet!A1".
func cellName(sheet string, col, row int) string {
	return sheet + "!" + colName(col) + fmt.Sprint(row)
}

func colName(col int) string {
	s := ""
	for col > 0 {
		col--
		s = string(rune('A'+col%26)) + s
		col /= 26
	}
	return s
}

func ref(col, row int) string { return colName(col) + fmt.Sprint(row) }

// sameLabel compares a label as the reader finds it with the layout's.
func sameLabel(got, want string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(got), " "), strings.Join(strings.Fields(want), " "))
}
