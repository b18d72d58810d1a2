package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Values of a kind of plan, computed once.
//
// Much of what the policies derive for a plan depends only on its kind: the
// round's thresholds, which metrics it sets standards for in which plan years,
// whether a rule applies to the organisation's type, the services a trust
// answers for. In a batch most plans share a kind, so the engine evaluates the
// policies once on the kind alone (the plan cut down to the fields of
// kindFields) and hands the values of the rules listed in kindRules to every
// later evaluation of a plan of that kind through OPA's virtual cache, the
// cache OPA itself fills as it evaluates a rule. The policies run unchanged,
// by the same code path: a value found in the cache is the value the rule
// would have given, and stock opa and conftest compute it themselves.
//
// kindRules may list only rules and functions whose value depends on nothing
// of the input but the fields kindOf keeps (and on their arguments, which
// the cache key holds): TestSeededEvaluationIsUnchanged evaluates every
// shipped and generated plan with and without the seed and requires the same
// result. Documents with local policies (whose packages may add clauses to
// these rules) or with a footprint are evaluated without a seed.

// kindRules are the rules and functions, by path, whose values a kind of plan
// fixes.
var kindRules = refSet(
	"data.planassure.main._applies",
	"data.planassure.main._other_kind",
	"data.planassure.main._commissioner_only",
	"data.planassure.main._rules",
	"data.planassure.main._running",
	"data.planassure.main._other_kind_rules",
	"data.planassure.main._commissioner_only_rules",

	"data.planassure.lib.rounds._builtin",
	"data.planassure.lib.rounds._overrides",
	"data.planassure.lib.rounds.thresholds",
	"data.planassure.lib.rounds.current",
	"data.planassure.lib.rounds.known",
	"data.planassure.lib.rounds.performance_threshold",
	"data.planassure.lib.rounds.by_year",
	"data.planassure.lib.rounds.year_average",
	"data.planassure.lib.rounds.trust_improvement",
	"data.planassure.lib.rounds.finance_asks",
	"data.planassure.lib.rounds._asked_of_plan",

	// the finance rules' reasons for not applying (the round's thresholds, the plan
	// years' names, the organisation's type), and their thresholds in hundredths
	"data.planassure.lib.exact.hundredths",
	"data.planassure.rules.finance.agency_spend.not_applicable",
	"data.planassure.rules.finance.bank_spend.not_applicable",
	"data.planassure.rules.finance.breakeven.not_applicable",
	"data.planassure.rules.finance.contingency.not_applicable",
	"data.planassure.rules.finance.cumulative_chain.not_applicable",
	"data.planassure.rules.finance.cumulative_surplus.not_applicable",
	"data.planassure.rules.finance.deficit_support_exit.not_applicable",
	"data.planassure.rules.finance.efficiency.not_applicable",
	"data.planassure.rules.finance.excess_surplus_drawdown.not_applicable",
	"data.planassure.rules.finance.expenditure_total.not_applicable",
	"data.planassure.rules.finance.funding_total.not_applicable",
	"data.planassure.rules.finance.in_year_surplus.not_applicable",
	"data.planassure.rules.finance.mental_health_investment.not_applicable",
	"data.planassure.rules.finance.non_recurrent_reserve.not_applicable",
	"data.planassure.rules.finance.primary_care_transformation.not_applicable",
	"data.planassure.rules.finance.qipp_stretch.not_applicable",
	"data.planassure.rules.finance.system_balance.not_applicable",
	"data.planassure.rules.finance.uncommitted_reserve.not_applicable",

	"data.planassure.rules.finance.contingency._min_hundredths",
	"data.planassure.rules.finance.cumulative_surplus._min_hundredths",
	"data.planassure.rules.finance.excess_surplus_drawdown._min_hundredths",
	"data.planassure.rules.finance.non_recurrent_reserve._min_hundredths",
	"data.planassure.rules.finance.uncommitted_reserve._min_hundredths",

	"data.planassure.lib.plan.is_footprint",
	"data.planassure.lib.plan.is_plan",
	"data.planassure.lib.plan.is_provider",
	"data.planassure.lib.plan.is_commissioner",
	"data.planassure.lib.plan.commissioner_rules",
	"data.planassure.lib.plan.for_organisation",

	"data.planassure.lib.must_dos.names",
	"data.planassure.lib.must_dos.metrics",
	"data.planassure.lib.must_dos._list",
	"data.planassure.lib.must_dos.period_start",
	"data.planassure.lib.must_dos.period_end",

	"data.planassure.lib.activity.lines",
	"data.planassure.lib.activity.components",
	"data.planassure.lib.activity.default_alignment_gap_pp",
	"data.planassure.lib.activity.alignment_gap_pp",
	"data.planassure.rules.activity.identity._tolerance",

	"data.planassure.lib.performance.facts",
	"data.planassure.lib.performance.labels",
	"data.planassure.lib.performance.lower_is_better",
	"data.planassure.lib.performance.strict",
	"data.planassure.lib.performance.minutes",
	"data.planassure.lib.performance.units",
	"data.planassure.lib.performance.services",
	"data.planassure.lib.performance.serves",
	"data.planassure.lib.performance.is_provider",
	"data.planassure.lib.performance._lists_services",
	"data.planassure.lib.performance.service_reason",
	"data.planassure.lib.performance.applies",
	"data.planassure.lib.performance.not_applicable_reason",
	"data.planassure.lib.performance.improvement_not_applicable",
	"data.planassure.lib.performance._set_by_round",
	"data.planassure.lib.performance._thresholds",
	"data.planassure.lib.performance._improvement_years",
	"data.planassure.lib.performance._direction",
	"data.planassure.lib.performance._averaged",
	"data.planassure.lib.performance._bounds",
	"data.planassure.lib.performance._range",
	"data.planassure.lib.performance._ceiling",
	"data.planassure.lib.performance._not_a_level",
	"data.planassure.lib.performance._unit",
	"data.planassure.lib.performance._months",
	"data.planassure.lib.performance._monthly_tolerance",
)

// kindOf is the kind of the plan doc: the fields kindRules may read (the
// round, the organisation's type and services, each year's name and basis),
// as a document the policies can be evaluated on, and its key. ok is false
// for a document that is not a plain plan: a footprint, or no list of years.
func kindOf(doc any) (key string, kind map[string]any, ok bool) {
	m, isMap := doc.(map[string]any)
	if !isMap {
		return "", nil, false
	}
	if _, has := m["footprint"]; has {
		return "", nil, false
	}
	years, isList := m["years"].([]any)
	if !isList {
		return "", nil, false
	}
	kind = map[string]any{}
	if s, isObj := m["submission"].(map[string]any); isObj {
		kind["submission"] = pick(s, "round")
	}
	if o, isObj := m["organisation"].(map[string]any); isObj {
		kind["organisation"] = pick(o, "type", "services")
	}
	ys := make([]any, len(years))
	for i, y := range years {
		if yo, isObj := y.(map[string]any); isObj {
			ys[i] = pick(yo, "year", "basis")
		} else {
			ys[i] = y
		}
	}
	kind["years"] = ys
	b, err := json.Marshal(kind) // maps marshal with sorted keys: one key per kind
	if err != nil {
		return "", nil, false
	}
	return string(b), kind, true
}

func pick(m map[string]any, keys ...string) map[string]any {
	out := map[string]any{}
	for _, k := range keys {
		if v, has := m[k]; has {
			out[k] = v
		}
	}
	return out
}

// maxKinds bounds the kinds the engine keeps values for; a batch of more
// kinds evaluates the rest without a seed.
const maxKinds = 256

// kindSeeds holds the cache of each kind of plan seen, built once each.
type kindSeeds struct {
	mu    sync.Mutex
	kinds map[string]*kindSeed
}

type kindSeed struct {
	once  sync.Once
	cache topdown.VirtualCache // read-only once built; nil when it could not be built
	gates gates                // what the Go gates read of the kind (gate.go)
}

// seedFor is the virtual cache to evaluate doc with: the values of its kind
// beneath a cache of its own, or nil to evaluate without a seed.
func (e *Engine) seedFor(ctx context.Context, doc any) topdown.VirtualCache {
	if e.seeds == nil {
		return nil
	}
	key, kind, ok := kindOf(doc)
	if !ok {
		return nil
	}
	s := e.seeds
	s.mu.Lock()
	k := s.kinds[key]
	if k == nil {
		if len(s.kinds) >= maxKinds {
			s.mu.Unlock()
			return nil
		}
		k = &kindSeed{}
		s.kinds[key] = k
	}
	s.mu.Unlock()
	k.once.Do(func() {
		if k.cache = e.buildSeed(ctx, kind); k.cache != nil {
			k.gates = gatesOf(k.cache)
		}
	})
	if k.cache == nil {
		return nil
	}
	c := &seededCache{base: k.cache, own: newRefCache()}
	k.gates.put(c.own, doc)
	return c
}

// seedQuery is the query a kind of plan is evaluated with: data.planassure.main,
// and each rule of kindRules that takes no arguments, so that a table the
// kind alone does not reach (one read only where a plan gives figures, such
// as the metrics' directions) is seeded too. Each is collected, so one that
// is undefined for the kind does not stop the rest.
func seedQuery(c *ast.Compiler) string {
	lines := []string{"_ = data.planassure.main"}
	for _, ref := range kindRules {
		if rules := c.GetRules(ref); len(rules) > 0 && len(rules[0].Head.Args) == 0 {
			lines = append(lines, fmt.Sprintf("_ = [x | x := %v]", ref))
		}
	}
	return strings.Join(lines, "\n")
}

// buildSeed evaluates the policies on kind and keeps the values OPA cached
// for the rules of kindRules.
func (e *Engine) buildSeed(ctx context.Context, kind map[string]any) topdown.VirtualCache {
	input, err := ast.InterfaceToValue(kind)
	if err != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	rec := &recordingCache{VirtualCache: topdown.NewVirtualCache()}
	if _, err := e.seedQuery.Eval(ctx, rego.EvalParsedInput(input), rego.EvalVirtualCache(rec)); err != nil {
		return nil
	}
	base := newRefCache()
	for _, p := range rec.puts {
		base.Put(p.ref, p.value)
	}
	return base
}

// recordingCache is OPA's virtual cache, noting what is put in its outer frame
// for the rules of kindRules.
type recordingCache struct {
	topdown.VirtualCache
	depth int
	puts  []cachePut
}

type cachePut struct {
	ref   ast.Ref
	value *ast.Term
}

func (r *recordingCache) Push() { r.depth++; r.VirtualCache.Push() }
func (r *recordingCache) Pop()  { r.depth--; r.VirtualCache.Pop() }

func (r *recordingCache) Put(ref ast.Ref, value *ast.Term) {
	if r.depth == 0 && kindRules.covers(ref) {
		r.puts = append(r.puts, cachePut{ref: ref.Copy(), value: value})
	}
	r.VirtualCache.Put(ref, value)
}

// seededCache is one evaluation's virtual cache: its own values, and beneath
// them, outside any with-frame, the values of the plan's kind.
type seededCache struct {
	base  topdown.VirtualCache
	own   topdown.VirtualCache
	depth int
}

func (c *seededCache) Push() { c.depth++; c.own.Push() }
func (c *seededCache) Pop()  { c.depth--; c.own.Pop() }

func (c *seededCache) Get(ref ast.Ref) (*ast.Term, bool) {
	if v, undefined := c.own.Get(ref); v != nil || undefined {
		return v, undefined
	}
	if c.depth == 0 {
		return c.base.Get(ref)
	}
	return nil, false
}

func (c *seededCache) Put(ref ast.Ref, value *ast.Term) { c.own.Put(ref, value) }
func (c *seededCache) Keys() []ast.Ref                  { return c.own.Keys() }

// refs is a set of rule paths.
type refs []ast.Ref

func refSet(paths ...string) refs {
	out := make(refs, len(paths))
	for i, p := range paths {
		out[i] = ast.MustParseRef(p)
	}
	return out
}

// covers reports whether ref is the value of one of the rules, or a call of
// one of the functions (the path followed by its arguments), or a key of one.
func (rs refs) covers(ref ast.Ref) bool {
	for _, r := range rs {
		if ref.HasPrefix(r) {
			return true
		}
	}
	return false
}
