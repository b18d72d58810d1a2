package workbook

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// tokens splits an RFC 6901 pointer ("" is the whole document).
func tokens(ptr string) []string {
	if ptr == "" {
		return nil
	}
	parts := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(strings.ReplaceAll(p, "~1", "/"), "~0", "~")
	}
	return parts
}

func escape(tok string) string {
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1")
}

// join appends tokens to a pointer.
func join(ptr string, toks ...string) string {
	for _, t := range toks {
		ptr += "/" + escape(t)
	}
	return ptr
}

// resolve joins a layout pointer to the item it is relative to: an absolute
// pointer ("/x") stands alone.
func resolve(base, rel string) string {
	if strings.HasPrefix(rel, "/") || rel == "" {
		if rel == "" {
			return base
		}
		return rel
	}
	return base + "/" + rel
}

// getAt returns the value at toks below node.
func getAt(node any, toks []string) (any, bool) {
	for _, t := range toks {
		switch n := node.(type) {
		case map[string]any:
			v, ok := n[t]
			if !ok {
				return nil, false
			}
			node = v
		case []any:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(n) {
				return nil, false
			}
			node = n[i]
		default:
			return nil, false
		}
	}
	return node, true
}

// setAt sets the value at toks below node, creating objects and arrays on the
// way (a token of digits is an array index: an array may grow by one item at
// a time), and returns the node.
func setAt(node any, toks []string, v any) (any, error) {
	if len(toks) == 0 {
		return v, nil
	}
	t := toks[0]
	if node == nil {
		if isIndex(t) {
			node = []any{}
		} else {
			node = map[string]any{}
		}
	}
	switch n := node.(type) {
	case map[string]any:
		c, err := setAt(n[t], toks[1:], v)
		if err != nil {
			return nil, err
		}
		n[t] = c
		return n, nil
	case []any:
		i, err := strconv.Atoi(t)
		if err != nil || i < 0 || i > len(n) {
			return nil, fmt.Errorf("no item %s in a list of %d", t, len(n))
		}
		if i == len(n) {
			n = append(n, nil)
		}
		c, err := setAt(n[i], toks[1:], v)
		if err != nil {
			return nil, err
		}
		n[i] = c
		return n, nil
	}
	return nil, fmt.Errorf("%s is below a value that is not an object or a list", t)
}

// deleteAt removes the value at toks below node (a member of an object; an
// item of a list is never removed alone) and returns the node.
func deleteAt(node any, toks []string) any {
	if len(toks) == 0 {
		return node
	}
	switch n := node.(type) {
	case map[string]any:
		if len(toks) == 1 {
			delete(n, toks[0])
			return n
		}
		if c, ok := n[toks[0]]; ok {
			n[toks[0]] = deleteAt(c, toks[1:])
		}
	case []any:
		i, err := strconv.Atoi(toks[0])
		if err == nil && i >= 0 && i < len(n) && len(toks) > 1 {
			n[i] = deleteAt(n[i], toks[1:])
		}
	}
	return node
}

func isIndex(t string) bool {
	if t == "" || (len(t) > 1 && t[0] == '0') {
		return false
	}
	for _, r := range t {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// equal compares two decoded JSON values exactly: numbers as written.
func equal(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !equal(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equal(x[i], y[i]) {
				return false
			}
		}
		return true
	case json.Number:
		y, ok := b.(json.Number)
		return ok && x == y
	default:
		return a == b
	}
}

// diff is one place where the document read back from the cells differs from
// the plan: the plan's value (absent: remove) and what the cells gave.
type diff struct {
	Pointer string
	Want    any
	HasWant bool
	Got     any
	HasGot  bool
}

// diffs lists, in pointer order, the smallest subtrees where got differs
// from want.
func diffs(ptr string, want, got any, out []diff) []diff {
	switch w := want.(type) {
	case map[string]any:
		if g, ok := got.(map[string]any); ok {
			keys := make([]string, 0, len(w)+len(g))
			for k := range w {
				keys = append(keys, k)
			}
			for k := range g {
				if _, ok := w[k]; !ok {
					keys = append(keys, k)
				}
			}
			sort.Strings(keys)
			for _, k := range keys {
				wv, wok := w[k]
				gv, gok := g[k]
				p := join(ptr, k)
				switch {
				case wok && gok:
					out = diffs(p, wv, gv, out)
				case wok:
					out = append(out, diff{Pointer: p, Want: wv, HasWant: true})
				default:
					out = append(out, diff{Pointer: p, Got: gv, HasGot: true})
				}
			}
			return out
		}
	case []any:
		if g, ok := got.([]any); ok && len(g) == len(w) {
			for i := range w {
				out = diffs(join(ptr, strconv.Itoa(i)), w[i], g[i], out)
			}
			return out
		}
	}
	if equal(want, got) {
		return out
	}
	return append(out, diff{Pointer: ptr, Want: want, HasWant: true, Got: got, HasGot: true})
}
