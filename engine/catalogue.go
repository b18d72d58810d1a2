package engine

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Catalogue is the rule set as a reviewer reads it: every rule with its
// threshold in each planning round.
type Catalogue struct {
	SchemaVersion string           `json:"schema_version"` // of docs/schema/catalogue.schema.json
	Rounds        []string         `json:"rounds"`
	Rules         []CatalogueEntry `json:"rules"`
}

// CatalogueEntry is one rule and what it asks for in each round.
type CatalogueEntry struct {
	Rule
	// PerRound maps a round to the rule's threshold there, in words ("1",
	// "16.8 (2017/18), 19 (2018/19)"); "-" where the rule does not apply and
	// "applies" for a rule with no threshold of its own.
	PerRound map[string]string `json:"per_round"`
}

// Catalogue returns every rule with its thresholds per round, sorted by id.
func (e *Engine) Catalogue() Catalogue {
	c := Catalogue{SchemaVersion: SchemaVersion, Rounds: e.Rounds()}
	for _, r := range e.Rules() {
		entry := CatalogueEntry{Rule: r, PerRound: map[string]string{}}
		for _, round := range c.Rounds {
			entry.PerRound[round] = e.thresholdWords(round, r.Thresholds)
		}
		c.Rules = append(c.Rules, entry)
	}
	return c
}

// ForRound returns the catalogue of one planning round: that round's column
// and the rules that apply in it (a threshold there, or none of their own). An
// unknown round is an error naming the known ones.
func (c Catalogue) ForRound(round string) (Catalogue, error) {
	if !slices.Contains(c.Rounds, round) {
		return Catalogue{}, fmt.Errorf("unknown planning round %q: known rounds are %s", round, strings.Join(c.Rounds, ", "))
	}
	out := Catalogue{Rounds: []string{round}, Rules: []CatalogueEntry{}}
	for _, r := range c.Rules {
		if r.PerRound[round] == "-" {
			continue
		}
		out.Rules = append(out.Rules, CatalogueEntry{Rule: r.Rule, PerRound: map[string]string{round: r.PerRound[round]}})
	}
	return out, nil
}

// Entry returns the entry of rule id.
func (c Catalogue) Entry(id string) (CatalogueEntry, bool) {
	for _, e := range c.Rules {
		if e.ID == id {
			return e, true
		}
	}
	return CatalogueEntry{}, false
}

func (e *Engine) thresholdWords(round string, keys []string) string {
	if len(keys) == 0 {
		return "applies"
	}
	var parts []string
	for _, k := range keys {
		v, ok := e.Threshold(round, k)
		if !ok {
			continue
		}
		w := valueWords(v)
		if k == "tolerance" {
			w = "within " + w
		}
		if len(keys) > 1 {
			w = k + " " + w
		}
		parts = append(parts, w)
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, "; ")
}

// valueWords renders a threshold: a number as written, true as "applies", an
// object keyed by year as "16.8 (2017/18), 19 (2018/19)".
func valueWords(v any) string {
	switch x := v.(type) {
	case json.Number:
		return x.String()
	case bool:
		if x {
			return "applies"
		}
		return "-"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%s (%s)", valueWords(x[k]), k)
		}
		return strings.Join(parts, ", ")
	}
	return Number(v)
}
