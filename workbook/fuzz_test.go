package workbook

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// FuzzRead reads any bytes as a workbook: the reader never panics, and it
// either gives a plan with a cell for every field it read or refuses with
// an *Error or Errors. Seeds: each shipped plan exported, a template, and the
// bad-workbook corpus.
func FuzzRead(f *testing.F) {
	for _, p := range shippedPlans(f) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		doc, err := DecodeJSON(data)
		if err != nil {
			f.Fatal(err)
		}
		x, err := Export(doc)
		if err != nil {
			f.Fatal(err)
		}
		b, err := Bytes(x)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	if t, err := Template("2016/17", "ccg"); err == nil {
		if b, err := Bytes(t); err == nil {
			f.Add(b)
		}
	}
	bad, _ := filepath.Glob("../testdata/workbooks/invalid/*.xlsx")
	for _, p := range bad {
		if data, err := os.ReadFile(p); err == nil && len(data) < 100<<10 {
			f.Add(data)
		}
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Read(data, Options{MaxFileSize: 1 << 20})
		if err != nil {
			var e *Error
			var es Errors
			if !errors.As(err, &e) && !errors.As(err, &es) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if err.Error() == "" {
				t.Fatal("an empty error")
			}
			return
		}
		if res.Doc == nil {
			t.Fatal("no document and no error")
		}
		if _, err := res.JSON(); err != nil {
			t.Fatalf("the document does not encode: %v", err)
		}
	})
}

// FuzzCells writes any value into any cell of an exported plan (text, a
// stored number, a formula, a boolean) and reads the workbook: the reader
// never panics, and it gives a plan or refuses with an *Error or Errors.
func FuzzCells(f *testing.F) {
	data, err := os.ReadFile("../plans/06W-2017-19.json")
	if err != nil {
		f.Fatal(err)
	}
	doc, err := DecodeJSON(data)
	if err != nil {
		f.Fatal(err)
	}
	x, err := Export(doc)
	if err != nil {
		f.Fatal(err)
	}
	base, err := Bytes(x)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(uint8(1), uint16(14), uint8(4), "about 140 million", uint8(0))
	f.Add(uint8(1), uint16(11), uint8(4), "#REF!+D7", uint8(2))
	f.Add(uint8(3), uint16(4), uint8(2), "A&E: seen within 4 hours", uint8(0))
	f.Add(uint8(0), uint16(5), uint8(2), "1.5E-3", uint8(1))
	f.Add(uint8(9), uint16(3), uint8(3), `{"a": [1, 2]`, uint8(0))
	f.Add(uint8(6), uint16(4), uint8(1), "12", uint8(3))
	f.Fuzz(func(t *testing.T, sheet uint8, row uint16, col uint8, value string, kind uint8) {
		wb, err := excelize.OpenReader(bytes.NewReader(base))
		if err != nil {
			t.Fatal(err)
		}
		defer wb.Close()
		sheets := wb.GetSheetList()
		name := sheets[int(sheet)%len(sheets)]
		at := ref(int(col)%30+1, int(row)%300+1)
		switch kind % 4 {
		case 0:
			_ = wb.SetCellStr(name, at, value)
		case 1:
			_ = wb.SetCellDefault(name, at, value)
		case 2:
			_ = wb.SetCellValue(name, at, nil)
			_ = wb.SetCellFormula(name, at, value)
		case 3:
			_ = wb.SetCellBool(name, at, len(value)%2 == 0)
		}
		res, err := readFile(wb, true)
		if err != nil {
			var e *Error
			var es Errors
			if !errors.As(err, &e) && !errors.As(err, &es) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if _, err := res.JSON(); err != nil {
			t.Fatalf("the document does not encode: %v", err)
		}
	})
}
