package runner

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"sigs.k8s.io/yaml"

	"github.com/planassure/planassure/engine"
)

// ReadWaivers reads a waiver file (YAML or JSON): a list of waivers, or an
// object with a "waivers" list. Every field is required; expires is a date.
func ReadWaivers(path string, data []byte) ([]engine.Waiver, error) {
	if ext := strings.ToLower(filepath.Ext(path)); ext != ".json" {
		var err error
		if data, err = yaml.YAMLToJSON(data); err != nil {
			return nil, fmt.Errorf("read waivers %s: %w", path, err)
		}
	}
	data = bytes.TrimSpace(data)
	if len(data) == 0 || string(data) == "null" {
		return nil, fmt.Errorf("read waivers %s: the file holds no waivers", path)
	}
	if data[0] == '{' {
		var wrapped struct {
			Waivers json.RawMessage `json:"waivers"`
		}
		if err := strictDecode(data, &wrapped); err != nil {
			return nil, fmt.Errorf("read waivers %s: %w", path, err)
		}
		data = wrapped.Waivers
	}
	var ws []engine.Waiver
	if err := strictDecode(data, &ws); err != nil {
		return nil, fmt.Errorf("read waivers %s: want a list of waivers: %w", path, err)
	}
	var errs []string
	for i, w := range ws {
		for _, f := range []struct{ name, value string }{
			{"rule", w.Rule}, {"organisation", w.Organisation}, {"round", w.Round},
			{"reason", w.Reason}, {"approved_by", w.ApprovedBy}, {"expires", w.Expires},
		} {
			if strings.TrimSpace(f.value) == "" {
				errs = append(errs, fmt.Sprintf("/%d/%s: required", i, f.name))
			}
		}
		if w.Expires != "" {
			if _, err := time.Parse(time.DateOnly, w.Expires); err != nil {
				errs = append(errs, fmt.Sprintf("/%d/expires: %q is not a date (YYYY-MM-DD)", i, w.Expires))
			}
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("read waivers %s: %s", path, strings.Join(errs, "; "))
	}
	return ws, nil
}

func strictDecode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("unexpected content after the waivers")
	}
	return nil
}

// matches reports whether w covers findings of rule for a plan; "*" in
// organisation or round matches any.
func matches(w engine.Waiver, rule, org, round string) bool {
	return w.Rule == rule && (w.Organisation == "*" || w.Organisation == org) && (w.Round == "*" || w.Round == round)
}

// ApplyWaivers marks the findings that a waiver in force on asOf (YYYY-MM-DD)
// covers, recomputes verdicts and totals, and notes every waiver that expired
// before asOf or matched no finding. The report passed in is not modified.
func ApplyWaivers(rep engine.Report, ws []engine.Waiver, asOf string) engine.Report {
	out := rep
	out.Results = make([]engine.Result, len(rep.Results))
	used := make([]bool, len(ws))
	for i, res := range rep.Results {
		res.Findings = append(make([]engine.Finding, 0, len(res.Findings)), res.Findings...) // never null in JSON
		for j := range res.Findings {
			f := &res.Findings[j]
			for k, w := range ws {
				if !matches(w, f.Rule, res.Organisation, res.Round) {
					continue
				}
				used[k] = true
				if w.Expires >= asOf {
					wc := w
					f.Waived = &wc
					break
				}
			}
		}
		if len(res.Problems) == 0 {
			res.Finish()
		}
		out.Results[i] = res
	}
	out.Waivers = append([]engine.WaiverNote(nil), rep.Waivers...)
	for k, w := range ws {
		switch {
		case w.Expires < asOf:
			out.Waivers = append(out.Waivers, engine.WaiverNote{Waiver: w,
				Message: fmt.Sprintf("expired on %s: the findings it covered count again", w.Expires)})
		case !used[k]:
			out.Waivers = append(out.Waivers, engine.WaiverNote{Waiver: w, Message: "matches no finding: remove it or correct its rule, organisation or round"})
		}
	}
	sort.SliceStable(out.Waivers, func(i, j int) bool {
		a, b := out.Waivers[i].Waiver, out.Waivers[j].Waiver
		return a.Rule+a.Organisation+a.Round < b.Rule+b.Organisation+b.Round
	})
	out.Total()
	return out
}
