package output

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/planassure/planassure/engine"
)

// JSON writes the whole report as indented JSON with a trailing newline. Figures
// keep the exact digits of the plan; map keys are sorted, so output is stable.
// Results are encoded one at a time, so a batch of thousands of plans never
// exists as one document in memory; the bytes are those of json.MarshalIndent
// of the whole report.
func JSON(w io.Writer, r engine.Report) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	field := func(name string, v any, first bool) error {
		if !first {
			bw.WriteString(",")
		}
		bw.WriteString("\n  \"" + name + "\": ")
		b, err := json.MarshalIndent(v, "  ", "  ")
		if err != nil {
			return err
		}
		_, err = bw.Write(b)
		return err
	}
	bw.WriteString("{")
	if err := field("schema_version", r.SchemaVersion, true); err != nil {
		return err
	}
	if r.Tool != nil {
		if err := field("tool", r.Tool, false); err != nil {
			return err
		}
	}
	if err := field("rules", r.Rules, false); err != nil {
		return err
	}
	if err := results(bw, r.Results); err != nil {
		return err
	}
	if err := field("totals", r.Totals, false); err != nil {
		return err
	}
	if len(r.Waivers) > 0 {
		if err := field("waiver_notes", r.Waivers, false); err != nil {
			return err
		}
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

func results(bw *bufio.Writer, rs []engine.Result) error {
	bw.WriteString(",\n  \"results\": ")
	switch {
	case rs == nil:
		bw.WriteString("null")
		return nil
	case len(rs) == 0:
		bw.WriteString("[]")
		return nil
	}
	bw.WriteString("[")
	for i, res := range rs {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		b, err := json.MarshalIndent(res, "    ", "  ")
		if err != nil {
			return err
		}
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	bw.WriteString("\n  ]")
	return nil
}
