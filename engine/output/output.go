// Package output renders an engine.Report. It imports the engine, never the
// reverse, and never modifies the report it is given.
package output

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/planassure/planassure/engine"
)

// Formatter writes a report in one format.
type Formatter func(w io.Writer, r engine.Report) error

var formatters = map[string]Formatter{
	"table": Table,
	"json":  JSON,
	"html":  HTML,

	"junit":    JUnit,
	"sarif":    SARIF,
	"markdown": Markdown,
}

// Lookup returns the formatter for name, or an error listing the valid names.
func Lookup(name string) (Formatter, error) {
	f, ok := formatters[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(Names(), ", "))
	}
	return f, nil
}

// Names returns the format names, sorted, for flag help.
func Names() []string {
	names := make([]string, 0, len(formatters))
	for n := range formatters {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
