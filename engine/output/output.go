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
func Lookup(name string) (Formatter, error) { return lookup(formatters, name) }

// Names returns the format names, sorted, for flag help.
func Names() []string { return names(formatters) }

// lookup finds name in a registry of formatters of any kind.
func lookup[F any](registry map[string]F, name string) (F, error) {
	f, ok := registry[name]
	if !ok {
		return f, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(names(registry), ", "))
	}
	return f, nil
}

// names lists a registry's format names, sorted.
func names[F any](registry map[string]F) []string {
	out := make([]string, 0, len(registry))
	for n := range registry {
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
