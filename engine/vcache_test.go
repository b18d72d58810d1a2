package engine

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// TestRefCacheIsOPAsCache runs the same random operations on refCache and on
// OPA's own virtual cache and requires the same answers: values, undefined
// references, prefixes of cached references, frames, a reference put again,
// and a reference slice the caller changes after a Put.
func TestRefCacheIsOPAsCache(t *testing.T) {
	terms := []*ast.Term{
		ast.StringTerm("a"), ast.StringTerm("b"), ast.IntNumberTerm(1), ast.IntNumberTerm(2),
		ast.NumberTerm("1.0"), ast.ArrayTerm(ast.StringTerm("a")), ast.ObjectTerm(ast.Item(ast.StringTerm("k"), ast.IntNumberTerm(1))),
		ast.BooleanTerm(false), ast.NullTerm(),
	}
	values := []*ast.Term{nil, ast.IntNumberTerm(7), ast.StringTerm("x"), ast.BooleanTerm(false)}
	randomRef := func(r *rand.Rand) ast.Ref {
		ref := ast.Ref{ast.DefaultRootDocument}
		for range 1 + r.IntN(4) {
			ref = append(ref, terms[r.IntN(len(terms))])
		}
		return ref
	}
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 1))
		ours, theirs := newRefCache(), topdown.NewVirtualCache()
		depth := 0
		var put []ast.Ref // references put so far, to get again and their prefixes
		for op := range 300 {
			switch k := r.IntN(10); {
			case k < 4:
				ref, v := randomRef(r), values[r.IntN(len(values))]
				put = append(put, ref)
				buf := append(ast.Ref(nil), ref...)
				ours.Put(buf, v)
				theirs.Put(ref, v)
				buf[len(buf)-1] = ast.StringTerm("changed") // the evaluator reuses its key slice
			case k < 8:
				ref := randomRef(r)
				if len(put) > 0 && r.IntN(4) > 0 {
					ref = put[r.IntN(len(put))]
					ref = ref[:1+r.IntN(len(ref))]
				}
				v1, u1 := ours.Get(ref)
				v2, u2 := theirs.Get(ref)
				if u1 != u2 || (v1 == nil) != (v2 == nil) || (v1 != nil && !v1.Equal(v2)) {
					t.Fatalf("seed %d op %d: Get(%v) = %v, %v; OPA's cache gives %v, %v", seed, op, ref, v1, u1, v2, u2)
				}
			case k == 8 && depth < 3:
				ours.Push()
				theirs.Push()
				depth++
			case depth > 0:
				ours.Pop()
				theirs.Pop()
				depth--
			}
		}
		if got, want := ours.Keys(), theirs.Keys(); !sameRefs(got, want) {
			t.Fatalf("seed %d: Keys() = %v, OPA's cache gives %v", seed, got, want)
		}
	}
}

// sameRefs reports whether a and b hold equal references (1 equals 1.0),
// in any order.
func sameRefs(a, b []ast.Ref) bool {
	if len(a) != len(b) {
		return false
	}
	used := make([]bool, len(b))
	for _, r := range a {
		i := slices.IndexFunc(b, func(o ast.Ref) bool { return o.Equal(r) })
		for i >= 0 && used[i] {
			next := slices.IndexFunc(b[i+1:], func(o ast.Ref) bool { return o.Equal(r) })
			if next < 0 {
				i = -1
			} else {
				i += 1 + next
			}
		}
		if i < 0 {
			return false
		}
		used[i] = true
	}
	return true
}
