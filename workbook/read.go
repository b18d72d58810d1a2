package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/big"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/planassure/planassure/plan"
)

// Options limit what Read accepts.
type Options struct {
	// MaxFileSize is the largest .xlsx file; a sheet may unzip to at most this
	// much XML, and the whole workbook to four times it (a zip bomb is refused
	// before it is unzipped).
	MaxFileSize int64
}

func (o Options) limits() (file, sheet, total int64) {
	file = o.MaxFileSize
	if file <= 0 {
		file = plan.DefaultMaxFileSize // the limit a plan file has
	}
	return file, file, 4 * file
}

// Error is one problem with a workbook: where (sheet and cell, the plan field
// it holds) and what.
type Error struct {
	Sheet   string // "" for the workbook as a whole
	Cell    string // "D14"; "" for a whole sheet
	Pointer string // the plan field the cell holds, when known
	Err     error
}

// Where is "Sheet!D14", "Sheet" or "".
func (e *Error) Where() string {
	if e.Sheet != "" && e.Cell != "" {
		return e.Sheet + "!" + e.Cell
	}
	return e.Sheet
}

func (e *Error) Error() string {
	var b strings.Builder
	if w := e.Where(); w != "" {
		b.WriteString(w + ": ")
	}
	if e.Pointer != "" {
		b.WriteString(e.Pointer + ": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Errors is every problem found in one workbook, in the order of its sheets.
type Errors []*Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// maxErrors is the most problems reported for one workbook.
const maxErrors = 50

// Result is a workbook read into a plan.
type Result struct {
	Doc    map[string]any    // the plan-format document: maps, slices, json.Number, strings
	Cells  map[string]string // JSON pointer -> "Sheet!A1" of the cell it came from
	Layout string            // the layout followed ("default" or a round)
}

// JSON is the document as indented JSON, figures exactly as in the cells,
// fields in the order plan-format and the workbook give them.
func (r *Result) JSON() ([]byte, error) {
	var buf bytes.Buffer
	if err := writeJSON(&buf, r.Doc, keyRanks(), "", ""); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

var (
	ranksOnce sync.Once
	ranks     map[string]int
)

// keyRanks orders the fields of each object, by its path without indexes
// ("years/finance/funding/total"): the top level and a year as plan-format
// lists them, then each field in the order the default layout places it;
// other fields (x_ fields) come after, sorted.
func keyRanks() map[string]int {
	ranksOnce.Do(func() {
		ranks = map[string]int{}
		add := func(path string) {
			toks := tokens("/" + strings.Trim(path, "/"))
			for i := range toks {
				p := strings.Join(toks[:i+1], "/")
				if _, ok := ranks[p]; !ok {
					ranks[p] = len(ranks)
				}
			}
		}
		for _, p := range []string{"schema_version", "submission/round", "submission/version", "submission/status",
			"submission/submitted_on", "organisation", "years/year", "years/basis", "years/finance", "years/activity",
			"years/performance", "must_dos/number", "must_dos/summary", "must_dos/lead", "must_dos/milestones", "must_dos/metrics",
			"risks", "sign_off", "notes", "footprint"} {
			add(p)
		}
		l, err := LayoutFor("default")
		if err != nil {
			return
		}
		for _, s := range l.Sheets {
			switch s.Kind {
			case kindFields:
				for _, f := range s.Fields {
					add(f.Pointer)
				}
			case kindYears:
				for _, f := range s.Fields {
					add("years/" + f.Pointer)
				}
			case kindPerformance:
				for _, st := range s.Standards {
					for _, k := range []string{"plan", "monthly", "recovery_plan"} {
						add("years/performance/" + st.Key + "/" + k)
					}
				}
			case kindTable:
				arr := s.Array
				if s.Parent != nil {
					arr = s.Parent.Array + "/" + s.Array
				}
				for _, c := range s.Columns {
					add(arr + "/" + c.Field)
				}
			}
		}
	})
	return ranks
}

// writeJSON writes v indented, object members ordered by rank.
func writeJSON(buf *bytes.Buffer, v any, rank map[string]int, path, indent string) error {
	switch x := v.(type) {
	case map[string]any:
		if len(x) == 0 {
			buf.WriteString("{}")
			return nil
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		prefix := ""
		if path != "" {
			prefix = path + "/"
		}
		sort.Slice(keys, func(i, j int) bool {
			ri, iok := rank[prefix+keys[i]]
			rj, jok := rank[prefix+keys[j]]
			switch {
			case iok && jok:
				return ri < rj
			case iok != jok:
				return iok
			}
			return keys[i] < keys[j]
		})
		buf.WriteString("{\n")
		for i, k := range keys {
			buf.WriteString(indent + "  ")
			if err := writeScalar(buf, k); err != nil {
				return err
			}
			buf.WriteString(": ")
			if err := writeJSON(buf, x[k], rank, prefix+k, indent+"  "); err != nil {
				return err
			}
			if i < len(keys)-1 {
				buf.WriteByte(',')
			}
			buf.WriteByte('\n')
		}
		buf.WriteString(indent + "}")
	case []any:
		if len(x) == 0 {
			buf.WriteString("[]")
			return nil
		}
		buf.WriteString("[\n")
		for i, e := range x {
			buf.WriteString(indent + "  ")
			if err := writeJSON(buf, e, rank, path, indent+"  "); err != nil {
				return err
			}
			if i < len(x)-1 {
				buf.WriteByte(',')
			}
			buf.WriteByte('\n')
		}
		buf.WriteString(indent + "]")
	default:
		return writeScalar(buf, v)
	}
	return nil
}

func writeScalar(buf *bytes.Buffer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
	return nil
}

// CellOf returns the cell of pointer, or of the nearest field above it that
// came from a cell; "" if none did.
func (r *Result) CellOf(pointer string) string { return CellOf(r.Cells, pointer) }

// CellOf looks pointer up in a cell map, walking up to its parents.
func CellOf(cells map[string]string, pointer string) string {
	for p := pointer; ; {
		if c, ok := cells[p]; ok {
			return c
		}
		i := strings.LastIndex(p, "/")
		if i < 0 {
			return ""
		}
		p = p[:i]
	}
}

var (
	oleHeader = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipHeader = []byte("PK\x03\x04")
)

// IsWorkbook says whether data looks like a workbook (a zip, or an encrypted
// or old-format Office file) rather than JSON.
func IsWorkbook(data []byte) bool {
	return bytes.HasPrefix(data, zipHeader) || bytes.HasPrefix(data, oleHeader)
}

// Read reads a workbook into a plan. Every problem found is returned as
// Errors (or one *Error when the file cannot be opened at all).
func Read(data []byte, opts Options) (*Result, error) {
	f, err := open(data, opts)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readFile(f, true)
}

// open checks the file as a zip before excelize unzips it: its size, the
// size every part and sheet unzips to, and what it is when it is no zip.
func open(data []byte, opts Options) (*excelize.File, error) {
	fileLimit, sheetLimit, totalLimit := opts.limits()
	whole := func(format string, a ...any) error { return &Error{Err: fmt.Errorf(format, a...)} }
	if int64(len(data)) > fileLimit {
		return nil, &Error{Err: tooLarge("the workbook is larger than %s, the most a plan may be", byteSize(fileLimit))}
	}
	if bytes.HasPrefix(data, oleHeader) {
		return nil, whole("the workbook is password-protected (encrypted), or an old .xls file: remove the password " +
			"(File > Info > Protect Workbook > Encrypt with Password, clear it) and save it as an Excel Workbook (.xlsx)")
	}
	if !bytes.HasPrefix(data, zipHeader) {
		return nil, whole("not an Excel workbook: an .xlsx file is a zip archive, and this file is not one (save the workbook as .xlsx)")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, whole("the workbook is damaged (%v): it cannot be unzipped; save it again from Excel as .xlsx", err)
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if total > uint64(totalLimit) || zf.UncompressedSize64 > uint64(totalLimit) {
			return nil, &Error{Err: tooLarge("the workbook unzips to more than %s (four times the most a plan file may be): "+
				"a workbook holding one plan is far smaller; this may be a zip bomb", byteSize(totalLimit))}
		}
	}
	sheets, err := sheetParts(zr)
	if err != nil {
		return nil, whole("the workbook is damaged: %v; save it again from Excel as .xlsx", err)
	}
	for _, zf := range zr.File {
		name, isSheet := sheets[zf.Name]
		if (isSheet || strings.EqualFold(zf.Name, "xl/sharedStrings.xml")) && zf.UncompressedSize64 > uint64(sheetLimit) {
			if !isSheet {
				return nil, &Error{Err: tooLarge("the workbook's text (xl/sharedStrings.xml) unzips to %s, more than the %s a plan's text may take",
					byteSize(int64(zf.UncompressedSize64)), byteSize(sheetLimit))}
			}
			return nil, &Error{Sheet: name, Err: tooLarge("the sheet unzips to %s, more than the %s a sheet may hold: "+
				"a plan's sheet has at most a few thousand rows; delete the rows and columns beyond the plan", byteSize(int64(zf.UncompressedSize64)), byteSize(sheetLimit))}
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: totalLimit, UnzipXMLSizeLimit: totalLimit})
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookFileFormat) || errors.Is(err, excelize.ErrWorkbookPassword) {
			return nil, whole("the workbook is password-protected: remove the password and save it as .xlsx")
		}
		return nil, whole("the workbook is damaged (%v): save it again from Excel as .xlsx", err)
	}
	return f, nil
}

// sizeError is a workbook over a size limit: errors.Is(err, plan.ErrTooLarge),
// so that each front end adds its advice (a flag to raise, a service's limit).
type sizeError struct{ msg string }

func (e *sizeError) Error() string        { return e.msg }
func (e *sizeError) Is(target error) bool { return target == plan.ErrTooLarge }

func tooLarge(format string, a ...any) error { return &sizeError{fmt.Sprintf(format, a...)} }

// sheetParts maps each worksheet part of the zip to its sheet name, from
// xl/workbook.xml and its relationships.
func sheetParts(zr *zip.Reader) (map[string]string, error) {
	read := func(name string) ([]byte, error) {
		for _, zf := range zr.File {
			if strings.EqualFold(zf.Name, name) {
				rc, err := zf.Open()
				if err != nil {
					return nil, err
				}
				defer rc.Close()
				return io.ReadAll(io.LimitReader(rc, 8<<20))
			}
		}
		return nil, fmt.Errorf("%s is missing", name)
	}
	wb, err := read("xl/workbook.xml")
	if err != nil {
		return nil, err
	}
	rels, err := read("xl/_rels/workbook.xml.rels")
	if err != nil {
		return nil, err
	}
	var w struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wb, &w); err != nil {
		return nil, fmt.Errorf("xl/workbook.xml: %v", err)
	}
	var r struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(rels, &r); err != nil {
		return nil, fmt.Errorf("xl/_rels/workbook.xml.rels: %v", err)
	}
	target := map[string]string{}
	for _, x := range r.Rels {
		t := x.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[x.ID] = t
	}
	out := map[string]string{}
	for _, s := range w.Sheets {
		if t, ok := target[s.ID]; ok {
			out[t] = s.Name
		}
	}
	return out, nil
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) != 0:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// reader reads one opened workbook.
type reader struct {
	f        *excelize.File
	layout   *Layout
	doc      any
	cells    map[string]string
	errs     Errors
	years    map[string]int // financial year -> index in /years
	moved    map[string]int // sheet -> labels not where the layout has them
	depth    int            // formulas being evaluated within one another
	date1904 bool           // dates count from 1904 (a workbook made on an old Mac)
	extras   bool
}

func (r *reader) fail(sheet, cell, ptr string, format string, a ...any) {
	if len(r.errs) < maxErrors {
		r.errs = append(r.errs, &Error{Sheet: sheet, Cell: cell, Pointer: ptr, Err: fmt.Errorf(format, a...)})
	}
}

// readFile reads an opened workbook; with extras, the hidden sheet of fields
// the layout does not map is applied.
func readFile(f *excelize.File, extras bool) (*Result, error) {
	r := &reader{f: f, doc: map[string]any{}, cells: map[string]string{}, years: map[string]int{}, moved: map[string]int{}, extras: extras}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		r.date1904 = *props.Date1904
	}
	round, err := r.round()
	if err != nil {
		return nil, err
	}
	r.layout, err = LayoutFor(round)
	if err != nil {
		return nil, err
	}
	present := map[string]bool{}
	for _, name := range f.GetSheetList() {
		present[name] = true
	}
	for _, s := range r.layout.Sheets {
		if !present[s.Name] {
			r.fail(s.Name, "", "", "the sheet is missing: the workbook must keep every sheet of the template (%s layout); "+
				"do not rename or delete sheets", r.layout.Name)
			continue
		}
		r.checkMerged(s)
	}
	if len(r.errs) > 0 {
		return nil, r.errs
	}
	for _, s := range r.layout.Sheets {
		switch s.Kind {
		case kindFields:
			r.readFields(s)
		case kindYears:
			r.readYears(s)
		}
	}
	for _, s := range r.layout.Sheets {
		switch s.Kind {
		case kindPerformance:
			r.readPerformance(s)
		case kindTable:
			if s.Parent == nil {
				r.readTable(s)
			}
		}
	}
	for _, s := range r.layout.Sheets {
		if s.Kind == kindTable && s.Parent != nil {
			r.readTable(s)
		}
	}
	if extras && present[extrasSheet] && len(r.errs) == 0 {
		r.applyExtras()
	}
	if len(r.errs) > 0 {
		return nil, r.errs
	}
	doc, _ := r.doc.(map[string]any)
	return &Result{Doc: doc, Cells: r.cells, Layout: r.layout.Name}, nil
}

// round finds the planning round on the cover sheet: the row labelled
// "Planning round", wherever a round's layout puts it.
func (r *reader) round() (string, error) {
	if idx, _ := r.f.GetSheetIndex(coverSheet); idx < 0 {
		return "", Errors{{Sheet: coverSheet, Err: errors.New("the sheet is missing: a plan workbook starts with the Cover sheet " +
			"of the planassure template (planassure template --round R -o plan.xlsx)")}}
	}
	for row := 1; row <= 60; row++ {
		label, _ := r.f.GetCellValue(coverSheet, ref(1, row))
		if sameLabel(label, roundLabel) {
			v, _ := r.f.GetCellValue(coverSheet, ref(2, row), excelize.Options{RawCellValue: true})
			return strings.TrimSpace(v), nil
		}
	}
	return "", Errors{{Sheet: coverSheet, Err: fmt.Errorf("no row labelled %q in column A: "+
		"the cover sheet must keep the template's labels", roundLabel)}}
}

// checkMerged refuses merged cells below the title rows: a merge moves or
// hides the cells the layout reads.
func (r *reader) checkMerged(s Sheet) {
	merged, err := r.f.GetMergeCells(s.Name)
	if err != nil {
		r.fail(s.Name, "", "", "cannot read the merged cells: %v", err)
		return
	}
	for _, m := range merged {
		_, row, err := excelize.CellNameToCoordinates(m.GetStartAxis())
		_, endRow, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err != nil || err2 != nil || endRow >= headerRow || row >= headerRow {
			r.fail(s.Name, m.GetStartAxis(), "", "cells %s:%s are merged: a merged cell hides the labels and figures the "+
				"template reads; unmerge them (Home > Merge & Center > Unmerge Cells)", m.GetStartAxis(), m.GetEndAxis())
		}
	}
}

// cell is what a cell holds, read from its stored value, never through a
// float: a number is the digits stored in the file.
type cell struct {
	kind    int // cellEmpty, cellNumber, cellText, cellBool, cellError
	s       string
	formula bool
}

const (
	cellEmpty = iota
	cellNumber
	cellText
	cellBool
	cellError
)

func (r *reader) cell(sheet string, col, row int) cell {
	c := r.rawCell(sheet, col, row)
	if !c.formula || (c.kind != cellNumber && c.kind != cellEmpty) {
		return c
	}
	// A total written as a sum of cells: its value in exact decimals, from
	// the figures it adds, in place of binary floating point's (Excel caches
	// 244500.3-244000.3+2500 as 3000.0000000000291). A cached value that is
	// more than rounding away from the sum (a workbook not recalculated) is
	// kept.
	formula, _ := r.f.GetCellFormula(sheet, ref(col, row))
	exact, ok := r.exactSum(sheet, formula)
	if !ok {
		return c
	}
	if c.kind == cellNumber {
		cached, ok := new(big.Rat).SetString(c.s)
		if !ok || !nearlyEqual(cached, exact) {
			return c
		}
	}
	return cell{kind: cellNumber, s: ratDecimal(exact), formula: true}
}

// nearlyEqual says whether a and b differ by no more than binary floating
// point's rounding of a sum of £000 figures (a part in 10^12).
func nearlyEqual(a, b *big.Rat) bool {
	d := new(big.Rat).Sub(a, b)
	d.Abs(d)
	scale := new(big.Rat).Abs(a)
	if scale.Cmp(big.NewRat(1, 1)) < 0 {
		scale = big.NewRat(1, 1)
	}
	return d.Cmp(scale.Mul(scale, big.NewRat(1, 1_000_000_000_000))) <= 0
}

var sumTerm = regexp.MustCompile(`^([+-]?)(?:SUM\(([^()]*)\)|((?:'[^']+'|[A-Za-z0-9_.]+)!)?(\$?[A-Z]{1,3}\$?[0-9]{1,7}))`)

// exactSum evaluates a formula that only adds and subtracts cells (and SUMs
// of cells and ranges), exactly; ok is false for any other formula, or when
// a cell it adds holds no number (an empty cell counts as 0).
func (r *reader) exactSum(sheet, formula string) (*big.Rat, bool) {
	if r.depth > 16 {
		return nil, false
	}
	r.depth++
	defer func() { r.depth-- }()
	f := strings.ReplaceAll(strings.TrimPrefix(strings.TrimSpace(formula), "="), " ", "")
	if f == "" {
		return nil, false
	}
	sum := new(big.Rat)
	for f != "" {
		m := sumTerm.FindStringSubmatch(f)
		if m == nil {
			return nil, false
		}
		f = f[len(m[0]):]
		var refs []string
		sh := sheet
		if m[2] != "" {
			refs = strings.Split(m[2], ",")
		} else {
			if m[3] != "" {
				sh = strings.Trim(strings.TrimSuffix(m[3], "!"), "'")
			}
			refs = []string{m[4]}
		}
		term := new(big.Rat)
		for _, rf := range refs {
			v, ok := r.sumRange(sh, rf)
			if !ok {
				return nil, false
			}
			term.Add(term, v)
		}
		if m[1] == "-" {
			term.Neg(term)
		}
		sum.Add(sum, term)
	}
	return sum, true
}

// sumRange adds the numbers of a cell or a range (A1:A5, at most a thousand
// cells) of sheet.
func (r *reader) sumRange(sheet, rng string) (*big.Rat, bool) {
	rng = strings.ReplaceAll(rng, "$", "")
	from, to, isRange := strings.Cut(rng, ":")
	if !isRange {
		to = from
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(from)
	c2, r2, err2 := excelize.CellNameToCoordinates(to)
	if err1 != nil || err2 != nil || c2 < c1 || r2 < r1 || (c2-c1+1)*(r2-r1+1) > 1000 {
		return nil, false
	}
	if idx, err := r.f.GetSheetIndex(sheet); err != nil || idx < 0 {
		return nil, false
	}
	sum := new(big.Rat)
	for col := c1; col <= c2; col++ {
		for row := r1; row <= r2; row++ {
			c := r.cell(sheet, col, row)
			switch c.kind {
			case cellEmpty:
			case cellNumber:
				x, ok := new(big.Rat).SetString(c.s)
				if !ok {
					return nil, false
				}
				sum.Add(sum, x)
			default:
				return nil, false
			}
		}
	}
	return sum, true
}

// rawCell reads a cell as stored: a formula's cached value, or its value
// computed by excelize when none is cached.
func (r *reader) rawCell(sheet string, col, row int) cell {
	at := ref(col, row)
	t, err := r.f.GetCellType(sheet, at)
	if err != nil {
		return cell{kind: cellError, s: err.Error()}
	}
	v, err := r.f.GetCellValue(sheet, at, excelize.Options{RawCellValue: true})
	if err != nil {
		return cell{kind: cellError, s: err.Error()}
	}
	formula, _ := r.f.GetCellFormula(sheet, at)
	c := cell{formula: formula != ""}
	if c.formula && v == "" {
		if _, ok := r.exactSum(sheet, formula); ok {
			return cell{formula: true} // cell() gives its exact value
		}
		// No value cached (a workbook written by a program, not saved by
		// Excel): compute the formula.
		res, err := r.f.CalcCellValue(sheet, at, excelize.Options{RawCellValue: true})
		switch {
		case err != nil && strings.HasPrefix(res, "#"):
			return cell{kind: cellError, s: res, formula: true}
		case err != nil:
			return cell{kind: cellError, s: "=" + formula + " (" + err.Error() + ")", formula: true}
		case strings.HasPrefix(res, "#"):
			return cell{kind: cellError, s: res, formula: true}
		}
		if n, ok := plainNumber(res, true); ok {
			return cell{kind: cellNumber, s: n, formula: true}
		}
		if res == "" {
			return cell{formula: true}
		}
		return cell{kind: cellText, s: res, formula: true}
	}
	switch t {
	case excelize.CellTypeError:
		c.kind, c.s = cellError, v
	case excelize.CellTypeBool:
		c.kind, c.s = cellBool, map[string]string{"1": "TRUE", "0": "FALSE"}[v]
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString:
		c.kind, c.s = cellText, v
	case excelize.CellTypeFormula:
		// A formula's result cached as text: programs that write formulas
		// (excelize among them) mark every result so, numbers too.
		c.kind, c.s = cellText, v
		if strings.HasPrefix(v, "#") {
			c.kind = cellError
		} else if n, ok := plainNumber(v, true); ok {
			c.kind, c.s = cellNumber, n
		}
	case excelize.CellTypeDate:
		c.kind, c.s = cellText, v
		if ts, err := time.Parse(time.RFC3339, v); err == nil {
			c.s = ts.Format("2006-01-02")
		} else if len(v) >= 10 {
			c.s = v[:10]
		}
	default:
		if v == "" {
			return c
		}
		n, ok := plainNumber(v, c.formula)
		if !ok {
			c.kind, c.s = cellError, "#NUM!"
			return c
		}
		c.kind, c.s = cellNumber, n
	}
	if c.kind == cellText && strings.TrimSpace(c.s) == "" {
		c.kind = cellEmpty
	}
	return c
}

// plainNumber writes a stored number in plain digits, exactly: 1.5E-3 as
// 0.0015. A formula's result is rounded to the 15 significant digits Excel
// calculates with (a sum of £000 decimals computed in binary floating point
// is 0.30000000000000004 where the figures say 0.3).
func plainNumber(s string, computed bool) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, "xXpP_") {
		return "", false
	}
	if computed {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return "", false
		}
		s = strconv.FormatFloat(f, 'g', 15, 64)
	} else if !strings.ContainsAny(s, "eE") {
		if _, ok := new(big.Rat).SetString(s); !ok {
			return "", false
		}
		return strings.TrimPrefix(s, "+"), true
	}
	rat, ok := new(big.Rat).SetString(s)
	if !ok {
		return "", false
	}
	return ratDecimal(rat), true
}

// ratDecimal writes a rational with a finite decimal expansion in plain
// digits, without trailing zeros.
func ratDecimal(x *big.Rat) string {
	if x.IsInt() {
		return x.Num().String()
	}
	out := x.FloatString(40)
	out = strings.TrimRight(strings.TrimRight(out, "0"), ".")
	if out == "-0" {
		out = "0"
	}
	return out
}

// value turns a cell into the JSON value of a field of type typ; ok is false
// for an empty cell. A cell that cannot hold that type is an error.
func (r *reader) value(sheet string, col, row int, ptr, typ string) (any, bool) {
	c := r.cell(sheet, col, row)
	at := ref(col, row)
	if c.kind == cellError {
		if strings.HasPrefix(c.s, "=") {
			r.fail(sheet, at, ptr, "the formula %s cannot be calculated: fix the formula or type the value", c.s)
		} else {
			r.fail(sheet, at, ptr, "the cell shows the error %s%s: fix the formula or type the value", c.s, errorHint(c.s))
		}
		return nil, false
	}
	if c.kind == cellEmpty {
		return nil, false
	}
	switch typ {
	case "money", "percent", "count", "integer":
		if c.kind != cellNumber {
			r.fail(sheet, at, ptr, "%q is text, not a number: %s", clip(c.s), numberHint(typ))
			return nil, false
		}
		whole, frac, _ := strings.Cut(strings.TrimPrefix(c.s, "-"), ".")
		if len(whole) > maxDigits || len(frac) > maxDigits {
			r.fail(sheet, at, ptr, "%s has more than %d digits before or after the decimal point: check the units (money is in £000) and round it",
				clip(c.s), maxDigits)
			return nil, false
		}
		return json.Number(c.s), true
	case "date":
		if c.kind == cellNumber {
			f, err := strconv.ParseFloat(c.s, 64)
			t, err2 := excelize.ExcelDateToTime(f, r.date1904)
			if err != nil || err2 != nil || f < 1 || f != float64(int64(f)) {
				r.fail(sheet, at, ptr, "%s is not a date: enter a date such as 31/03/2017, or text 2017-03-31", c.s)
				return nil, false
			}
			return t.Format("2006-01-02"), true
		}
		return strings.TrimSpace(c.s), true
	case "list":
		var out []any
		for _, part := range strings.Split(c.s, ",") {
			if p := strings.TrimSpace(part); p != "" {
				out = append(out, p)
			}
		}
		if len(out) == 0 {
			return nil, false
		}
		return out, true
	case "enum", "code", "year":
		return strings.TrimSpace(c.s), true
	}
	return c.s, true
}

func errorHint(e string) string {
	switch e {
	case "#REF!":
		return " (a formula refers to a cell that was deleted)"
	case "#DIV/0!":
		return " (a division by zero)"
	case "#VALUE!":
		return " (a formula uses text where it needs a number)"
	case "#NAME?":
		return " (a formula uses a name Excel does not know)"
	}
	return ""
}

func numberHint(typ string) string {
	switch typ {
	case "money":
		return "enter the amount in £000 as a number, without £ signs, commas or words (1,234.5 thousand pounds is 1234.5)"
	case "percent":
		return "enter the percentage as a number from 0 to 100 (92 for 92%), without the % sign"
	}
	return "enter a whole number, without commas or words"
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "..."
	}
	return s
}

func (r *reader) set(ptr string, v any, where string) {
	if old, ok := getAt(r.doc, tokens(ptr)); ok && !equal(old, v) {
		r.fail(strings.SplitN(where, "!", 2)[0], strings.SplitN(where+"!", "!", 3)[1], ptr,
			"%s differs from %s (%s): the sheets must agree", jsonText(v), jsonText(old), r.cells[ptr])
		return
	}
	doc, err := setAt(r.doc, tokens(ptr), v)
	if err != nil {
		r.fail(strings.SplitN(where, "!", 2)[0], strings.SplitN(where+"!", "!", 3)[1], ptr, "%v", err)
		return
	}
	r.doc = doc
	r.mark(ptr, where)
}

// mark records the cell of ptr, and of each object above it that has none
// yet: an object is found at its first field's cell.
func (r *reader) mark(ptr, where string) {
	for p := ptr; p != ""; p = p[:strings.LastIndex(p, "/")] {
		if _, ok := r.cells[p]; ok {
			if p == ptr {
				continue
			}
			return
		}
		r.cells[p] = where
	}
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// checkLabel refuses a row whose label is not the layout's: a row moved,
// inserted or deleted would put figures in the wrong fields.
func (r *reader) checkLabel(sheet string, col, row int, want string) bool {
	got, _ := r.f.GetCellValue(sheet, ref(col, row))
	if sameLabel(got, want) {
		return true
	}
	if r.moved[sheet]++; r.moved[sheet] > 1 {
		return false // one error a sheet: the rows below a moved one are all out of place
	}
	if strings.TrimSpace(got) == "" {
		r.fail(sheet, ref(col, row), "", "expected the label %q, found an empty cell: rows and columns must not be moved, inserted or deleted "+
			"(undo the change, or copy the figures into a new template)", want)
	} else {
		r.fail(sheet, ref(col, row), "", "expected the label %q, found %q: rows and columns must not be moved, inserted or deleted "+
			"(undo the change, or copy the figures into a new template)", want, clip(got))
	}
	return false
}

func (r *reader) readFields(s Sheet) {
	for _, f := range s.Fields {
		if f.Heading != "" || !r.checkLabel(s.Name, 1, f.Row, f.Label) {
			continue
		}
		r.mark(f.Pointer, cellName(s.Name, 2, f.Row)) // an empty cell too: where a missing field goes
		if v, ok := r.value(s.Name, 2, f.Row, f.Pointer, f.Type); ok {
			r.set(f.Pointer, v, cellName(s.Name, 2, f.Row))
		}
	}
}

func (r *reader) readYears(s Sheet) {
	var yearRow int
	for _, f := range s.Fields {
		if f.Pointer == "year" {
			yearRow = f.Row
		}
	}
	ok := true
	for _, f := range s.Fields {
		if f.Heading == "" {
			ok = r.checkLabel(s.Name, 1, f.Row, f.Label) && ok
		}
	}
	if !ok || yearRow == 0 {
		return
	}
	for i := 0; i < maxYears; i++ {
		col := firstYearCol + i
		yc := r.cell(s.Name, col, yearRow)
		if yc.kind == cellEmpty {
			break
		}
		base := join("/years", strconv.Itoa(i))
		if y, ok := r.value(s.Name, col, yearRow, base+"/year", "year"); ok {
			if _, seen := r.years[y.(string)]; !seen {
				r.years[y.(string)] = i
			}
		}
		for _, f := range s.Fields {
			if f.Heading != "" {
				continue
			}
			ptr := resolve(base, f.Pointer)
			r.mark(ptr, cellName(s.Name, col, f.Row))
			if f.Formula != "" && r.blankTotal(s.Name, col, f, base) {
				continue
			}
			if v, ok := r.value(s.Name, col, f.Row, ptr, f.Type); ok {
				r.set(ptr, v, cellName(s.Name, col, f.Row))
			}
		}
		for _, f := range s.Fields {
			if !f.Collapse {
				continue
			}
			ptr := resolve(base, f.Pointer)
			parent := ptr[:strings.LastIndex(ptr, "/")]
			if obj, ok := getAt(r.doc, tokens(parent)); ok {
				if m, ok := obj.(map[string]any); ok && len(m) == 1 && m[path.Base(ptr)] != nil {
					r.doc, _ = setAt(r.doc, tokens(parent), m[path.Base(ptr)])
					r.cells[parent] = r.cells[ptr]
				}
			}
		}
	}
}

var months = []string{"Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"}

// performance sheet columns
const (
	perfYear     = 1
	perfStandard = 2
	perfUnit     = 3
	perfPlan     = 4
	perfMonth1   = 5
	perfRecovery = perfMonth1 + 12
)

func performanceHeaders() []string {
	h := []string{"Financial year", "Standard", "Unit", "Year-end plan"}
	h = append(h, months...)
	return append(h, "Recovery plan reference")
}

func (r *reader) checkHeaders(s Sheet, headers []string) bool {
	ok := true
	for i, h := range headers {
		ok = r.checkLabel(s.Name, i+1, headerRow, h) && ok
	}
	return ok
}

func (r *reader) readPerformance(s Sheet) {
	if !r.checkHeaders(s, performanceHeaders()) {
		return
	}
	byLabel := map[string]string{}
	for _, st := range s.Standards {
		byLabel[strings.ToLower(strings.Join(strings.Fields(st.Label), " "))] = st.Key
		byLabel[st.Key] = st.Key
	}
	r.rows(s, func(row int) bool {
		yc, sc := r.cell(s.Name, perfYear, row), r.cell(s.Name, perfStandard, row)
		if yc.kind == cellEmpty && sc.kind == cellEmpty {
			return r.rowEmpty(s.Name, row, perfRecovery)
		}
		year, _ := r.value(s.Name, perfYear, row, "", "year")
		i, ok := r.years[fmt.Sprint(year)]
		if !ok {
			r.fail(s.Name, ref(perfYear, row), "", "the year %q is not a year of the Finance or Activity sheet: give one of their years", fmt.Sprint(year))
			return true
		}
		key, ok := byLabel[strings.ToLower(strings.Join(strings.Fields(sc.s), " "))]
		if !ok || sc.kind != cellText {
			r.fail(s.Name, ref(perfStandard, row), "", "%q is not a standard of the template: choose one from the list", clip(sc.s))
			return true
		}
		base := join("/years", strconv.Itoa(i), "performance", key)
		if _, dup := getAt(r.doc, tokens(base)); dup {
			r.fail(s.Name, ref(perfStandard, row), base, "the standard is given twice for %v: keep one row", year)
			return true
		}
		found := false
		if v, ok := r.value(s.Name, perfPlan, row, base+"/plan", "percent"); ok {
			r.set(base+"/plan", v, cellName(s.Name, perfPlan, row))
			found = true
		}
		var monthly []any
		empty := 0
		for m := 0; m < 12; m++ {
			v, ok := r.value(s.Name, perfMonth1+m, row, fmt.Sprintf("%s/monthly/%d", base, m), "percent")
			if !ok {
				if empty == 0 {
					empty = perfMonth1 + m
				}
				continue
			}
			monthly = append(monthly, v)
		}
		if len(monthly) > 0 && empty != 0 {
			r.fail(s.Name, ref(empty, row), base+"/monthly", "the month is empty: give a level for every month from April to March, or for none")
			return true
		}
		if len(monthly) > 0 {
			r.set(base+"/monthly", monthly, cellName(s.Name, perfMonth1, row))
			for m := range monthly {
				r.cells[fmt.Sprintf("%s/monthly/%d", base, m)] = cellName(s.Name, perfMonth1+m, row)
			}
			found = true
		}
		if v, ok := r.value(s.Name, perfRecovery, row, base+"/recovery_plan", "string"); ok {
			r.set(base+"/recovery_plan", v, cellName(s.Name, perfRecovery, row))
			found = true
		}
		if found {
			r.cells[base] = cellName(s.Name, perfStandard, row)
		}
		return true
	})
}

// rows calls fn for each row from the first item row until fn returns false,
// refusing a sheet with more rows than a plan has.
func (r *reader) rows(s Sheet, fn func(row int) bool) {
	for row := firstRow; ; row++ {
		if row >= firstRow+maxTableRows {
			r.fail(s.Name, ref(1, row), "", "the sheet has more than %d rows: a plan has far fewer; delete the rows beyond the plan", maxTableRows)
			return
		}
		if !fn(row) {
			return
		}
	}
}

// rowEmpty says whether columns 1..last of row are empty; at an empty row a
// table ends.
func (r *reader) rowEmpty(sheet string, row, last int) bool {
	for col := 1; col <= last; col++ {
		if r.cell(sheet, col, row).kind != cellEmpty {
			r.fail(sheet, ref(col, row), "", "a value in a row with no year and standard: fill them in, or clear the row")
			return true
		}
	}
	return false
}

func tableHeaders(s Sheet) []string {
	var h []string
	if s.Parent != nil {
		h = append(h, s.Parent.Header)
	}
	for _, c := range s.Columns {
		h = append(h, c.Header)
	}
	return h
}

func (r *reader) readTable(s Sheet) {
	if !r.checkHeaders(s, tableHeaders(s)) {
		return
	}
	counts := map[string]int{} // array pointer -> items read
	off := 1
	if s.Parent != nil {
		off = 2
	}
	r.rows(s, func(row int) bool {
		empty := true
		for col := 1; col < off+len(s.Columns); col++ {
			if r.cell(s.Name, col, row).kind != cellEmpty {
				empty = false
				break
			}
		}
		if empty {
			return false
		}
		arr := s.Array
		if s.Parent != nil {
			parent, ok := r.parent(s, row)
			if !ok {
				return true
			}
			arr = resolve(parent, s.Array)
		}
		n, seen := counts[arr]
		if !seen {
			if a, ok := getAt(r.doc, tokens(arr)); ok {
				if l, ok := a.([]any); ok {
					n = len(l)
				}
			}
		}
		item := join(arr, strconv.Itoa(n))
		got := false
		for i, c := range s.Columns {
			ptr := resolve(item, c.Field)
			if v, ok := r.value(s.Name, off+i, row, ptr, c.Type); ok {
				r.set(ptr, v, cellName(s.Name, off+i, row))
				got = true
			}
		}
		if got {
			counts[arr] = n + 1
			r.cells[item] = cellName(s.Name, off, row)
		}
		return true
	})
}

// parent finds the item a table row belongs to by its key column.
func (r *reader) parent(s Sheet, row int) (string, bool) {
	p := s.Parent
	key, ok := r.value(s.Name, 1, row, "", p.Type)
	if !ok {
		r.fail(s.Name, ref(1, row), "", "the %s is empty: give it, so the row can be tied to its %s", p.Header, strings.TrimPrefix(p.Array, "/"))
		return "", false
	}
	list, _ := getAt(r.doc, tokens(p.Array))
	items, _ := list.([]any)
	for i, it := range items {
		if v, ok := getAt(it, tokens("/"+p.Key)); ok && equal(v, key) {
			return join(p.Array, strconv.Itoa(i)), true
		}
	}
	r.fail(s.Name, ref(1, row), "", "%s %v is not in the plan: give one the workbook has", p.Header, jsonText(key))
	return "", false
}

var excelizeRaw = excelize.Options{RawCellValue: true}

// blankTotal says whether a total's cell is still the template's formula
// over lines all left empty: the plan then has no total either.
func (r *reader) blankTotal(sheet string, col int, f Field, base string) bool {
	if fml, _ := r.f.GetCellFormula(sheet, ref(col, f.Row)); fml == "" {
		return false
	}
	for _, t := range terms(f.Formula) {
		if _, ok := getAt(r.doc, tokens(resolve(base, t.pointer))); ok {
			return false
		}
	}
	return true
}
