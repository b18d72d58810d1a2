package engine

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/planassure/planassure/workbook"
)

// IsWorkbookFile says whether a plan file is a workbook rather than JSON:
// by its name (.xlsx, .json), else (standard input "-", an upload with no
// such name) by its first bytes.
func IsWorkbookFile(path string, data []byte) bool {
	switch ext := filepath.Ext(path); {
	case strings.EqualFold(ext, ".xlsx"):
		return true
	case strings.EqualFold(ext, ".json"):
		return false
	}
	return workbook.IsWorkbook(data)
}

// readWorkbook reads a plan workbook: the workbook reader gives the plan
// document and the cell of each field; the document is then read as a JSON
// plan, and every problem or finding points at its cell.
func readWorkbook(path string, data []byte, maxDepth int, maxFileSize int64) (Plan, error) {
	res, err := workbook.Read(data, workbook.Options{MaxFileSize: maxFileSize})
	if err != nil {
		var es workbook.Errors
		if !errors.As(err, &es) {
			var e *workbook.Error
			if !errors.As(err, &e) {
				return Plan{}, &PlanError{Path: path, Err: err}
			}
			es = workbook.Errors{e}
		}
		out := make(PlanErrors, len(es))
		for i, e := range es {
			out[i] = &PlanError{Path: path, Cell: e.Where(), Pointer: e.Pointer, Err: e.Err}
		}
		return Plan{}, out
	}
	js, err := res.JSON()
	if err != nil {
		return Plan{}, &PlanError{Path: path, Err: err}
	}
	p, err := readPlan(path, js, maxDepth)
	if err != nil {
		var pes PlanErrors
		var pe *PlanError
		switch {
		case errors.As(err, &pes):
			for _, e := range pes {
				e.Line, e.Cell = 0, res.CellOf(e.Pointer)
			}
		case errors.As(err, &pe):
			pe.Line, pe.Cell = 0, res.CellOf(pe.Pointer)
		}
		return Plan{}, err
	}
	p.Cells = res.Cells
	return p, nil
}

// where is the line (JSON) or the cell (workbook) of pointer in the plan.
func (p Plan) where(pointer string) (int, string) {
	if p.Cells != nil {
		return 0, workbook.CellOf(p.Cells, pointer)
	}
	return LineOf(p.raw, pointer), ""
}

// cellOf is the workbook cell of pointer, "" for a JSON plan.
func (p Plan) cellOf(pointer string) string {
	if p.Cells == nil {
		return ""
	}
	return workbook.CellOf(p.Cells, pointer)
}
