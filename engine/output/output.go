// Package output renders an engine.Report. It imports the engine, never the
// reverse, and never modifies the report it is given.
package output

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/planassure/planassure/engine"
)

// Format writes a T (a report, a plan diff, the rule catalogue) in one
// format.
type Format[T any] func(w io.Writer, v T) error

// Formats are the report formats by name.
var Formats = Registry[Format[engine.Report]]{
	"table": Table,
	"json":  JSON,
	"html":  HTML,

	"junit":    JUnit,
	"sarif":    SARIF,
	"markdown": Markdown,
}

// Registry maps format names to the formatters of one kind of output.
type Registry[F any] map[string]F

// Lookup returns the formatter for name, or an error listing the valid names.
func (r Registry[F]) Lookup(name string) (F, error) {
	f, ok := r[name]
	if !ok {
		return f, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(r.Names(), ", "))
	}
	return f, nil
}

// Names returns the format names, sorted, for flag help.
func (r Registry[F]) Names() []string {
	out := make([]string, 0, len(r))
	for n := range r {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// WriteJSON writes v as indented JSON with a trailing newline. Map keys are
// sorted and json.Number figures keep their digits, so output is stable.
func WriteJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
