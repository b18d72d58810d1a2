package runner

// Plan workbooks (.xlsx) are read as plans wherever plans are read: the
// workbook package registers its decoder with package plan.
import _ "github.com/planassure/planassure/workbook"
