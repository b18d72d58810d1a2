package engine

import (
	"strings"
	"sync"
)

// outcomeTable shares one copy of each distinct list of rule outcomes between
// the results that have it. Most plans of a batch pass, fail or skip the same
// rules for the same reasons, and a list is about 2 KB with the shipped rules:
// a batch of 100,000 plans keeps its report in a fraction of the memory.
// Results never modify their Rules, so sharing is safe.
type outcomeTable struct {
	mu    sync.Mutex
	lists map[string][]RuleOutcome
}

// maxOutcomeLists bounds the table: past it, lists are kept as they come.
const maxOutcomeLists = 1 << 14

func (t *outcomeTable) intern(list []RuleOutcome) []RuleOutcome {
	var b strings.Builder
	for _, o := range list {
		b.WriteString(o.Rule)
		b.WriteByte(0)
		b.WriteString(string(o.Outcome))
		b.WriteByte(0)
		b.WriteString(o.Reason)
		b.WriteByte(0)
	}
	key := b.String()
	t.mu.Lock()
	defer t.mu.Unlock()
	if shared, ok := t.lists[key]; ok {
		return shared
	}
	if t.lists == nil {
		t.lists = map[string][]RuleOutcome{}
	}
	if len(t.lists) < maxOutcomeLists {
		t.lists[key] = list
	}
	return list
}
