package workbook

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Template returns a blank workbook for a planning round, for an organisation
// of type ccg, icb or trust: the cover, one sheet per part of the plan, the
// year columns of the round, totals as formulas and lists for fixed values.
func Template(round, orgType string) (*excelize.File, error) {
	l, err := LayoutFor(round)
	if err != nil {
		return nil, err
	}
	types := map[string]string{"ccg": "ccg", "icb": "icb", "trust": "trust", "": "ccg"}
	t, ok := types[orgType]
	if !ok {
		return nil, fmt.Errorf("organisation type %q: give ccg, icb or trust", orgType)
	}
	doc := map[string]any{"schema_version": "1",
		"submission":   map[string]any{"round": round, "status": "draft"},
		"organisation": map[string]any{"type": t}}
	var years []any
	for _, y := range templateYears(round, l) {
		years = append(years, map[string]any{"year": y.Year, "basis": y.Basis})
	}
	doc["years"] = years
	w := &writer{layout: l, template: true}
	if err := w.build(doc); err != nil {
		w.f.Close()
		return nil, err
	}
	return w.f, nil
}

var (
	singleYear = regexp.MustCompile(`^(\d{4})/(\d{2})$`)
	multiYear  = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
)

// templateYears are the year columns of a round's template: the layout's
// own, or for a round without a layout the year before it (forecast outturn)
// and each year of the round (plan).
func templateYears(round string, l *Layout) []YearColumn {
	if l.Name == round {
		return l.Years
	}
	fy := func(start int) string { return fmt.Sprintf("%d/%02d", start, (start+1)%100) }
	var first, last int
	if m := singleYear.FindStringSubmatch(round); m != nil {
		first, _ = strconv.Atoi(m[1])
		last = first
	} else if m := multiYear.FindStringSubmatch(round); m != nil {
		first, _ = strconv.Atoi(m[1])
		end, _ := strconv.Atoi(m[2])
		last = first - first%100 + end - 1
		if last < first {
			last += 100
		}
	} else {
		return l.Years
	}
	out := []YearColumn{{Year: fy(first - 1), Basis: "forecast_outturn"}}
	for y := first; y <= last && y < first+10; y++ {
		out = append(out, YearColumn{Year: fy(y), Basis: "plan"})
	}
	return out
}

// Export writes a plan into its round's workbook. Whatever the cells cannot
// hold (fields beyond plan-format, x_ fields, a footprint's figures, a value
// of the wrong type) is kept on the hidden sheet "Other fields", so that
// importing the workbook gives the plan back exactly.
func Export(doc map[string]any) (*excelize.File, error) {
	round, _ := getAt(doc, []string{"submission", "round"})
	rs, _ := round.(string)
	l, err := LayoutFor(rs)
	if err != nil {
		return nil, err
	}
	w := &writer{layout: l}
	if err := w.build(doc); err != nil {
		w.f.Close()
		return nil, err
	}
	back, err := readFile(w.f, false)
	if err != nil {
		w.f.Close()
		return nil, fmt.Errorf("the workbook written does not read back: %w", err)
	}
	if err := w.writeExtras(diffs("", doc, back.Doc, nil)); err != nil {
		w.f.Close()
		return nil, err
	}
	return w.f, nil
}

// ExportJSON writes a plan given as JSON into a workbook (DecodeJSON, then
// Export).
func ExportJSON(data []byte) (*excelize.File, error) {
	doc, err := DecodeJSON(data)
	if err != nil {
		return nil, err
	}
	return Export(doc)
}

// Bytes is the workbook as an .xlsx file.
func Bytes(f *excelize.File) ([]byte, error) {
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// DecodeJSON decodes a plan for Export: numbers stay as written.
func DecodeJSON(data []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, errors.New("the file holds no JSON object: a plan is one object, {...}")
	}
	if dec.More() {
		return nil, errors.New("unexpected content after the plan")
	}
	return doc, nil
}

type writer struct {
	f        *excelize.File
	layout   *Layout
	template bool
	st       map[string]int
}

// template rows of an empty table
var blankRows = map[string]int{"QIPP": 30, "Must-dos": 9, "Milestones": 40, "Risks": 20, "Notes": 20}

func (w *writer) build(doc map[string]any) error {
	w.f = excelize.NewFile()
	if err := w.styles(); err != nil {
		return err
	}
	for i, s := range w.layout.Sheets {
		if i == 0 {
			if err := w.f.SetSheetName("Sheet1", s.Name); err != nil {
				return err
			}
		} else if _, err := w.f.NewSheet(s.Name); err != nil {
			return err
		}
		w.str(s.Name, 1, 1, s.Title, "title")
		if s.Note != "" {
			w.str(s.Name, 1, 2, s.Note, "note")
		}
		var err error
		switch s.Kind {
		case kindFields:
			err = w.fields(s, doc)
		case kindYears:
			err = w.years(s, doc)
		case kindPerformance:
			err = w.performance(s, doc)
		case kindTable:
			err = w.table(s, doc)
		}
		if err != nil {
			return fmt.Errorf("sheet %s: %w", s.Name, err)
		}
	}
	for _, name := range []string{listsSheet, extrasSheet} {
		if _, err := w.f.NewSheet(name); err != nil {
			return err
		}
		if err := w.f.SetSheetVisible(name, false); err != nil {
			return err
		}
	}
	w.str(extrasSheet, 1, 1, "Field (JSON pointer)", "header")
	w.str(extrasSheet, 2, 1, "As the cells gave it at export (JSON)", "header")
	w.str(extrasSheet, 3, 1, "Value in the plan (JSON; empty: not in the plan)", "header")
	w.f.SetActiveSheet(0)
	return nil
}

func (w *writer) styles() error {
	border := []excelize.Border{{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1}}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	dateFmt := "yyyy-mm-dd"
	unlocked := &excelize.Protection{Locked: false}
	defs := map[string]*excelize.Style{
		"title":   {Font: &excelize.Font{Bold: true, Size: 14}},
		"note":    {Font: &excelize.Font{Italic: true, Color: "595959"}},
		"heading": {Font: &excelize.Font{Bold: true}, Fill: fill("D9E1F2")},
		"header":  {Font: &excelize.Font{Bold: true}, Fill: fill("D9E1F2"), Border: border, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}},
		"label":   {},
		"unit":    {Font: &excelize.Font{Italic: true, Color: "595959"}},
		"input":   {Fill: fill("FFF2CC"), Border: border, Protection: unlocked, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}},
		"date":    {Fill: fill("FFF2CC"), Border: border, Protection: unlocked, CustomNumFmt: &dateFmt},
		"total":   {Font: &excelize.Font{Bold: true}, Fill: fill("E7E6E6"), Border: border},
	}
	w.st = map[string]int{}
	for name, s := range defs {
		id, err := w.f.NewStyle(s)
		if err != nil {
			return err
		}
		w.st[name] = id
	}
	return nil
}

func (w *writer) style(sheet string, col, row int, name string) {
	_ = w.f.SetCellStyle(sheet, ref(col, row), ref(col, row), w.st[name])
}

func (w *writer) str(sheet string, col, row int, s, style string) {
	_ = w.f.SetCellStr(sheet, ref(col, row), s)
	if style != "" {
		w.style(sheet, col, row, style)
	}
}

// put writes v into an input cell as a value of type typ; it reports false,
// leaving the cell empty, when the cell cannot hold v as the reader would
// give it back (the value then goes to the hidden sheet).
func (w *writer) put(sheet string, col, row int, typ string, v any) bool {
	at := ref(col, row)
	style := "input"
	if typ == "date" {
		style = "date"
	}
	w.style(sheet, col, row, style)
	if v == nil {
		return false
	}
	switch typ {
	case "money", "percent", "count", "integer":
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		if _, ok := plainNumber(string(n), false); !ok || strings.ContainsAny(string(n), "eE") {
			return false
		}
		return w.f.SetCellDefault(sheet, at, string(n)) == nil
	case "date":
		s, ok := v.(string)
		if !ok {
			return false
		}
		if t, err := time.Parse("2006-01-02", s); err == nil && t.Year() >= 1900 {
			return w.f.SetCellValue(sheet, at, t) == nil
		}
		return w.text(sheet, at, s)
	case "list":
		items, ok := v.([]any)
		if !ok || len(items) == 0 {
			return false
		}
		parts := make([]string, len(items))
		for i, it := range items {
			s, ok := it.(string)
			if !ok || s == "" || s != strings.TrimSpace(s) || strings.Contains(s, ",") {
				return false
			}
			parts[i] = s
		}
		return w.text(sheet, at, strings.Join(parts, ", "))
	default:
		s, ok := v.(string)
		if !ok {
			return false
		}
		return w.text(sheet, at, s)
	}
}

func (w *writer) text(sheet, at, s string) bool {
	if strings.TrimSpace(s) == "" || len(s) > 32767 {
		return false
	}
	return w.f.SetCellStr(sheet, at, s) == nil
}

// label writes a field's row: its heading, or its label and its unit (in
// column unitCol). It reports whether the row is a heading.
func (w *writer) label(sheet string, f Field, unitCol int) (heading bool) {
	if f.Heading != "" {
		w.str(sheet, 1, f.Row, f.Heading, "heading")
		return true
	}
	w.str(sheet, 1, f.Row, f.Label, "label")
	w.str(sheet, unitCol, f.Row, unit(f.Type), "unit")
	return false
}

func (w *writer) fields(s Sheet, doc map[string]any) error {
	_ = w.f.SetColWidth(s.Name, "A", "A", 42)
	_ = w.f.SetColWidth(s.Name, "B", "B", 40)
	_ = w.f.SetColWidth(s.Name, "C", "C", 14)
	for _, f := range s.Fields {
		if w.label(s.Name, f, 3) {
			continue
		}
		v, _ := getAt(doc, tokens(f.Pointer))
		w.put(s.Name, 2, f.Row, f.Type, v)
		if err := w.validate(s.Name, ref(2, f.Row), f.Type, f.Values); err != nil {
			return err
		}
	}
	return nil
}

// validate adds a drop-down list for a field with fixed values.
func (w *writer) validate(sheet, sqref, typ string, values []string) error {
	if typ != "enum" || len(values) == 0 {
		return nil
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	if err := dv.SetDropList(values); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "Not allowed", "Choose one of: "+strings.Join(values, ", "))
	return w.f.AddDataValidation(sheet, dv)
}

func yearsOf(doc map[string]any) []any {
	ys, _ := doc["years"].([]any)
	return ys
}

func (w *writer) years(s Sheet, doc map[string]any) error {
	ys := yearsOf(doc)
	_ = w.f.SetColWidth(s.Name, "A", "A", 46)
	_ = w.f.SetColWidth(s.Name, "B", "B", 9)
	n := max(len(ys), 1)
	_ = w.f.SetColWidth(s.Name, colName(firstYearCol), colName(firstYearCol+n-1), 16)
	rowOf := map[string]int{}
	for _, f := range s.Fields {
		rowOf[f.Pointer] = f.Row
	}
	_ = w.f.SetPanes(s.Name, &excelize.Panes{Freeze: true, XSplit: firstYearCol - 1, YSplit: 3,
		TopLeftCell: ref(firstYearCol, 4), ActivePane: "bottomRight"}) // labels and years stay in view
	for _, f := range s.Fields {
		if w.label(s.Name, f, 2) {
			continue
		}
		last := ref(firstYearCol+n-1, f.Row)
		if err := w.validate(s.Name, ref(firstYearCol, f.Row)+":"+last, f.Type, f.Values); err != nil {
			return err
		}
		for i := range ys {
			col := firstYearCol + i
			v, ok := getAt(ys[i], tokens(f.Pointer))
			if !ok && f.Collapse { // an activity line given as a number
				parent := f.Pointer[:strings.LastIndex(f.Pointer, "/")]
				if pv, pok := getAt(ys[i], tokens(parent)); pok {
					if _, isNum := pv.(json.Number); isNum {
						v, ok = pv, true
					}
				}
			}
			if f.Formula != "" {
				if w.formula(s.Name, col, f, rowOf, ys[i], v, ok) {
					continue
				}
			}
			if f.Pointer == "year" || f.Pointer == "basis" {
				w.put(s.Name, col, f.Row, f.Type, v)
				w.style(s.Name, col, f.Row, "header")
				if f.Pointer == "basis" {
					w.style(s.Name, col, f.Row, "input")
				}
				continue
			}
			w.put(s.Name, col, f.Row, f.Type, v)
		}
	}
	return nil
}

type term struct {
	sign    int
	pointer string
}

func terms(formula string) []term {
	var out []term
	for _, t := range strings.Fields(formula) {
		sign := 1
		if strings.HasPrefix(t, "-") {
			sign = -1
		}
		out = append(out, term{sign, strings.TrimLeft(t, "+-")})
	}
	return out
}

// formula writes a total as an Excel formula over its lines: always in a
// template; in an export only when the plan's figure is exactly the lines'
// total (the figure is then the formula's cached value). It reports whether
// it wrote the cell.
func (w *writer) formula(sheet string, col int, f Field, rowOf map[string]int, year any, v any, has bool) bool {
	var b strings.Builder
	sum := new(big.Rat)
	complete := true
	for i, t := range terms(f.Formula) {
		if t.sign < 0 {
			b.WriteString("-")
		} else if i > 0 {
			b.WriteString("+")
		}
		b.WriteString(ref(col, rowOf[t.pointer]))
		tv, ok := getAt(year, tokens(t.pointer))
		n, isNum := tv.(json.Number)
		x, valid := new(big.Rat).SetString(string(n))
		if !ok || !isNum || !valid {
			complete = false
			continue
		}
		sum.Add(sum, x.Mul(x, big.NewRat(int64(t.sign), 1)))
	}
	at := ref(col, f.Row)
	n, isNum := v.(json.Number)
	if !w.template {
		x, valid := new(big.Rat).SetString(string(n))
		if !has || !isNum || !valid || !complete || x.Cmp(sum) != 0 || strings.ContainsAny(string(n), "eE") {
			return false
		}
	}
	if err := w.f.SetCellFormula(sheet, at, b.String()); err != nil {
		return false
	}
	if !w.template {
		// The plan's figure as the formula's cached value, stored as a
		// number (the formula is set first: it would mark the value text).
		if err := w.f.SetCellDefault(sheet, at, string(n)); err != nil {
			return false
		}
	}
	w.style(sheet, col, f.Row, "total")
	return true
}

func (w *writer) performance(s Sheet, doc map[string]any) error {
	heads := performanceHeaders()
	for i, h := range heads {
		w.str(s.Name, i+1, headerRow, h, "header")
	}
	_ = w.f.SetColWidth(s.Name, "A", "A", 12)
	_ = w.f.SetColWidth(s.Name, "B", "B", 40)
	_ = w.f.SetColWidth(s.Name, "C", "C", 6)
	_ = w.f.SetColWidth(s.Name, colName(perfPlan), colName(perfRecovery-1), 8)
	_ = w.f.SetColWidth(s.Name, colName(perfRecovery), colName(perfRecovery), 40)
	for i, st := range s.Standards {
		_ = w.f.SetCellStr(listsSheet, ref(1, i+1), st.Label)
	}
	row := firstRow
	writeRow := func(year string, st Standard, m map[string]any) {
		w.put(s.Name, perfYear, row, "year", year)
		w.put(s.Name, perfStandard, row, "string", st.Label)
		w.str(s.Name, perfUnit, row, "%", "unit")
		w.put(s.Name, perfPlan, row, "percent", m["plan"])
		monthly, _ := m["monthly"].([]any)
		whole := len(monthly) == 12
		for _, x := range monthly {
			if _, ok := x.(json.Number); !ok {
				whole = false
			}
		}
		for k := 0; k < 12; k++ {
			var v any
			if whole {
				v = monthly[k]
			}
			w.put(s.Name, perfMonth1+k, row, "percent", v)
		}
		w.put(s.Name, perfRecovery, row, "string", m["recovery_plan"])
		row++
	}
	if w.template {
		for _, y := range yearsOf(doc) {
			if b, _ := getAt(y, []string{"basis"}); b != "plan" {
				continue
			}
			yr, _ := getAt(y, []string{"year"})
			for _, st := range s.Standards {
				writeRow(fmt.Sprint(yr), st, map[string]any{})
			}
		}
	} else {
		for _, y := range yearsOf(doc) {
			yr, ok := getAt(y, []string{"year"})
			ys, isStr := yr.(string)
			if !ok || !isStr || strings.TrimSpace(ys) == "" {
				continue
			}
			for _, st := range s.Standards {
				v, _ := getAt(y, []string{"performance", st.Key})
				if m, ok := v.(map[string]any); ok {
					writeRow(ys, st, m)
				}
			}
		}
	}
	last := max(row-1, firstRow+50)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("B%d:B%d", firstRow, last)
	dv.SetSqrefDropList(fmt.Sprintf("'%s'!$A$1:$A$%d", listsSheet, len(s.Standards)))
	if err := w.f.AddDataValidation(s.Name, dv); err != nil {
		return err
	}
	if sheet, row := w.yearRow(); sheet != "" && len(yearsOf(doc)) > 0 {
		n := len(yearsOf(doc))
		years := excelize.NewDataValidation(true)
		years.Sqref = fmt.Sprintf("A%d:A%d", firstRow, last)
		years.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheet, colName(firstYearCol), row, colName(firstYearCol+n-1), row))
		if err := w.f.AddDataValidation(s.Name, years); err != nil {
			return err
		}
	}
	pct := excelize.NewDataValidation(true)
	pct.Sqref = fmt.Sprintf("%s:%s", ref(perfPlan, firstRow), ref(perfRecovery-1, last))
	if err := pct.SetRange(0, 100, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	pct.SetError(excelize.DataValidationErrorStyleStop, "Percentage", "Enter a percentage from 0 to 100 (92 for 92%).")
	return w.f.AddDataValidation(s.Name, pct)
}

func (w *writer) table(s Sheet, doc map[string]any) error {
	off := 1
	if s.Parent != nil {
		off = 2
		w.str(s.Name, 1, headerRow, s.Parent.Header, "header")
		_ = w.f.SetColWidth(s.Name, "A", "A", 14)
	}
	for i, c := range s.Columns {
		w.str(s.Name, off+i, headerRow, c.Header, "header")
		if c.Width > 0 {
			_ = w.f.SetColWidth(s.Name, colName(off+i), colName(off+i), c.Width)
		}
	}
	row := firstRow
	writeItem := func(key any, item any) {
		if s.Parent != nil {
			w.put(s.Name, 1, row, s.Parent.Type, key)
		}
		for i, c := range s.Columns {
			v, _ := getAt(item, tokens(resolve("", c.Field)))
			if c.Field == "" {
				v = item
			}
			w.put(s.Name, off+i, row, c.Type, v)
		}
		row++
	}
	switch {
	case w.template:
		for k := 0; k < blankRows[s.Name]; k++ {
			if s.Parent != nil {
				w.style(s.Name, 1, row, "input")
			}
			for i := range s.Columns {
				w.put(s.Name, off+i, row, s.Columns[i].Type, nil)
			}
			row++
		}
	case s.Parent == nil:
		items, _ := getAt(doc, tokens(s.Array))
		list, _ := items.([]any)
		for _, it := range list {
			writeItem(nil, it)
		}
	default:
		parents, _ := getAt(doc, tokens(s.Parent.Array))
		list, _ := parents.([]any)
		for _, p := range list {
			key, ok := getAt(p, tokens("/"+s.Parent.Key))
			if !ok {
				continue
			}
			children, _ := getAt(p, tokens("/"+s.Array))
			cl, _ := children.([]any)
			for _, c := range cl {
				writeItem(key, c)
			}
		}
	}
	last := max(row-1, firstRow+100)
	for i, c := range s.Columns {
		if err := w.validate(s.Name, fmt.Sprintf("%s:%s", ref(off+i, firstRow), ref(off+i, last)), c.Type, c.Values); err != nil {
			return err
		}
	}
	return nil
}

// writeExtras keeps on the hidden sheet each place where the cells do not
// give the plan back: the pointer, what the cells gave, the plan's value.
func (w *writer) writeExtras(ds []diff) error {
	const chunk = 32000
	for i, d := range ds {
		row := i + 2
		_ = w.f.SetCellStr(extrasSheet, ref(1, row), d.Pointer)
		if d.HasGot {
			if err := w.long(ref(2, row), jsonText(d.Got)); err != nil {
				return err
			}
		}
		if d.HasWant {
			s := jsonText(d.Want)
			for k, col := 0, 3; k < len(s); k, col = k+chunk, col+1 {
				if err := w.f.SetCellStr(extrasSheet, ref(col, row), s[k:min(k+chunk, len(s))]); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (w *writer) long(at, s string) error {
	if len(s) > 32000 {
		s = "#hash " + hashOf(s)
	}
	return w.f.SetCellStr(extrasSheet, at, s)
}

// yearRow is the first years sheet and its row of financial years: the list
// the performance sheet's years are chosen from.
func (w *writer) yearRow() (string, int) {
	for _, s := range w.layout.Sheets {
		if s.Kind != kindYears {
			continue
		}
		for _, f := range s.Fields {
			if f.Pointer == "year" {
				return s.Name, f.Row
			}
		}
	}
	return "", 0
}
