package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"
	"sort"
	"strconv"
	"sync"

	"github.com/planassure/planassure/cache"
)

// ResultStore keeps encoded results by key: a *cache.Dir, or anything that
// behaves like one. Get must return only what Put stored under the key.
type ResultStore interface {
	Get(cache.Key) ([]byte, bool)
	Put(cache.Key, []byte) error
}

// CheckBytes is the per-plan step of a check: it reads, validates and
// evaluates the plan in data, named path. With Options.Cache, a plan whose
// bytes were checked before under the same rules, data and options gets the
// stored result instead (the same result, byte for byte in every report), and
// a plan evaluated afresh has its result stored. Results with problems (an
// unreadable plan, a timeout) are never stored: they are cheap to find again,
// or depend on more than the plan.
func (e *Engine) CheckBytes(ctx context.Context, path string, data []byte) Result {
	var key cache.Key
	if e.cache != nil {
		key = e.planKey(data)
		if r, ok := e.cachedResult(key, path); ok {
			return r
		}
	}
	plan, err := e.ReadPlan(path, data)
	if err != nil {
		r := Result{Plan: path, Findings: []Finding{}, Problems: problemsOf(err)}
		r.finish()
		return r
	}
	r := e.Evaluate(ctx, plan)
	if e.cache != nil {
		e.storeResult(key, r)
	}
	return r
}

// EvaluateCached is Evaluate through the cache (Options.Cache), for a plan
// already read: diff reads both versions whole, to compare their figures.
func (e *Engine) EvaluateCached(ctx context.Context, p Plan) Result {
	if e.cache == nil {
		return e.Evaluate(ctx, p)
	}
	key := e.planKey(p.raw)
	if r, ok := e.cachedResult(key, p.Path); ok {
		return r
	}
	r := e.Evaluate(ctx, p)
	e.storeResult(key, r)
	return r
}

// planKey is the cache key of a plan's bytes under this engine.
func (e *Engine) planKey(data []byte) cache.Key {
	return cache.NewHasher().Add(e.digest).Add(data).Key()
}

// cachedEntry is what the cache holds for one plan: its result without the
// path it was read from (the same bytes may be checked under another name),
// and the figures, which Result does not encode.
type cachedEntry struct {
	Result  Result       `json:"result"`
	Figures *PlanFigures `json:"figures,omitempty"`
}

func (e *Engine) cachedResult(key cache.Key, path string) (Result, bool) {
	b, ok := e.cache.Get(key)
	if !ok {
		return Result{}, false
	}
	var c cachedEntry
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // figures stay exact, as the evaluation gives them
	if err := dec.Decode(&c); err != nil || dec.More() || !e.wellFormed(c.Result) {
		return Result{}, false // not an entry this program wrote: evaluate afresh, and overwrite it
	}
	c.Result.Plan, c.Result.Figures = path, c.Figures
	c.Result.Rules = e.outcomes.intern(c.Result.Rules)
	return c.Result, true
}

// wellFormed reports whether r is a result this engine could have stored: one
// outcome per rule, no problems, and counts and verdict that agree with the
// findings.
func (e *Engine) wellFormed(r Result) bool {
	if r.Findings == nil || len(r.Problems) > 0 || len(r.Members) > 0 || len(r.Rules) != len(e.ids) {
		return false
	}
	for i, o := range r.Rules {
		if o.Rule != e.ids[i] {
			return false
		}
	}
	check := r
	check.finish()
	return check.Verdict == r.Verdict && check.Errors == r.Errors && check.Warnings == r.Warnings && r.Waived == 0
}

func (e *Engine) storeResult(key cache.Key, r Result) {
	if len(r.Problems) > 0 || len(r.Members) > 0 {
		return
	}
	c := cachedEntry{Result: r, Figures: r.Figures}
	c.Result.Plan, c.Result.Figures = "", nil
	b, err := json.Marshal(c)
	if err != nil {
		return
	}
	_ = e.cache.Put(key, b) // a cache that cannot be written costs speed, never a result
}

// rulesDigest digests what a plan's result depends on besides its bytes: the
// policy sources by module name, the data, the plan schema, the options that
// change a result (limits, figures, footprints) and the program itself.
func (e *Engine) rulesDigest(sources map[string][]byte, data map[string]any) ([]byte, error) {
	h := cache.NewHasher()
	h.AddString(programIdentity())
	names := make([]string, 0, len(sources))
	for n := range sources {
		names = append(names, n)
	}
	sort.Strings(names)
	h.AddString("policies " + strconv.Itoa(len(names)))
	for _, n := range names {
		h.AddString(n).Add(sources[n])
	}
	d, err := json.Marshal(data) // object keys sorted, numbers as written
	if err != nil {
		return nil, fmt.Errorf("digest data: %w", err)
	}
	h.AddString("data").Add(d)
	h.AddString("schema").Add(PlanSchema)
	h.AddString(fmt.Sprintf("options figures=%t footprints=%t max-file-size=%d max-depth=%d timeout=%s",
		e.figures, e.footprints, e.limits.maxFileSize, e.limits.maxDepth, e.limits.timeout))
	k := h.Key()
	return k[:], nil
}

var (
	programOnce sync.Once
	programID   string
)

// programIdentity names the build of this program, so that a cache written by
// one build is never read by another: the module version and VCS revision of
// a clean build, else a digest of the executable itself.
func programIdentity() string {
	programOnce.Do(func() {
		var rev, modified string
		bi, ok := debug.ReadBuildInfo()
		if ok {
			for _, s := range bi.Settings {
				switch s.Key {
				case "vcs.revision":
					rev = s.Value
				case "vcs.modified":
					modified = s.Value
				}
			}
			if rev != "" && modified == "false" {
				programID = bi.Main.Path + "@" + bi.Main.Version + " " + rev
				return
			}
		}
		programID = "unknown build"
		if exe, err := os.Executable(); err == nil {
			if b, err := os.ReadFile(exe); err == nil {
				programID = "executable " + cache.NewHasher().Add(b).Key().String()
			}
		}
	})
	return programID
}
