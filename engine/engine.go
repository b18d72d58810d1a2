// Package engine evaluates plan submissions against the assurance rules: it
// compiles the Rego policies once, reads each rule's METADATA, and turns what
// the one entrypoint (data.planassure.main) returns into typed findings and verdicts.
package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/util"

	"github.com/planassure/planassure/internal/buildinfo"
	"github.com/planassure/planassure/plan"
)

// Options adjust the rule set an Engine is built from.
type Options struct {
	// Local are further policy trees loaded beside the built-in ones, under the
	// same METADATA contract (their rules live at data.planassure.rules.<area>.<name>).
	Local []fs.FS
	// Data is merged into OPA's data document: data.planassure.rounds overrides
	// or adds planning-round thresholds.
	Data map[string]any
	// Timeout bounds the evaluation of one plan; a plan that takes longer gets
	// verdict error (ErrTimeout). 0 means DefaultTimeout.
	Timeout time.Duration
	// Hint words advice for the users of the engine's typed errors
	// (ErrTimeout, ErrUnknownRound, plan.ErrTooLarge, ...), appended to the
	// message of a problem: the CLI names its flags, the service its limits.
	// nil adds none.
	Hint func(error) string
	// NoSeed evaluates every plan from scratch, without the values of its kind
	// of plan (seed.go) computed once per kind; for tests that compare the two.
	NoSeed bool
}

// DefaultTimeout is the default of Options.Timeout: far above any real plan
// (the largest shipped plan evaluates in milliseconds).
const DefaultTimeout = 10 * time.Second

// Engine holds the compiled rules. It is safe for concurrent use.
type Engine struct {
	rules      map[string]Rule
	ids        []string
	query      rego.PreparedEvalQuery
	figures    rego.PreparedEvalQuery    // figuresQuery: the standards of one plan, as the policies resolve them
	rounds     []string                  // known planning rounds, sorted; nil when the policies define none
	thresholds map[string]map[string]any // data.planassure.lib.rounds.thresholds: round -> threshold key -> value
	metrics    []Metric                  // data.planassure.lib.performance.metrics, in report order
	allocation [][]string                // data.planassure.lib.plan.allocation_lines: paths in a year
	finance    map[string]string         // data.planassure.lib.plan.finance_thresholds: finance line to threshold key
	timeout    time.Duration
	hint       func(error) string
	digest     string // PolicyDigest of the rules and data loaded
	rulesSum   []byte // the policy digest, the plan schema and the timeout (see Digest)
	digestOnce sync.Once
	cacheKey   []byte
	outcomes   outcomeTable
	seedQuery  rego.PreparedEvalQuery // seedQuery: what a kind of plan is evaluated with
	seeds      *kindSeeds             // values of each kind of plan (seed.go); nil with local policies
}

// Namespace is the root package of every policy: the entrypoint is
// data.planassure.main, rules live at data.planassure.rules.<area>.<name> and
// the shared helpers at data.planassure.lib, so the policies share an OPA server
// with others without colliding.
const Namespace = "planassure"

// New compiles the policies in fsys (and opts.Local) in strict mode, typed
// against the plan schema, and reads every rule's METADATA. A rule without a
// title, a valid severity or guidance rejects the whole rule set.
func New(ctx context.Context, fsys fs.FS, opts Options) (*Engine, error) {
	modules := map[string]*ast.Module{}
	if err := parseTree(fsys, "policies", modules); err != nil {
		return nil, err
	}
	for i, l := range opts.Local {
		if err := parseTree(l, fmt.Sprintf("local%d", i+1), modules); err != nil {
			return nil, err
		}
	}
	if err := checkBuiltins(modules); err != nil {
		return nil, fmt.Errorf("load policies: %w", err)
	}
	var schema any
	if err := util.UnmarshalJSON(plan.Schema, &schema); err != nil {
		return nil, fmt.Errorf("read plan schema: %w", err)
	}
	schemas := ast.NewSchemaSet()
	schemas.Put(ast.SchemaRootRef, schema)
	c := ast.NewCompiler().WithStrict(true).WithSchemas(schemas).WithUseTypeCheckAnnotations(true).
		WithCapabilities(capabilities())
	if c.Compile(modules); c.Failed() {
		return nil, fmt.Errorf("compile policies: %w", c.Errors)
	}
	rules, err := rulesFrom(c)
	if err != nil {
		return nil, fmt.Errorf("load rules: %w", err)
	}
	if len(rules) == 0 {
		return nil, ErrNoRules
	}
	data := opts.Data
	if data == nil {
		data = map[string]any{}
	}
	store := inmem.NewFromObject(data)
	prepare := func(query string) (rego.PreparedEvalQuery, error) {
		return rego.New(rego.Query(query), rego.Compiler(c), rego.Store(store), rego.StrictBuiltinErrors(true)).
			PrepareForEval(ctx)
	}
	q, err := prepare("data.planassure.main")
	if err != nil {
		return nil, fmt.Errorf("prepare query: %w", err)
	}
	fq, err := prepare(figuresQuery)
	if err != nil {
		return nil, fmt.Errorf("prepare figures query: %w", err)
	}
	e := &Engine{rules: rules, query: q, figures: fq, timeout: opts.Timeout, hint: opts.Hint}
	if len(opts.Local) == 0 && !opts.NoSeed {
		e.seeds = &kindSeeds{kinds: map[string]*kindSeed{}}
		if e.seedQuery, err = prepare(seedQuery(c)); err != nil {
			return nil, fmt.Errorf("prepare seed query: %w", err)
		}
	}
	if e.timeout <= 0 {
		e.timeout = DefaultTimeout
	}
	if e.digest, err = PolicyDigest(fsys, opts.Local, opts.Data); err != nil {
		return nil, err
	}
	e.rulesSum = rulesDigest(e.digest, e.timeout)
	for id := range rules {
		e.ids = append(e.ids, id)
	}
	sort.Strings(e.ids)
	if err := e.readTables(ctx, c, store); err != nil {
		return nil, err
	}
	if e.thresholds != nil {
		e.rounds = make([]string, 0, len(e.thresholds))
		for r := range e.thresholds {
			e.rounds = append(e.rounds, r)
		}
		sort.Strings(e.rounds)
	}
	return e, nil
}

// tablesQuery reads the domain tables the policies keep, in one query when
// the engine loads: each binding is a list of the table, or empty when the
// policies do not define it.
const tablesQuery = `thresholds := [x | x := data.planassure.lib.rounds.thresholds]
metrics := [x | x := data.planassure.lib.performance.metrics]
order := [x | x := data.planassure.lib.performance.order]
allocation := [x | x := data.planassure.lib.plan.allocation_lines]
finance := [x | x := data.planassure.lib.plan.finance_thresholds]`

// readTables reads the tables of the policies that reports need beside the
// rules: the thresholds of each planning round
// (data.planassure.lib.rounds.thresholds, an object of objects keyed by
// round), the performance metrics (lib.performance.metrics and order), the
// lines of allocation (lib.plan.allocation_lines) and the threshold keys of
// the finance lines (lib.plan.finance_thresholds).
func (e *Engine) readTables(ctx context.Context, c *ast.Compiler, store storage.Store) error {
	rs, err := rego.New(rego.Query(tablesQuery), rego.Compiler(c), rego.Store(store),
		rego.StrictBuiltinErrors(true)).Eval(ctx)
	if err != nil {
		return fmt.Errorf("read the policies' tables: %w", err)
	}
	if len(rs) != 1 {
		return errors.New("read the policies' tables: no result")
	}
	var t struct {
		Thresholds []map[string]map[string]any
		Metrics    []map[string]Metric
		Order      [][]string
		Allocation [][][]string
		Finance    []map[string]string
	}
	for name, to := range map[string]any{"thresholds": &t.Thresholds, "metrics": &t.Metrics, "order": &t.Order, "allocation": &t.Allocation, "finance": &t.Finance} {
		if err := roundTrip(rs[0].Bindings[name], to); err != nil {
			return fmt.Errorf("read the policies' tables: %s: %w", tableNames[name], err)
		}
	}
	if len(t.Thresholds) > 0 {
		e.thresholds = t.Thresholds[0]
	}
	if len(t.Allocation) > 0 {
		e.allocation = t.Allocation[0]
	}
	if len(t.Finance) > 0 {
		e.finance = t.Finance[0]
	}
	if len(t.Metrics) > 0 {
		var order []string
		if len(t.Order) > 0 {
			order = t.Order[0]
		}
		e.metrics = metricsInOrder(t.Metrics[0], order)
	}
	return nil
}

var tableNames = map[string]string{
	"thresholds": "data.planassure.lib.rounds.thresholds is not an object of objects keyed by round",
	"metrics":    "data.planassure.lib.performance.metrics is not an object of metrics (label, lower_is_better, threshold)",
	"order":      "data.planassure.lib.performance.order is not a list of metric keys",
	"allocation": "data.planassure.lib.plan.allocation_lines is not a list of paths",
	"finance":    "data.planassure.lib.plan.finance_thresholds is not an object of threshold keys",
}

// Threshold returns the value of a threshold key ("contingency_pct",
// "performance.ae_4hr") in a round, and whether the round sets it. The value is
// a json.Number, a bool, or an object keyed by financial year.
func (e *Engine) Threshold(round, key string) (any, bool) {
	var v any = e.thresholds[round]
	for _, part := range strings.Split(key, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[part]; !ok {
			return nil, false
		}
	}
	return v, v != nil
}

// parseTree parses every .rego file of fsys except tests, naming each module
// prefix/path so that two trees never collide.
func parseTree(fsys fs.FS, prefix string, modules map[string]*ast.Module) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read policies: %w", err)
		}
		if d.IsDir() || path.Ext(p) != ".rego" || strings.HasSuffix(p, "_test.rego") {
			return nil
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("read policy %s: %w", p, err)
		}
		name := prefix + "/" + p
		m, err := ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return fmt.Errorf("parse policy: %w", err)
		}
		modules[name] = m
		return nil
	})
}

// PolicyDigest is the digest of the rules and data the engine loaded (see
// PolicyDigest).
func (e *Engine) PolicyDigest() string { return e.digest }

// Tool is the build of planassure and the rules that make the engine's reports.
func (e *Engine) Tool() *Tool {
	bi := buildinfo.Read()
	return &Tool{Name: "planassure", Version: bi.Version, Revision: bi.Revision, Modified: bi.Modified, PolicyDigest: e.digest}
}

// Rules returns every rule, sorted by id.
func (e *Engine) Rules() []Rule {
	out := make([]Rule, len(e.ids))
	for i, id := range e.ids {
		out[i] = e.rules[id]
	}
	return out
}

// Rule returns the rule with the given id.
func (e *Engine) Rule(id string) (Rule, bool) {
	r, ok := e.rules[id]
	return r, ok
}

// Rounds returns the planning rounds the policies know, sorted.
func (e *Engine) Rounds() []string { return append([]string(nil), e.rounds...) }

// Evaluate runs every rule on one plan and returns its result: findings sorted,
// every rule's outcome, and the verdict. An evaluation error gives verdict error.
func (e *Engine) Evaluate(ctx context.Context, p plan.Plan) Result {
	return e.evaluateDoc(ctx, p, p.Doc)
}

// evaluateDoc evaluates doc, the input for plan p (its document, or a
// footprint's with its members).
func (e *Engine) evaluateDoc(ctx context.Context, p plan.Plan, doc any) Result {
	res := Result{Plan: p.Path, Organisation: p.Organisation, Name: p.Name, Round: p.Round, Findings: []Finding{}}
	if p.IsFootprint() {
		res.Kind = KindFootprint
	}
	findings, outcomes, err := e.evaluate(ctx, p, doc)
	if err != nil {
		res.Problems = e.Problems(err)
	} else {
		res.Findings, res.Rules = findings, outcomes
	}
	res.Finish()
	return res
}

func (e *Engine) evaluate(ctx context.Context, p plan.Plan, doc any) ([]Finding, []RuleOutcome, error) {
	if e.rounds != nil && !contains(e.rounds, p.Round) {
		return nil, nil, &plan.Error{Path: p.Path, Pointer: "/submission/round", Line: p.Line("/submission/round"), Cell: p.Cell("/submission/round"),
			Err: &UnknownRoundError{Round: p.Round, Known: e.Rounds()}}
	}
	input, err := ast.InterfaceToValue(doc)
	if err != nil {
		return nil, nil, &plan.Error{Path: p.Path, Err: fmt.Errorf("convert plan: %w", err)}
	}
	ctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	var cache topdown.VirtualCache = newRefCache()
	if seed := e.seedFor(ctx, doc); seed != nil {
		cache = seed
	}
	evalOpts := []rego.EvalOption{rego.EvalParsedInput(input), rego.EvalVirtualCache(cache)}
	rs, err := e.query.Eval(ctx, evalOpts...)
	if err != nil {
		return nil, nil, &plan.Error{Path: p.Path, Err: e.evalError(ctx, err)}
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, nil, &plan.Error{Path: p.Path, Err: errors.New("evaluate rules: the policies returned no result")}
	}
	deny, notApplicable, err := readResult(rs[0].Expressions[0].Value)
	if err != nil {
		return nil, nil, &plan.Error{Path: p.Path, Err: fmt.Errorf("read rule results: %w", err)}
	}
	findings := make([]Finding, 0, len(deny))
	failed := map[string]bool{}
	for _, d := range deny {
		r, ok := e.rules[d.Rule]
		if !ok {
			return nil, nil, &plan.Error{Path: p.Path, Err: fmt.Errorf("rule %q reported a finding but has no METADATA", d.Rule)}
		}
		sev := r.Severity
		if d.Severity == string(SeverityWarning) {
			sev = SeverityWarning // a rule may soften a finding, never harden it
		}
		findings = append(findings, Finding{
			Rule: r.ID, Title: r.Title, Severity: sev, Message: d.Msg, Pointer: d.Pointer,
			Line: p.Line(d.Pointer), Cell: p.Cell(d.Pointer), Expected: d.Expected, Actual: d.Actual,
			Guidance: r.Guidance, URL: r.URL,
		})
		failed[r.ID] = true
	}
	sortFindings(findings)
	na := map[string]string{}
	for _, n := range notApplicable {
		if na[n.Rule] == "" || n.Msg < na[n.Rule] {
			na[n.Rule] = n.Msg
		}
	}
	outcomes := make([]RuleOutcome, 0, len(e.ids))
	for _, id := range e.ids {
		switch {
		case failed[id]:
			outcomes = append(outcomes, RuleOutcome{Rule: id, Outcome: OutcomeFailed})
		case na[id] != "":
			outcomes = append(outcomes, RuleOutcome{Rule: id, Outcome: OutcomeNotApplicable, Reason: na[id]})
		default:
			outcomes = append(outcomes, RuleOutcome{Rule: id, Outcome: OutcomePassed})
		}
	}
	return findings, e.outcomes.intern(outcomes), nil
}

// roundTrip converts the evaluation result into typed values. Numbers arrive
// as json.Number and stay exact.
func roundTrip(v any, out any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	return dec.Decode(out)
}

func contains(s []string, v string) bool {
	i := sort.SearchStrings(s, v)
	return i < len(s) && s[i] == v
}

// Problems turns a read or evaluation error into problems for the report,
// each worded with the Options.Hint for its cause.
func (e *Engine) Problems(err error) []Problem {
	var pes plan.Errors
	if errors.As(err, &pes) {
		out := make([]Problem, len(pes))
		for i, pe := range pes {
			out[i] = Problem{Pointer: pe.Pointer, Line: pe.Line, Cell: pe.Cell, Message: e.word(pe.Err)}
		}
		return out
	}
	var pe *plan.Error
	if errors.As(err, &pe) {
		return []Problem{{Pointer: pe.Pointer, Line: pe.Line, Cell: pe.Cell, Message: e.word(pe.Err)}}
	}
	return []Problem{{Message: e.word(err)}}
}

func (e *Engine) word(err error) string {
	if e.hint == nil {
		return err.Error()
	}
	return err.Error() + e.hint(err)
}

// Failed is the result of a plan that could not be read or evaluated: verdict
// error, with err as its problems.
func (e *Engine) Failed(path string, err error) Result {
	r := Result{Plan: path, Findings: []Finding{}, Problems: e.Problems(err)}
	r.Finish()
	return r
}
