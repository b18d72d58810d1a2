package output

import (
	"bufio"
	"encoding/json"
	"io"
	"slices"
	"sync"

	"github.com/planassure/planassure/engine"
)

// JSON writes the whole report as indented JSON with a trailing newline. Figures
// keep the exact digits of the plan; map keys are sorted, so output is stable.
// Results are encoded one at a time, so a batch of thousands of plans never
// exists as one document in memory; the bytes are those of json.MarshalIndent
// of the whole report.
func JSON(w io.Writer, r engine.Report) error {
	if r.Results == nil {
		s := newJSONStream(w)
		if err := s.head(r); err != nil {
			return err
		}
		s.bw.WriteString(",\n  \"results\": null")
		return s.tail(r)
	}
	s, err := NewJSONStream(w, r)
	if err != nil {
		return err
	}
	for _, res := range r.Results {
		if err := s.Result(res); err != nil {
			return err
		}
	}
	return s.Close(r)
}

// JSONStream writes the JSON report one result at a time, for a batch whose
// results are not kept: the head (schema version, tool, rules) when it is
// made, each result as it comes, the totals and waiver notes at Close. The
// bytes are those JSON writes for the whole report.
type JSONStream struct {
	bw    *bufio.Writer
	n     int
	mu    sync.Mutex                         // guards rules: Encode may be called at once from many goroutines
	rules map[*engine.RuleOutcome]rulesChunk // the rule outcome lists written, by their first entry
}

// rulesChunk is a list of rule outcomes as Result writes it, the last field of
// a result: results share a few lists (the engine interns them), which are most of a
// report's bytes, so each is encoded once.
type rulesChunk struct {
	rules []engine.RuleOutcome
	bytes []byte
}

// maxRuleChunks bounds the lists a stream keeps encoded.
const maxRuleChunks = 256

func newJSONStream(w io.Writer) *JSONStream {
	return &JSONStream{bw: bufio.NewWriterSize(w, 64<<10)}
}

// NewJSONStream writes the head of the report, whose Tool and Rules it takes
// from head (its results and totals are not read).
func NewJSONStream(w io.Writer, head engine.Report) (*JSONStream, error) {
	s := newJSONStream(w)
	if err := s.head(head); err != nil {
		return nil, err
	}
	s.bw.WriteString(",\n  \"results\": ")
	return s, nil
}

// Result writes the next result.
func (s *JSONStream) Result(res engine.Result) error {
	e, err := s.Encode(res)
	if err != nil {
		return err
	}
	return s.Write(e)
}

// EncodedResult is a result as Result writes it, encoded by Encode.
type EncodedResult struct {
	b     []byte // the result, its rule outcomes aside when rules is set
	rules []byte // the rule outcomes, written before the result's closing brace
}

// Encode encodes a result as Result writes it, for Write to write in its
// turn; unlike Result and Write, it is safe to call from many goroutines at
// once, so that results are encoded in parallel and written in order.
func (s *JSONStream) Encode(res engine.Result) (EncodedResult, error) {
	if len(res.Rules) > 0 && len(res.Problems) == 0 && len(res.Members) == 0 {
		return s.encodeWithRules(res)
	}
	b, err := json.MarshalIndent(res, "    ", "  ")
	return EncodedResult{b: b}, err
}

// Write writes the next result, encoded by Encode.
func (s *JSONStream) Write(e EncodedResult) error {
	if s.n == 0 {
		s.bw.WriteString("[")
	} else {
		s.bw.WriteString(",")
	}
	s.n++
	s.bw.WriteString("\n    ")
	if e.rules == nil {
		_, err := s.bw.Write(e.b)
		return err
	}
	end := len(e.b) - len("\n    }")
	s.bw.Write(e.b[:end])
	s.bw.Write(e.rules)
	_, err := s.bw.Write(e.b[end:])
	return err
}

// encodeWithRules encodes a result whose last field is its rule outcomes:
// the rest encoded, and the list's encoding, made once for each list.
func (s *JSONStream) encodeWithRules(res engine.Result) (EncodedResult, error) {
	rules := res.Rules
	res.Rules = nil
	b, err := json.MarshalIndent(res, "    ", "  ")
	if err != nil {
		return EncodedResult{}, err
	}
	s.mu.Lock()
	c, ok := s.rules[&rules[0]]
	s.mu.Unlock()
	if !ok || !slices.Equal(c.rules, rules) {
		list, err := json.MarshalIndent(rules, "      ", "  ")
		if err != nil {
			return EncodedResult{}, err
		}
		c = rulesChunk{rules: rules, bytes: append([]byte(",\n      \"rules\": "), list...)}
		s.mu.Lock()
		if s.rules == nil {
			s.rules = map[*engine.RuleOutcome]rulesChunk{}
		}
		if len(s.rules) < maxRuleChunks {
			s.rules[&rules[0]] = c
		}
		s.mu.Unlock()
	}
	return EncodedResult{b: b, rules: c.bytes}, nil
}

// Close ends the results and writes the totals and waiver notes of tail.
func (s *JSONStream) Close(tail engine.Report) error {
	if s.n == 0 {
		s.bw.WriteString("[]")
	} else {
		s.bw.WriteString("\n  ]")
	}
	return s.tail(tail)
}

func (s *JSONStream) field(name string, v any, first bool) error {
	if !first {
		s.bw.WriteString(",")
	}
	s.bw.WriteString("\n  \"" + name + "\": ")
	b, err := json.MarshalIndent(v, "  ", "  ")
	if err != nil {
		return err
	}
	_, err = s.bw.Write(b)
	return err
}

func (s *JSONStream) head(r engine.Report) error {
	s.bw.WriteString("{")
	if err := s.field("schema_version", r.SchemaVersion, true); err != nil {
		return err
	}
	if r.Tool != nil {
		if err := s.field("tool", r.Tool, false); err != nil {
			return err
		}
	}
	return s.field("rules", r.Rules, false)
}

func (s *JSONStream) tail(r engine.Report) error {
	if err := s.field("totals", r.Totals, false); err != nil {
		return err
	}
	if len(r.Waivers) > 0 {
		if err := s.field("waiver_notes", r.Waivers, false); err != nil {
			return err
		}
	}
	s.bw.WriteString("\n}\n")
	return s.bw.Flush()
}
