package output

import (
	"io"

	"github.com/planassure/planassure/engine"
)

// JSON writes the whole report as indented JSON with a trailing newline. Figures
// keep the exact digits of the plan; map keys are sorted, so output is stable.
func JSON(w io.Writer, r engine.Report) error { return WriteJSON(w, r) }
