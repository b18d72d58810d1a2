package engine

import (
	"hash/maphash"
	"slices"
	"sync"
)

// outcomeTable shares one copy of each distinct list of rule outcomes between
// the results that have it. Most plans of a batch pass, fail or skip the same
// rules for the same reasons, and a list is about 3 KB with the shipped rules:
// a batch of 100,000 plans keeps its report in a fraction of the memory. A
// list is found by a hash of its entries and compared in full, so the table
// keeps no key beside the lists; the reasons of lists kept are shared too.
// Results never modify their Rules, so sharing is safe.
type outcomeTable struct {
	mu      sync.Mutex
	seed    maphash.Seed
	lists   map[uint64][][]RuleOutcome
	n       int
	reasons map[string]string
}

// maxOutcomeLists bounds the table: past it, lists are kept as they come.
const maxOutcomeLists = 1 << 14

func (t *outcomeTable) intern(list []RuleOutcome) []RuleOutcome {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.lists == nil {
		t.seed = maphash.MakeSeed()
		t.lists = map[uint64][][]RuleOutcome{}
		t.reasons = map[string]string{}
	}
	var h maphash.Hash
	h.SetSeed(t.seed)
	for _, o := range list {
		h.WriteString(o.Rule)
		h.WriteByte(0)
		h.WriteString(string(o.Outcome))
		h.WriteByte(0)
		h.WriteString(o.Reason)
		h.WriteByte(0)
	}
	key := h.Sum64()
	for _, shared := range t.lists[key] {
		if slices.Equal(shared, list) {
			return shared
		}
	}
	if t.n >= maxOutcomeLists {
		return list
	}
	for i, o := range list {
		if o.Reason == "" {
			continue
		}
		if r, ok := t.reasons[o.Reason]; ok {
			list[i].Reason = r
		} else {
			t.reasons[o.Reason] = o.Reason
		}
	}
	t.lists[key] = append(t.lists[key], list)
	t.n++
	return list
}
