// Command count prints the number of findings in the output of a checker, read
// from standard input: a planassure JSON report (results[].findings), conftest
// JSON output (one or more arrays of {failures, warnings}, as when xargs runs it
// in batches), or a bare number (opa eval -f raw of a count query).
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

func main() {
	dec := json.NewDecoder(os.Stdin)
	total := 0
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "count:", err)
			os.Exit(1)
		}
		total += count(v)
	}
	fmt.Println(total)
}

func count(v any) int {
	switch x := v.(type) {
	case float64:
		return int(x)
	case map[string]any: // planassure report
		n := 0
		results, _ := x["results"].([]any)
		for _, r := range results {
			if m, ok := r.(map[string]any); ok {
				f, _ := m["findings"].([]any)
				n += len(f)
			}
		}
		return n
	case []any: // conftest: one entry per file
		n := 0
		for _, r := range x {
			if m, ok := r.(map[string]any); ok {
				for _, k := range []string{"failures", "warnings"} {
					f, _ := m[k].([]any)
					n += len(f)
				}
			}
		}
		return n
	}
	return 0
}
