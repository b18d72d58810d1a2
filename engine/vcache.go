package engine

import (
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// refCache is OPA's virtual cache (topdown.VirtualCache) kept as one hash
// map per frame, keyed by the hash of the whole reference, instead of OPA's
// own trie with a map at every element of every reference. The evaluator puts
// the value of each rule and of each function call (the function's path and
// its arguments) it computes, several thousand a plan, so the trie's nodes
// were a tenth of the evaluation's allocations. It behaves as OPA's own:
// a reference is cached with a value or as undefined, a reference once
// undefined stays so, a prefix of a cached reference is not cached, and Push
// and Pop open and drop a frame (a with statement's).
type refCache struct {
	frames []map[int]*refEntry // nil until the frame's first Put
}

type refEntry struct {
	ref       ast.Ref
	value     *ast.Term
	undefined bool
	next      *refEntry // the next entry whose reference has the same hash
}

var _ topdown.VirtualCache = (*refCache)(nil)

func newRefCache() *refCache {
	c := &refCache{frames: make([]map[int]*refEntry, 1, 4)}
	return c
}

func (c *refCache) Push() { c.frames = append(c.frames, nil) }

func (c *refCache) Pop() {
	c.frames[len(c.frames)-1] = nil
	c.frames = c.frames[:len(c.frames)-1]
}

// Get is the value cached for ref: (value, false) when it has one, (nil,
// true) when it is cached as undefined, (nil, false) when it is not cached.
func (c *refCache) Get(ref ast.Ref) (*ast.Term, bool) {
	m := c.frames[len(c.frames)-1]
	if m == nil {
		return nil, false
	}
	for e := m[ref.Hash()]; e != nil; e = e.next {
		if e.ref.Equal(ref) {
			if e.undefined {
				return nil, true
			}
			return e.value, false
		}
	}
	return nil, false
}

// Put caches value for ref, or ref as undefined when value is nil. The
// evaluator reuses the slice of a function call's reference, so the entry
// keeps a copy of it (the terms themselves are not changed after a Put).
func (c *refCache) Put(ref ast.Ref, value *ast.Term) {
	top := len(c.frames) - 1
	m := c.frames[top]
	if m == nil {
		m = make(map[int]*refEntry, 64)
		c.frames[top] = m
	}
	h := ref.Hash()
	for e := m[h]; e != nil; e = e.next {
		if e.ref.Equal(ref) {
			if value != nil {
				e.value = value
			} else {
				e.undefined = true
			}
			return
		}
	}
	m[h] = &refEntry{ref: slices.Clone(ref), value: value, undefined: value == nil, next: m[h]}
}

// Keys are the references of the top frame that have a value.
func (c *refCache) Keys() []ast.Ref {
	var keys []ast.Ref
	for _, e := range c.frames[len(c.frames)-1] {
		for ; e != nil; e = e.next {
			if e.value != nil {
				keys = append(keys, e.ref)
			}
		}
	}
	return keys
}
