package workbook

import (
	"errors"

	"github.com/planassure/planassure/plan"
)

// The workbook reader is the plan decoder of .xlsx files, and of data with no
// such name (standard input, a request body) that starts as a workbook does.
func init() {
	plan.Register(".xlsx", Decode)
	plan.RegisterSniffer(".xlsx", IsWorkbook)
}

// Decode reads a workbook into a plan (a plan.Decoder): every problem, and
// every finding on the plan, names the sheet and cell of the field.
func Decode(path string, data []byte, lim plan.Limits) (plan.Plan, error) {
	res, err := Read(data, Options{MaxFileSize: lim.WithDefaults().MaxFileSize})
	if err != nil {
		var es Errors
		if !errors.As(err, &es) {
			var e *Error
			if !errors.As(err, &e) {
				return plan.Plan{}, &plan.Error{Path: path, Err: err}
			}
			es = Errors{e}
		}
		out := make(plan.Errors, len(es))
		for i, e := range es {
			out[i] = &plan.Error{Path: path, Cell: e.Where(), Pointer: e.Pointer, Err: e.Err}
		}
		return plan.Plan{}, out
	}
	return plan.NewCells(path, res.Doc, res.CellOf)
}
