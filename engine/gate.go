package engine

import (
	"encoding/json"
	"math/big"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// The gates, computed in Go.
//
// lib/performance.rego's _unsound lists, for each metric, the plan years
// whose level is not sound: a level the round judges at the year end that
// meets its threshold, with monthly levels, where given, 12 levels ending
// at it within _monthly_tolerance (_sound). The performance rules' findings
// look only at those years. It is the one per-plan value the policies
// derive for every metric of every plan year, so the engine computes it
// from the plan's figures and the kind's own values of _bounds, _thresholds
// and _monthly_tolerance (seed.go), and hands it to the evaluation in its
// virtual cache, as it hands the kind's values. Stock opa and conftest,
// and the engine without a seed, compute it in Rego.
//
// The Go gate never calls a year sound that the Rego gate would not: where
// a figure is not a plain decimal number (anything the plan reader would
// not give), it calls the year unsound, and the findings' own clauses,
// which test every condition in full, decide. TestGateIsTheRegoGate
// compares the two on every shipped, generated and varied plan.
//
// rules/activity/identity.rego's _unsound is the same kind of gate for the
// activity lines: the [year index, line key] of each line given as an object
// that is not complete, built from the previous year's total and adding up
// to its plan. The engine calls a line sound only where every figure is a
// whole number and plan = previous total + growth + QIPP + backlog
// clearance exactly; any other line (decimals, a difference within the
// tolerance) it leaves to the rule. TestIdentityGateHoldsTheRegoGate checks
// it calls no line sound that the rule's own gate does not.

var (
	unsoundRef   = ast.MustParseRef("data.planassure.lib.performance._unsound")
	boundsRef    = ast.MustParseRef("data.planassure.lib.performance._bounds")
	thresholdRef = ast.MustParseRef("data.planassure.lib.performance._thresholds")
	toleranceRef = ast.MustParseRef("data.planassure.lib.performance._monthly_tolerance")

	identityUnsoundRef   = ast.MustParseRef("data.planassure.rules.activity.identity._unsound")
	identityToleranceRef = ast.MustParseRef("data.planassure.rules.activity.identity._tolerance")
	activityLinesRef     = ast.MustParseRef("data.planassure.lib.activity.lines")
	activityPartsRef     = ast.MustParseRef("data.planassure.lib.activity.components")
)

// identityParts are the figures identity.rego adds to the previous year's
// total to build a line's plan.
var identityParts = []string{"growth", "qipp", "backlog_clearance"}

// gates are what the Go gates read of a kind of plan, taken from the kind's
// cache once per kind; a nil gate leaves its value to the policies.
type gates struct {
	performance *performanceGate
	identity    *identityGate
}

func gatesOf(kind topdown.VirtualCache) gates {
	return gates{performance: performanceGateOf(kind), identity: identityGateOf(kind)}
}

// put puts the value of each gate for doc in c.
func (g gates) put(c topdown.VirtualCache, doc any) {
	if g.performance != nil {
		c.Put(unsoundRef, g.performance.unsound(doc))
	}
	if g.identity != nil {
		c.Put(identityUnsoundRef, g.identity.unsound(doc))
	}
}

// identityGate is what identity.rego's gate reads of a kind: the activity
// lines, the figures a line must give, and whether the tolerance admits an
// exact match.
type identityGate struct {
	lines       ast.Set
	required    []string
	nonNegative bool
}

// identityGateOf is the identity gate of a kind, or nil when a value it needs
// is not in the kind's cache.
func identityGateOf(kind topdown.VirtualCache) *identityGate {
	tol, _ := kind.Get(identityToleranceRef)
	linesV, _ := kind.Get(activityLinesRef)
	partsV, _ := kind.Get(activityPartsRef)
	if tol == nil || linesV == nil || partsV == nil {
		return nil
	}
	tolerance, isNum := tol.Value.(ast.Number)
	lines, isSet := linesV.Value.(ast.Set)
	parts, isArr := partsV.Value.(*ast.Array)
	if !isNum || !isSet || !isArr {
		return nil
	}
	required := append([]string{"plan"}, identityParts...)
	for i := range parts.Len() {
		s, ok := parts.Elem(i).Value.(ast.String)
		if !ok {
			return nil
		}
		required = append(required, string(s))
	}
	return &identityGate{lines: lines, required: required,
		nonNegative: ast.NumberCompare(tolerance, ast.Number("0")) >= 0}
}

// unsound is the value of identity.rego's _unsound for doc.
func (g *identityGate) unsound(doc any) *ast.Term {
	m, _ := doc.(map[string]any)
	years, _ := m["years"].([]any)
	var unsound []*ast.Term
	for i, y := range years {
		year, _ := y.(map[string]any)
		if basis, _ := year["basis"].(string); basis != "plan" {
			continue
		}
		activity, _ := year["activity"].(map[string]any)
		g.lines.Foreach(func(k *ast.Term) {
			key, _ := k.Value.(ast.String)
			line, isObj := activity[string(key)].(map[string]any)
			if !isObj {
				return // not a line given as an object: the rule does not check it
			}
			if !g.nonNegative || !lineAddsUp(years, i, string(key), line, g.required) {
				unsound = append(unsound, ast.ArrayTerm(ast.InternedTerm(i), k))
			}
		})
	}
	return ast.SetTerm(unsound...)
}

// lineAddsUp reports whether the line of key in years[i] has every required
// figure as a whole number, and its plan is the previous year's total plus
// its parts, exactly.
func lineAddsUp(years []any, i int, key string, line map[string]any, required []string) bool {
	if i == 0 {
		return false
	}
	figures := map[string]*big.Int{}
	for _, name := range required {
		n, ok := wholeNumber(line[name])
		if !ok {
			return false
		}
		figures[name] = n
	}
	prevYear, _ := years[i-1].(map[string]any)
	prevActivity, _ := prevYear["activity"].(map[string]any)
	previous := prevActivity[key]
	if prevLine, isObj := previous.(map[string]any); isObj {
		previous = prevLine["plan"]
	}
	built, ok := wholeNumber(previous)
	if !ok {
		return false
	}
	for _, name := range identityParts {
		built.Add(built, figures[name])
	}
	return built.Cmp(figures["plan"]) == 0
}

// wholeNumber is v as an integer when it is a json.Number written as one
// (digits, an optional minus): false for anything else, decimals included.
func wholeNumber(v any) (*big.Int, bool) {
	n, ok := v.(json.Number)
	if !ok || !plainDecimal(string(n)) || strings.IndexByte(string(n), '.') >= 0 {
		return nil, false
	}
	return new(big.Int).SetString(string(n), 10)
}

// performanceGate is what the performance gate reads of a kind: the bounds
// and thresholds of each metric's plan years, and the monthly tolerance.
type performanceGate struct {
	bounds, thresholds ast.Object
	tolerance          *big.Rat
}

// performanceGateOf is the performance gate of a kind, or nil when a value it
// needs is not in the kind's cache.
func performanceGateOf(kind topdown.VirtualCache) *performanceGate {
	bounds, ok1 := objectIn(kind, boundsRef)
	thresholds, ok2 := objectIn(kind, thresholdRef)
	tol, _ := kind.Get(toleranceRef)
	if !ok1 || !ok2 || tol == nil {
		return nil
	}
	tolerance, ok := ratOf(tol.Value)
	if !ok {
		return nil
	}
	objects := true
	thresholds.Foreach(func(_, byYear *ast.Term) {
		_, isObj := byYear.Value.(ast.Object)
		objects = objects && isObj
	})
	if !objects {
		return nil
	}
	return &performanceGate{bounds: bounds, thresholds: thresholds, tolerance: tolerance}
}

// unsound is the value of lib/performance.rego's _unsound for doc.
func (g *performanceGate) unsound(doc any) *ast.Term {
	m, _ := doc.(map[string]any)
	years, _ := m["years"].([]any)
	unsound := ast.NewObject()
	g.thresholds.Foreach(func(key, byYear *ast.Term) {
		var failed [][2]*ast.Term
		byYear.Value.(ast.Object).Foreach(func(i, threshold *ast.Term) {
			if !yearSound(g.bounds, years, key, i, g.tolerance) {
				failed = append(failed, [2]*ast.Term{i, threshold})
			}
		})
		if len(failed) > 0 {
			unsound.Insert(key, ast.ObjectTerm(failed...))
		}
	})
	return ast.NewTerm(unsound)
}

func objectIn(c topdown.VirtualCache, ref ast.Ref) (ast.Object, bool) {
	v, _ := c.Get(ref)
	if v == nil {
		return nil, false
	}
	o, ok := v.Value.(ast.Object)
	return o, ok
}

// yearSound is _sound(key, i): the year's level lies in its bounds, and its
// monthly levels, where given, are 12 levels from 0 to the ceiling whose
// last is within the tolerance of the level.
func yearSound(bounds ast.Object, years []any, key, i *ast.Term, tolerance *big.Rat) bool {
	byYear := bounds.Get(key)
	if byYear == nil {
		return false
	}
	byIndex, ok := byYear.Value.(ast.Object)
	if !ok {
		return false
	}
	b := byIndex.Get(i)
	if b == nil {
		return false
	}
	arr, ok := b.Value.(*ast.Array)
	if !ok || arr.Len() != 4 {
		return false
	}
	low, high, excluded, ceiling := arr.Elem(0).Value, arr.Elem(1).Value, arr.Elem(2).Value, arr.Elem(3).Value
	in, ok := i.Value.(ast.Number)
	if !ok {
		return false
	}
	idx, ok := in.Int()
	if !ok || idx < 0 || idx >= len(years) {
		return false
	}
	year, _ := years[idx].(map[string]any)
	if basis, _ := year["basis"].(string); basis != "plan" {
		return false
	}
	perf, _ := year["performance"].(map[string]any)
	name, _ := key.Value.(ast.String)
	metric, _ := perf[string(name)].(map[string]any)
	level, ok := number(metric["plan"])
	if !ok || !within(level, low, high) {
		return false
	}
	if x, isNum := excluded.(ast.Number); isNum && ast.NumberCompare(level, x) == 0 {
		return false
	}
	monthly, given := metric["monthly"]
	if !given || monthly == nil {
		return true
	}
	months, _ := monthly.([]any)
	if len(months) != 12 {
		return false
	}
	for _, v := range months {
		n, ok := number(v)
		if !ok || !within(n, ast.Number("0"), ceiling) {
			return false
		}
	}
	last, _ := number(months[11])
	a, okA := ratOf(last)
	l, okL := ratOf(level)
	if !okA || !okL {
		return false
	}
	diff := new(big.Rat).Sub(a, l)
	return diff.Abs(diff).Cmp(tolerance) <= 0
}

// number is v as an OPA number, when it is a plain decimal number of the
// plan reader's (json.Number); false for anything else.
func number(v any) (ast.Number, bool) {
	n, ok := v.(json.Number)
	if !ok || !plainDecimal(string(n)) {
		return "", false
	}
	return ast.Number(n), true
}

// within reports whether low <= n <= high, as OPA compares numbers; false
// when a bound is not a number.
func within(n ast.Number, low, high ast.Value) bool {
	lo, ok1 := low.(ast.Number)
	hi, ok2 := high.(ast.Number)
	return ok1 && ok2 && ast.NumberCompare(n, lo) >= 0 && ast.NumberCompare(n, hi) <= 0
}

// ratOf is the exact value of a plain decimal number.
func ratOf(v ast.Value) (*big.Rat, bool) {
	n, ok := v.(ast.Number)
	if !ok || !plainDecimal(string(n)) {
		return nil, false
	}
	return new(big.Rat).SetString(string(n))
}

// plainDecimal reports whether s is an optional minus, digits, and an
// optional point followed by digits: no exponent, as plans write figures.
func plainDecimal(s string) bool {
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	digits, point := 0, false
	for j := 0; j < len(s); j++ {
		switch c := s[j]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point && digits > 0 && j < len(s)-1:
			point = true
		default:
			return false
		}
	}
	return digits > 0
}
