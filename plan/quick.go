package plan

import (
	"encoding/json"
	"math/big"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// A quick schema is the compiled plan schema rewritten for one question: does
// a document pass, yes or "ask the validator"? It answers without allocating
// and without turning every figure into a big.Rat, so a valid plan (nearly
// every plan) is checked in a fraction of the validator's time; a document it
// does not pass is validated again by the schema library, which finds and
// words every violation. It therefore must never pass a document the schema
// refuses; it may refuse one the schema passes (a figure it cannot compare
// cheaply, a form of value it does not know), which costs only time.
//
// It knows the keywords of draft-07 the plan schema uses; a schema with any
// other keyword has no quick form (newQuick returns nil) and every document
// goes to the validator.
type quick struct {
	always, never bool // a boolean schema: true, false

	types   quickTypes // 0: any type
	consts  []string   // const or enum: the value must be one of these strings
	hasEnum bool       // consts applies
	format  func(any) error
	ref     *quick // draft-07: a $ref's siblings other than the above are ignored

	not                 *quick
	allOf, anyOf, oneOf []*quick
	ifSch, then, els    *quick
	conds               bool // one of the above is set

	required     []string
	props        map[string]*quick
	patterns     []quickPattern
	additional   *quick // nil: any further property is allowed
	minProps     int    // -1: none
	maxProps     int    // -1: none
	minItems     int    // -1: none
	maxItems     int    // -1: none
	uniqueItems  bool
	items        *quick   // every element
	tupleItems   []*quick // the first elements, one each
	minLength    int      // -1: none
	maxLength    int      // -1: none
	pattern      jsonschema.Regexp
	minimum      *quickBound
	maximum      *quickBound
	numberChecks bool // minimum or maximum is set
}

type quickPattern struct {
	re     jsonschema.Regexp
	prefix string // the pattern is "^prefix", a literal prefix: strings.HasPrefix answers
	plain  bool   // prefix applies
	sch    *quick
}

// quickBound is a minimum or maximum that is a whole number small enough to
// compare with the digits of a figure.
type quickBound struct{ n int64 }

type quickTypes uint8

const (
	qNull quickTypes = 1 << iota
	qBoolean
	qNumber
	qInteger
	qString
	qArray
	qObject
)

// newQuick is the quick form of a compiled schema, or nil when the schema uses
// a keyword the quick check does not know.
func newQuick(s *jsonschema.Schema) *quick {
	b := quickBuilder{done: map[*jsonschema.Schema]*quick{}, ok: true}
	q := b.build(s)
	if !b.ok {
		return nil
	}
	// A schema that is only a $ref is checked as its target: point to the
	// target instead, saving a step per value.
	for _, n := range b.done {
		n.ref, n.not, n.ifSch, n.then, n.els = target(n.ref), target(n.not), target(n.ifSch), target(n.then), target(n.els)
		n.additional, n.items = target(n.additional), target(n.items)
		for _, list := range [][]*quick{n.allOf, n.anyOf, n.oneOf, n.tupleItems} {
			for i := range list {
				list[i] = target(list[i])
			}
		}
		for name, p := range n.props {
			n.props[name] = target(p)
		}
		for i := range n.patterns {
			n.patterns[i].sch = target(n.patterns[i].sch)
		}
	}
	return target(q)
}

// onlyRef reports whether q is a $ref and nothing else that is checked.
func (q *quick) onlyRef() bool {
	return q != nil && q.ref != nil && q.types == 0 && !q.hasEnum && q.format == nil && !q.always && !q.never
}

// target is the schema q's chain of $refs leads to (q itself when it is not
// only a $ref, or when the chain is a cycle, left to the step limit).
func target(q *quick) *quick {
	t := q
	for range quickMaxSteps {
		if !t.onlyRef() {
			return t
		}
		t = t.ref
	}
	return q
}

type quickBuilder struct {
	done map[*jsonschema.Schema]*quick
	ok   bool
}

func (b *quickBuilder) build(s *jsonschema.Schema) *quick {
	if s == nil {
		return nil
	}
	if q, ok := b.done[s]; ok {
		return q
	}
	q := &quick{minProps: -1, maxProps: -1, minItems: -1, maxItems: -1, minLength: -1, maxLength: -1}
	b.done[s] = q
	if s.Bool != nil {
		q.always, q.never = *s.Bool, !*s.Bool
		return q
	}
	if s.DraftVersion >= 2019 || s.DraftVersion < 6 || s.RecursiveRef != nil || s.DynamicRef != nil ||
		s.PropertyNames != nil || len(s.Dependencies) > 0 || len(s.DependentRequired) > 0 || len(s.DependentSchemas) > 0 ||
		s.UnevaluatedProperties != nil || s.UnevaluatedItems != nil || s.Contains != nil || s.AdditionalItems != nil ||
		s.PrefixItems != nil || s.Items2020 != nil || s.ContentEncoding != nil || s.ContentMediaType != nil ||
		s.ContentSchema != nil || s.ExclusiveMaximum != nil || s.ExclusiveMinimum != nil || s.MultipleOf != nil ||
		len(s.Extensions) > 0 {
		b.ok = false
		return q
	}
	if s.Types != nil {
		for _, t := range s.Types.ToStrings() {
			switch t {
			case "null":
				q.types |= qNull
			case "boolean":
				q.types |= qBoolean
			case "number":
				q.types |= qNumber
			case "integer":
				q.types |= qInteger
			case "string":
				q.types |= qString
			case "array":
				q.types |= qArray
			case "object":
				q.types |= qObject
			}
		}
	}
	if s.Const != nil {
		c, ok := (*s.Const).(string)
		if !ok || s.Enum != nil {
			b.ok = false
			return q
		}
		q.consts, q.hasEnum = []string{c}, true
	}
	if s.Enum != nil {
		for _, v := range s.Enum.Values {
			c, ok := v.(string)
			if !ok {
				b.ok = false
				return q
			}
			q.consts = append(q.consts, c)
		}
		q.hasEnum = true
	}
	if s.Format != nil {
		q.format = s.Format.Validate
	}
	if s.Ref != nil {
		q.ref = b.build(s.Ref)
		return q // draft-07: the other keywords are ignored
	}
	q.not = b.build(s.Not)
	q.allOf, q.anyOf, q.oneOf = b.list(s.AllOf), b.list(s.AnyOf), b.list(s.OneOf)
	q.ifSch, q.then, q.els = b.build(s.If), b.build(s.Then), b.build(s.Else)
	q.conds = q.not != nil || len(q.allOf) > 0 || len(q.anyOf) > 0 || len(q.oneOf) > 0 || q.ifSch != nil

	q.required = s.Required
	if len(s.Properties) > 0 {
		q.props = make(map[string]*quick, len(s.Properties))
		for name, p := range s.Properties {
			q.props[name] = b.build(p)
		}
	}
	for re, p := range s.PatternProperties {
		qp := quickPattern{re: re, sch: b.build(p)}
		if src := re.String(); strings.HasPrefix(src, "^") && regexp.QuoteMeta(src[1:]) == src[1:] {
			qp.prefix, qp.plain = src[1:], true
		}
		q.patterns = append(q.patterns, qp)
	}
	switch a := s.AdditionalProperties.(type) {
	case nil:
	case bool:
		if !a {
			q.additional = &quick{never: true}
		}
	case *jsonschema.Schema:
		q.additional = b.build(a)
	default:
		b.ok = false
	}
	q.minProps, q.maxProps = intOr(s.MinProperties), intOr(s.MaxProperties)

	q.minItems, q.maxItems, q.uniqueItems = intOr(s.MinItems), intOr(s.MaxItems), s.UniqueItems
	switch it := s.Items.(type) {
	case nil:
	case *jsonschema.Schema:
		q.items = b.build(it)
	case []*jsonschema.Schema:
		q.tupleItems = b.list(it)
	default:
		b.ok = false
	}

	q.minLength, q.maxLength, q.pattern = intOr(s.MinLength), intOr(s.MaxLength), s.Pattern

	q.minimum, q.maximum = b.bound(s.Minimum), b.bound(s.Maximum)
	q.numberChecks = q.minimum != nil || q.maximum != nil
	return q
}

func (b *quickBuilder) list(ss []*jsonschema.Schema) []*quick {
	var out []*quick
	for _, s := range ss {
		out = append(out, b.build(s))
	}
	return out
}

// bound is the quick form of a minimum or maximum: a whole number of at most
// 18 digits (its negation fits an int64 too).
func (b *quickBuilder) bound(r *big.Rat) *quickBound {
	if r == nil {
		return nil
	}
	if !r.IsInt() || !r.Num().IsInt64() || r.Num().Int64() <= -1e18 || r.Num().Int64() >= 1e18 {
		b.ok = false
		return nil
	}
	return &quickBound{n: r.Num().Int64()}
}

func intOr(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

// quickMaxSteps bounds the schemas applied to one value without descending
// into it ($ref, allOf, not, ...): a reference cycle is left to the validator.
const quickMaxSteps = 64

// verdict is the quick check's answer: the value passes, fails, or the
// validator must say (unsure). Pass and fail are exact, so that a not or an if
// can turn one into the other.
type verdict uint8

const (
	fail verdict = iota
	pass
	unsure
)

// and is the verdict of two checks that must both pass.
func (v verdict) and(w verdict) verdict {
	if v == fail || w == fail {
		return fail
	}
	return max(v, w)
}

func verdictOf(ok bool) verdict {
	if ok {
		return pass
	}
	return fail
}

// check is whether v passes the schema. v is a decoded document: maps,
// slices, json.Number, string, bool, nil. steps counts the schemas applied to
// v so far.
func (q *quick) check(v any, steps int) verdict {
	if q.always {
		return pass
	}
	if q.never {
		return fail
	}
	if steps > quickMaxSteps {
		return unsure
	}
	var num decimal
	switch x := v.(type) {
	case nil:
		if !q.typeOK(qNull) {
			return fail
		}
	case bool:
		if !q.typeOK(qBoolean) {
			return fail
		}
	case string:
		if !q.typeOK(qString) {
			return fail
		}
	case json.Number:
		// The digits are read when a keyword needs them: a figure of type
		// number with no bounds passes as it is, as in the validator.
		anyNumber := q.types == 0 || q.types&qNumber != 0
		if !anyNumber || q.numberChecks {
			var ok bool
			if num, ok = parseDecimal(string(x)); !ok {
				return unsure
			}
		}
		if !anyNumber && (q.types&qInteger == 0 || !num.isInt()) {
			return fail
		}
	case []any:
		if !q.typeOK(qArray) {
			return fail
		}
	case map[string]any:
		if !q.typeOK(qObject) {
			return fail
		}
	default: // float64, int, ...: the validator knows them
		return unsure
	}
	if q.hasEnum {
		s, ok := v.(string)
		if !ok || !slices.Contains(q.consts, s) {
			return fail
		}
	}
	if q.format != nil && q.format(v) != nil {
		return fail
	}
	if q.ref != nil {
		return q.ref.check(v, steps+1)
	}
	r := pass
	switch x := v.(type) {
	case map[string]any:
		r = q.checkObject(x)
	case []any:
		r = q.checkArray(x)
	case string:
		r = verdictOf(q.validString(x))
	case json.Number:
		if q.numberChecks {
			r = q.checkNumber(num)
		}
	}
	if r != pass || !q.conds {
		return r
	}
	return q.checkConds(v, steps)
}

func (q *quick) typeOK(t quickTypes) bool { return q.types == 0 || q.types&t != 0 }

func (q *quick) checkObject(obj map[string]any) verdict {
	if (q.minProps >= 0 && len(obj) < q.minProps) || (q.maxProps >= 0 && len(obj) > q.maxProps) {
		return fail
	}
	for _, r := range q.required {
		if _, ok := obj[r]; !ok {
			return fail
		}
	}
	r := pass
	for name, v := range obj {
		evaluated := false
		if p, ok := q.props[name]; ok {
			evaluated = true
			if r = r.and(p.check(v, 0)); r == fail {
				return fail
			}
		}
		for _, pp := range q.patterns {
			var match bool
			if pp.plain {
				match = strings.HasPrefix(name, pp.prefix)
			} else {
				match = pp.re.MatchString(name)
			}
			if match {
				evaluated = true
				if r = r.and(pp.sch.check(v, 0)); r == fail {
					return fail
				}
			}
		}
		if !evaluated && q.additional != nil {
			if r = r.and(q.additional.check(v, 0)); r == fail {
				return fail
			}
		}
	}
	return r
}

func (q *quick) checkArray(arr []any) verdict {
	if (q.minItems >= 0 && len(arr) < q.minItems) || (q.maxItems >= 0 && len(arr) > q.maxItems) {
		return fail
	}
	r := pass
	if q.uniqueItems {
		for i := 1; i < len(arr) && r == pass; i++ {
			s, ok := arr[i].(string)
			for j := 0; j < i && r == pass; j++ {
				t, ok2 := arr[j].(string)
				switch {
				case !ok || !ok2: // numbers compare by value, objects by content: the validator knows
					r = unsure
				case s == t:
					return fail
				}
			}
		}
	}
	if q.items != nil {
		for _, v := range arr {
			if r = r.and(q.items.check(v, 0)); r == fail {
				return fail
			}
		}
	}
	for i, p := range q.tupleItems {
		if i < len(arr) {
			if r = r.and(p.check(arr[i], 0)); r == fail {
				return fail
			}
		}
	}
	return r
}

func (q *quick) validString(s string) bool {
	if q.minLength >= 0 || q.maxLength >= 0 {
		n := utf8.RuneCountInString(s)
		if (q.minLength >= 0 && n < q.minLength) || (q.maxLength >= 0 && n > q.maxLength) {
			return false
		}
	}
	return q.pattern == nil || q.pattern.MatchString(s)
}

func (q *quick) checkNumber(d decimal) verdict {
	if q.minimum != nil {
		c, ok := d.cmp(q.minimum.n)
		if !ok {
			return unsure
		}
		if c < 0 {
			return fail
		}
	}
	if q.maximum != nil {
		c, ok := d.cmp(q.maximum.n)
		if !ok {
			return unsure
		}
		if c > 0 {
			return fail
		}
	}
	return pass
}

func (q *quick) checkConds(v any, steps int) verdict {
	r := pass
	if q.not != nil {
		switch q.not.check(v, steps+1) {
		case pass:
			return fail
		case unsure:
			r = unsure
		}
	}
	for _, s := range q.allOf {
		if r = r.and(s.check(v, steps+1)); r == fail {
			return fail
		}
	}
	if len(q.anyOf) > 0 {
		some := fail
		for _, s := range q.anyOf {
			if c := s.check(v, steps+1); c == pass {
				some = pass
				break
			} else if c == unsure {
				some = unsure
			}
		}
		if r = r.and(some); r == fail {
			return fail
		}
	}
	if len(q.oneOf) > 0 {
		n, unknown := 0, false
		for _, s := range q.oneOf {
			switch s.check(v, steps+1) {
			case pass:
				n++
			case unsure:
				unknown = true
			}
		}
		switch {
		case n > 1:
			return fail
		case unknown:
			r = unsure
		case n == 0:
			return fail
		}
	}
	if q.ifSch != nil {
		var c verdict
		switch q.ifSch.check(v, steps+1) {
		case pass:
			c = pass
			if q.then != nil {
				c = q.then.check(v, steps+1)
			}
		case fail:
			c = pass
			if q.els != nil {
				c = q.els.check(v, steps+1)
			}
		default:
			c = unsure
		}
		if r = r.and(c); r == fail {
			return fail
		}
	}
	return r
}

// decimal is a JSON number without an exponent, read for comparing with a
// whole number: its sign, its whole part when it has at most 18 digits, and
// whether its decimals are other than zeros.
type decimal struct {
	neg   bool
	whole int64 // when small
	small bool  // the whole part has at most 18 digits
	frac  bool  // a decimal is not 0: the number is not whole
}

// parseDecimal reads s, which must be a JSON number written without an
// exponent (-?(0|[1-9][0-9]*)(\.[0-9]+)?).
func parseDecimal(s string) (decimal, bool) {
	var d decimal
	i := 0
	if i < len(s) && s[i] == '-' {
		d.neg, i = true, 1
	}
	start := i
	for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
		d.whole = d.whole*10 + int64(s[i]-'0') // wraps past 18 digits: not small, not used
	}
	if i == start || (s[start] == '0' && i > start+1) {
		return decimal{}, false
	}
	d.small = i-start <= 18
	if i == len(s) {
		return d, true
	}
	if s[i] != '.' {
		return decimal{}, false
	}
	i++
	start = i
	for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
		d.frac = d.frac || s[i] != '0'
	}
	if i == start || i != len(s) {
		return decimal{}, false
	}
	return d, true
}

// isInt reports whether the number is whole: its decimals, if any, are zeros.
func (d decimal) isInt() bool { return !d.frac }

// cmp compares the number with n (|n| < 1e18): -1, 0 or +1, and false when
// the whole part has too many digits to compare this way.
func (d decimal) cmp(n int64) (int, bool) {
	if !d.small {
		return 0, false
	}
	if d.whole == 0 && !d.frac { // 0 and -0
		return cmpInt(0, n), true
	}
	if d.neg {
		// -(w+f) against n is the opposite of w+f against -n
		return -cmpAbs(d.whole, d.frac, -n), true
	}
	return cmpAbs(d.whole, d.frac, n), true
}

// cmpAbs compares w+f, where f is a fraction in (0,1) when frac and 0
// otherwise, with the whole number n.
func cmpAbs(w int64, frac bool, n int64) int {
	switch {
	case w < n:
		return -1
	case w > n:
		return 1
	case frac:
		return 1
	}
	return 0
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
