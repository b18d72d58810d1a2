package workbook

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
)

func hashOf(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// applyExtras applies the hidden sheet "Other fields": each row a pointer,
// what the cells gave at export and the plan's value. A row is applied only
// where the cells still give what they gave at export: a figure edited in
// the workbook since is kept.
func (r *reader) applyExtras() {
	rows, err := r.f.GetRows(extrasSheet, excelizeRaw)
	if err != nil {
		r.fail(extrasSheet, "", "", "cannot read the sheet: %v", err)
		return
	}
	if len(rows) > maxTableRows {
		r.fail(extrasSheet, "", "", "the sheet has %d rows, more than a plan's %d", len(rows), maxTableRows)
		return
	}
	for i, cols := range rows {
		row := i + 1
		if row == 1 || len(cols) == 0 || strings.TrimSpace(cols[0]) == "" {
			continue
		}
		ptr := cols[0]
		if !strings.HasPrefix(ptr, "/") {
			r.fail(extrasSheet, ref(1, row), "", "%q is not a JSON pointer (it starts with /)", clip(ptr))
			continue
		}
		var was, want string
		if len(cols) > 1 {
			was = cols[1]
		}
		if len(cols) > 2 {
			want = strings.Join(cols[2:], "")
		}
		cur, has := getAt(r.doc, tokens(ptr))
		if has != (was != "") {
			continue
		}
		if has {
			got := jsonText(cur)
			if strings.HasPrefix(was, "#hash ") {
				got = "#hash " + hashOf(got)
			}
			if got != was {
				continue
			}
		}
		if want == "" {
			r.doc = deleteAt(r.doc, tokens(ptr))
			delete(r.cells, ptr)
			continue
		}
		v, err := decodeValue(want)
		if err != nil {
			r.fail(extrasSheet, ref(3, row), ptr, "the value is not JSON: %v", err)
			continue
		}
		doc, err := setAt(r.doc, tokens(ptr), v)
		if err != nil {
			r.fail(extrasSheet, ref(3, row), ptr, "%v", err)
			continue
		}
		r.doc = doc
		r.cells[ptr] = cellName(extrasSheet, 3, row)
	}
}

func decodeValue(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("more than one value")
	}
	return v, nil
}
