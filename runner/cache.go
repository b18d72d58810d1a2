package runner

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/planassure/planassure/cache"
	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/plan"
)

// ResultStore keeps encoded results by key: a *cache.Dir, or anything that
// behaves like one. Get must return only what Put stored under the key.
type ResultStore interface {
	Get(cache.Key) ([]byte, bool)
	Put(cache.Key, []byte) error
}

// checkInput is the per-plan step of a check without footprints: the input's
// bytes are read, then (with Config.Cache) looked up by key, and only on a
// miss decoded, validated and evaluated, the result stored for next time.
// A hit gives the same result, byte for byte in every report.
func (r *Runner) checkInput(ctx context.Context, in Input) engine.Result {
	e := r.cfg.Engine
	var missed *contentSum // the prefetched digest, looked up and not found
	if r.cfg.Cache != nil && in.file {
		if sum, ok := r.cfg.Prefetch.sum(in.Path); ok {
			if res, ok := r.load(r.key(in.Path, sum), in.Path); ok {
				return res
			}
			missed = &sum
		}
	}
	buf := r.buffer(in)
	data, err := r.bytesTo(ctx, in, *buf)
	if err != nil {
		r.release(buf, nil)
		return e.Failed(in.Path, err)
	}
	var key cache.Key
	if r.cfg.Cache != nil {
		sum := contentSum(sha256.Sum256(data))
		key = r.key(in.Path, sum)
		if missed == nil || sum != *missed { // the file changed since it was prefetched
			if res, ok := r.load(key, in.Path); ok {
				r.release(buf, data) // a hit keeps none of the bytes
				return res
			}
		}
	}
	p, err := plan.Decode(in.Path, data, r.cfg.Limits)
	if err != nil {
		return e.Failed(in.Path, err)
	}
	res := r.evaluate(ctx, p)
	if r.cfg.Cache != nil {
		r.store(key, res)
	}
	return res
}

// Evaluate evaluates one plan already read, through the cache (Config.Cache)
// when there is one: a footprint's member, which the footprint needs whole, or
// the two versions diff compares figure by figure.
func (r *Runner) Evaluate(ctx context.Context, p plan.Plan) engine.Result {
	if r.cfg.Cache == nil {
		return r.evaluate(ctx, p)
	}
	key := r.key(p.Path, sha256.Sum256(p.Raw()))
	if res, ok := r.load(key, p.Path); ok {
		return res
	}
	res := r.evaluate(ctx, p)
	r.store(key, res)
	return res
}

// key is the cache key of a plan's bytes, given by their SHA-256: the
// engine's digest (policies, data, timeout, program), the reading options,
// whether results carry figures, the decoder (by the path's extension) and
// the bytes. Waivers are applied to a report after the cache, and the path is
// not part of a result stored.
func (r *Runner) key(path string, sum contentSum) cache.Key {
	return cache.NewHasher().
		Add(r.cfg.Engine.Digest()).
		AddString(fmt.Sprintf("limits %+v figures %t ext %s", r.cfg.Limits, r.cfg.Figures, strings.ToLower(filepath.Ext(path)))).
		Add(sum[:]).Key()
}

// cachedEntry is what the cache holds for one plan: its result without the
// path it was read from (the same bytes may be checked under another name),
// and the figures, which a Result does not encode.
type cachedEntry struct {
	Result  engine.Result       `json:"result"` // its rule outcomes in the list below
	Figures *engine.PlanFigures `json:"figures,omitempty"`
	// Outcomes is the key of the entry holding the result's rule outcomes
	// (outcomeList): most of a result's bytes, and the same for most plans of
	// a kind, so each distinct list is stored and read once.
	Outcomes string `json:"outcomes"`
}

// outcomeList is what the cache holds for a list of rule outcomes, under the
// key of these bytes: the list packed (engine.PackOutcomes).
type outcomeList struct {
	Letters string   `json:"letters"`
	Reasons []string `json:"reasons,omitempty"`
}

// maxLists bounds the outcome lists a Runner keeps read.
const maxLists = 4096

// lists are the outcome lists a Runner has read or stored, by key.
type lists struct {
	mu sync.Mutex
	m  map[cache.Key][]engine.RuleOutcome
}

func (l *lists) get(k cache.Key) ([]engine.RuleOutcome, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	rules, ok := l.m[k]
	return rules, ok
}

func (l *lists) put(k cache.Key, rules []engine.RuleOutcome) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.m == nil {
		l.m = map[cache.Key][]engine.RuleOutcome{}
	}
	if len(l.m) < maxLists {
		l.m[k] = rules
	}
}

// load returns the result stored under key, named path; an entry that does not
// decode to a result the engine could have given, or whose outcome list is
// missing or does not, is a miss (and is overwritten).
func (r *Runner) load(key cache.Key, path string) (engine.Result, bool) {
	b, ok := r.cfg.Cache.Get(key)
	if !ok {
		return engine.Result{}, false
	}
	var c cachedEntry
	if err := jsonv2.Unmarshal(b, &c, exactNumbers); err != nil || len(c.Result.Rules) > 0 {
		return engine.Result{}, false
	}
	rules, ok := r.outcomes(c.Outcomes)
	c.Result.Rules = rules
	if !ok || !r.cfg.Engine.WellFormed(c.Result) || (c.Figures != nil) != r.cfg.Figures && c.Result.Kind == "" {
		return engine.Result{}, false
	}
	c.Result.Plan, c.Result.Figures = path, c.Figures
	return c.Result, true
}

// outcomes reads the outcome list stored under the key in hex, once a run.
func (r *Runner) outcomes(hexKey string) ([]engine.RuleOutcome, bool) {
	var k cache.Key
	if n, err := hex.Decode(k[:], []byte(hexKey)); err != nil || n != len(k) {
		return nil, false
	}
	if rules, ok := r.lists.get(k); ok {
		return rules, true
	}
	b, ok := r.cfg.Cache.Get(k)
	if !ok || listKey(b) != k {
		return nil, false
	}
	var l outcomeList
	if err := jsonv2.Unmarshal(b, &l); err != nil {
		return nil, false
	}
	rules, ok := r.cfg.Engine.UnpackOutcomes(l.Letters, l.Reasons)
	if ok {
		r.lists.put(k, rules)
	}
	return rules, ok
}

// listKey is the key of an outcome list's bytes.
func listKey(b []byte) cache.Key {
	return cache.NewHasher().AddString("outcome list").Add(b).Key()
}

// exactNumbers decodes a number where any value may stand (a finding's
// expected and actual figures) as a json.Number, so figures stay exact, as the
// evaluation gives them; everything else decodes as usual.
var exactNumbers = jsonv2.WithUnmarshalers(jsonv2.UnmarshalFromFunc(func(dec *jsontext.Decoder, v *any) error {
	if dec.PeekKind() != '0' {
		return errors.ErrUnsupported // not a number: decoded as usual
	}
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	*v = json.Number(tok.String())
	return nil
}))

// store keeps res under key, and its outcome list under the list's own key
// unless this run has read or stored it. Results with problems (an unreadable
// plan, a timeout) are not kept: they are cheap to find again, or depend on
// more than the plan; nor are footprints' (they depend on their members).
func (r *Runner) store(key cache.Key, res engine.Result) {
	if len(res.Problems) > 0 || len(res.Members) > 0 || res.Kind != "" && r.cfg.Footprints {
		return
	}
	letters, reasons, ok := r.cfg.Engine.PackOutcomes(res.Rules)
	if !ok {
		return
	}
	list, err := json.Marshal(outcomeList{Letters: letters, Reasons: reasons})
	if err != nil {
		return
	}
	lk := listKey(list)
	if _, ok := r.lists.get(lk); !ok {
		if r.cfg.Cache.Put(lk, list) != nil {
			return // a cache that cannot be written costs speed, never a result
		}
		r.lists.put(lk, res.Rules)
	}
	c := cachedEntry{Result: res, Figures: res.Figures, Outcomes: lk.String()}
	c.Result.Plan, c.Result.Figures, c.Result.Rules = "", nil, nil
	b, err := json.Marshal(c)
	if err != nil {
		return
	}
	_ = r.cfg.Cache.Put(key, b)
}
