package workbook_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/policies"
	"github.com/planassure/planassure/runner"
	"github.com/planassure/planassure/workbook"
)

var update = flag.Bool("update", false, "rewrite golden files")

const badWorkbooks = "../testdata/workbooks/invalid"

// exported is a shipped plan written into a workbook, opened for changing.
func exported(t *testing.T, plan string) *excelize.File {
	t.Helper()
	data, err := os.ReadFile("../plans/" + plan)
	if err != nil {
		t.Fatal(err)
	}
	f, err := workbook.ExportJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func xlsxBytes(t *testing.T, f *excelize.File, opts ...excelize.Options) []byte {
	t.Helper()
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	if len(opts) > 0 { // encrypted: written through SaveAs's options
		dir := t.TempDir()
		p := filepath.Join(dir, "x.xlsx")
		if err := f.SaveAs(p, opts...); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	return buf.Bytes()
}

// rezip rewrites a workbook's zip with one part replaced by the bytes of fill.
func rezip(t *testing.T, data []byte, part string, fill func(w *zip.Writer)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name == part {
			fill(zw)
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		rc, _ := f.Open()
		var b bytes.Buffer
		_, _ = b.ReadFrom(rc)
		rc.Close()
		_, _ = w.Write(b.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// rezipEdit rewrites one part of a workbook's zip as edit gives it.
func rezipEdit(t *testing.T, data []byte, part, want string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var old string
	for _, f := range zr.File {
		if f.Name == part {
			rc, _ := f.Open()
			var b bytes.Buffer
			_, _ = b.ReadFrom(rc)
			rc.Close()
			old = b.String()
		}
	}
	if !strings.Contains(old, want) {
		t.Fatalf("%s holds no %s", part, want)
	}
	return rezip(t, data, part, func(zw *zip.Writer) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: part, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(edit(old)))
	})
}

// sheetPart is the zip part of a sheet of an exported workbook.
func sheetPart(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	idx, err := f.GetSheetIndex(sheet)
	if err != nil || idx < 0 {
		t.Fatalf("no sheet %s", sheet)
	}
	return fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1)
}

// makeBadWorkbooks writes the cases of the bad-workbook corpus not yet
// written (go test -update).
func makeBadWorkbooks(t *testing.T) {
	const plan = "06W-2017-19.json"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// edited is the exported plan changed by edit, as workbook bytes
	edited := func(edit func(f *excelize.File) error) func() []byte {
		return func() []byte {
			f := exported(t, plan)
			must(edit(f))
			return xlsxBytes(t, f)
		}
	}
	cases := map[string]func() []byte{
		"text-in-money-cell": edited(func(f *excelize.File) error { return f.SetCellStr("Finance", "D14", "about 140 million") }),
		"percent-with-sign":  edited(func(f *excelize.File) error { return f.SetCellStr("Performance", "D4", "91%") }),
		"missing-sheet":      edited(func(f *excelize.File) error { return f.DeleteSheet("Activity") }),
		"missing-cover":      edited(func(f *excelize.File) error { return f.SetSheetName("Cover", "Front page") }),
		"moved-label":        edited(func(f *excelize.File) error { return f.InsertRows("Finance", 14, 1) }),
		"merged-label":       edited(func(f *excelize.File) error { return f.MergeCell("Finance", "A15", "C15") }),
		"formula-ref-error": edited(func(f *excelize.File) error {
			must(f.SetCellValue("Finance", "D11", nil)) // no cached value: the reader computes it
			return f.SetCellFormula("Finance", "D11", "#REF!+D7")
		}),
		"formula-ref-cached": func() []byte {
			// as Excel saves it: the formula's cached result is the error
			f := exported(t, plan)
			b := xlsxBytes(t, f)
			part := sheetPart(t, f, "Finance")
			return rezipEdit(t, b, part, `<c r="D11" s="`, func(xml string) string {
				i := strings.Index(xml, `<c r="D11" s="`)
				j := i + strings.Index(xml[i:], "</c>") + len("</c>")
				k := i + strings.Index(xml[i:], `"`+">")
				return xml[:i] + xml[i:k] + `" t="e"><f>#REF!+D7+D8+D9+D10</f><v>#REF!</v></c>` + xml[j:]
			})
		},
		"formula-div-zero": edited(func(f *excelize.File) error {
			must(f.SetCellValue("Finance", "D24", nil))
			return f.SetCellFormula("Finance", "D24", "D7/0")
		}),
		"bad-standard":            edited(func(f *excelize.File) error { return f.SetCellStr("Performance", "B4", "A&E 4 hour wait") }),
		"milestone-of-no-must-do": edited(func(f *excelize.File) error { return f.SetCellInt("Milestones", "A4", 12) }),
		"password-protected": func() []byte {
			return xlsxBytes(t, exported(t, plan), excelize.Options{Password: "secret"})
		},
		"corrupt-zip": func() []byte {
			b := xlsxBytes(t, exported(t, plan))
			return b[:len(b)/2]
		},
		"not-a-workbook": func() []byte {
			b, err := os.ReadFile("../plans/" + plan)
			must(err)
			return b
		},
		"empty": func() []byte { return nil },
		"zip-bomb": func() []byte {
			f := exported(t, plan)
			b := xlsxBytes(t, f)
			return rezip(t, b, sheetPart(t, f, "Notes"), func(zw *zip.Writer) {
				w, err := zw.CreateHeader(&zip.FileHeader{Name: sheetPart(t, f, "Notes"), Method: zip.Deflate})
				must(err)
				zeros := make([]byte, 1<<20)
				for i := 0; i < 48; i++ { // 48 MiB of zeros: about 48 KiB zipped
					_, _ = w.Write(zeros)
				}
			})
		},
		"too-many-rows": func() []byte {
			f := exported(t, plan)
			for row := 4; row <= 10010; row++ {
				must(f.SetCellStr("Notes", fmt.Sprintf("A%d", row), "a note"))
			}
			return xlsxBytes(t, f)
		},
		"huge-sheet": func() []byte {
			f := exported(t, plan)
			b := xlsxBytes(t, f)
			part := sheetPart(t, f, "Notes")
			return rezip(t, b, part, func(zw *zip.Writer) {
				w, err := zw.CreateHeader(&zip.FileHeader{Name: part, Method: zip.Deflate})
				must(err)
				_, _ = w.Write([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
					`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`))
				row := []byte(strings.Repeat(`<row><c t="inlineStr"><is><t>a note</t></is></c></row>`, 1000))
				for i := 0; i < 250; i++ { // 250,000 rows, 13 MiB unzipped
					_, _ = w.Write(row)
				}
				_, _ = w.Write([]byte(`</sheetData></worksheet>`))
			})
		},
	}
	must(os.MkdirAll(badWorkbooks, 0o755))
	for name, make := range cases {
		p := filepath.Join(badWorkbooks, name+".xlsx")
		if _, err := os.Stat(p); err == nil {
			continue // written once: -update adds new cases, and keeps the bytes of the others
		}
		must(os.WriteFile(p, make(), 0o644))
	}
}

// TestInvalidWorkbooks reads every workbook of the bad-input corpus: each is
// refused with errors naming the file and, where there is one, the sheet and
// cell; the errors match the golden.
func TestInvalidWorkbooks(t *testing.T) {
	if *update {
		makeBadWorkbooks(t)
	}
	testutil.Refused(t, badWorkbooks+"/*.xlsx", 10, badWorkbooks+"/errors.golden", *update,
		func(name string, data []byte) error {
			_, err := plan.Decode(name, data, plan.Limits{})
			return err
		})
}

// TestWorkbookChecksAsJSON checks each shipped plan as JSON and as the
// workbook export writes: the same verdict, findings and figures; the
// workbook's findings name a cell.
func TestWorkbookChecksAsJSON(t *testing.T) {
	ctx := t.Context()
	eng, err := engine.New(ctx, policies.FS, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	plans, _ := filepath.Glob("../plans/*.json")
	if len(plans) == 0 {
		t.Fatal("no shipped plans")
	}
	dir := t.TempDir()
	cells := 0
	for _, p := range plans {
		f := exported(t, filepath.Base(p))
		x := filepath.Join(dir, strings.TrimSuffix(filepath.Base(p), ".json")+".xlsx")
		if err := f.SaveAs(x); err != nil {
			t.Fatal(err)
		}
		rep := runner.New(runner.Config{Engine: eng}).Check(ctx, runner.Files([]string{p, x}))
		j, w := rep.Results[0], rep.Results[1]
		if w.Verdict == engine.VerdictError {
			t.Fatalf("%s: %v", x, w.Problems)
		}
		if j.Verdict != w.Verdict || j.Organisation != w.Organisation || j.Round != w.Round {
			t.Errorf("%s: workbook %s, JSON %s", p, w.Verdict, j.Verdict)
		}
		if len(j.Findings) != len(w.Findings) {
			t.Fatalf("%s: %d findings from the workbook, %d from the JSON", p, len(w.Findings), len(j.Findings))
		}
		for i := range j.Findings {
			a, b := j.Findings[i], w.Findings[i]
			if b.Cell == "" && b.Pointer != "" {
				t.Errorf("%s: finding %s at %s names no cell", p, b.Rule, b.Pointer)
			}
			if b.Cell != "" {
				cells++
			}
			a.Line, a.Cell, b.Line, b.Cell = 0, "", 0, ""
			if diff := cmp.Diff(a, b); diff != "" {
				t.Errorf("%s: finding %d differs (-json +workbook):\n%s", p, i, diff)
			}
		}
		if diff := cmp.Diff(j.Rules, w.Rules); diff != "" {
			t.Errorf("%s: rule outcomes differ:\n%s", p, diff)
		}
	}
	if cells == 0 {
		t.Error("no finding of any shipped plan names a cell")
	}
}

// TestWorkbookProblemNamesCell: a plan-format error in a workbook points at
// the cell (a missing required field at its empty cell).
func TestWorkbookProblemNamesCell(t *testing.T) {
	f, err := workbook.Template("2017-19", "ccg")
	if err != nil {
		t.Fatal(err)
	}
	b, err := workbook.Bytes(f)
	if err != nil {
		t.Fatal(err)
	}
	_, err = plan.Decode("blank.xlsx", b, plan.Limits{})
	var pes plan.Errors
	if !errors.As(err, &pes) {
		t.Fatalf("blank template: %v, want plan errors", err)
	}
	found := false
	for _, pe := range pes {
		if pe.Pointer == "/submission/submitted_on" && pe.Cell == "Cover!B8" && pe.Line == 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("no error for the empty date submitted at Cover!B8: %v", err)
	}
}
