package runner_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/planassure/planassure/cache"
	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/policies"
	"github.com/planassure/planassure/runner"
)

// counting is a cache directory that counts hits, and those of plans'
// results (not of the outcome lists they name).
type counting struct {
	*cache.Dir
	hits, results atomic.Int64
}

func (c *counting) Get(k cache.Key) ([]byte, bool) {
	v, ok := c.Dir.Get(k)
	if ok {
		c.hits.Add(1)
		if bytes.HasPrefix(v, []byte(`{"result":`)) {
			c.results.Add(1)
		}
	}
	return v, ok
}

var shippedPlans = []string{"../plans/06W-2017-19.json", "../plans/08Q-2016-17.json",
	"../plans/99X-2017-19-deficit.json", "../plans/E54000038-2016-17-somerset.json"}

// TestCachedResultsAreTheResults: two engines (as two processes would) share
// one cache directory and check the shipped plans at once, again and again;
// every result equals the uncached one, and the repeats are hits.
func TestCachedResultsAreTheResults(t *testing.T) {
	ctx := context.Background()
	plain, err := engine.New(ctx, policies.FS, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := runner.New(runner.Config{Engine: plain}).Check(ctx, runner.Files(shippedPlans))
	dir, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	store := &counting{Dir: dir}
	var wg sync.WaitGroup
	for range 2 {
		eng, err := engine.New(ctx, policies.FS, engine.Options{})
		if err != nil {
			t.Fatal(err)
		}
		rn := runner.New(runner.Config{Engine: eng, Jobs: 2, Cache: store})
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 3 {
					got := rn.Check(ctx, runner.Files(shippedPlans))
					if diff := cmp.Diff(want, got); diff != "" {
						t.Errorf("cached check differs (-want +got):\n%s", diff)
						return
					}
				}
			}()
		}
	}
	wg.Wait()
	if store.hits.Load() == 0 {
		t.Error("no result came from the cache")
	}
	lists := map[string]bool{} // distinct lists of rule outcomes, each an entry of its own
	for _, res := range want.Results {
		lists[fmt.Sprint(res.Rules)] = true
	}
	if n := dir.Len(); n != len(shippedPlans)+len(lists) {
		t.Errorf("%d entries, want one per plan (%d) and one per distinct outcome list (%d)", n, len(shippedPlans), len(lists))
	}
}

// TestForeignEntryIsRewritten: an entry that checks out as a file but does not
// hold a result (another program's, or a bug's) is evaluated afresh and
// overwritten.
func TestForeignEntryIsRewritten(t *testing.T) {
	ctx := context.Background()
	dir, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	store := &recording{Dir: dir}
	eng, err := engine.New(ctx, policies.FS, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rn := runner.New(runner.Config{Engine: eng, Cache: store})
	want := rn.Check(ctx, runner.Files(shippedPlans[:1]))
	if len(store.keys) != 2 {
		t.Fatalf("%d entries written, want 2 (the outcome list, then the plan's)", len(store.keys))
	}
	list, entry := store.keys[0], store.keys[1]
	// the outcome list missing or foreign: the plan is evaluated again, and the
	// list written again (by a new runner: a runner reads a list once)
	for _, junk := range []string{`{"letters": "p"}`, `{`, ``} {
		if err := dir.Put(list, []byte(junk)); err != nil {
			t.Fatal(err)
		}
		rn := runner.New(runner.Config{Engine: eng, Cache: store})
		if diff := cmp.Diff(want, rn.Check(ctx, runner.Files(shippedPlans[:1]))); diff != "" {
			t.Errorf("outcome list %q trusted (-want +got):\n%s", junk, diff)
		}
		if v, _ := dir.Get(list); string(v) == junk {
			t.Errorf("outcome list %q not rewritten", junk)
		}
	}
	store.keys = []cache.Key{list, entry}
	for _, junk := range []string{`{"result": {"plan": "x"}}`, `[1, 2]`, `{"result": {"findings": [], "problems": [{"message": "stale"}]}}`, `{`,
		`{"result": {"findings": [], "verdict": "assured"}}`, `{"result": {"findings": [], "verdict": "error", "rules": []}}`} {
		if err := dir.Put(entry, []byte(junk)); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, rn.Check(ctx, runner.Files(shippedPlans[:1]))); diff != "" {
			t.Errorf("entry %s trusted (-want +got):\n%s", junk, diff)
		}
		if v, _ := dir.Get(entry); string(v) == junk {
			t.Errorf("entry %s not rewritten", junk)
		}
	}
}

// recording is a cache directory that records the keys put.
type recording struct {
	*cache.Dir
	mu   sync.Mutex
	keys []cache.Key
}

func (r *recording) Put(k cache.Key, v []byte) error {
	r.mu.Lock()
	r.keys = append(r.keys, k)
	r.mu.Unlock()
	return r.Dir.Put(k, v)
}

// TestCacheKeyCoversTheRules: the same plan under other data, another
// timeout, other limits or with figures is another entry.
func TestCacheKeyCoversTheRules(t *testing.T) {
	ctx := context.Background()
	dir, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range []struct {
		opts engine.Options
		cfg  runner.Config
	}{
		{}, {opts: engine.Options{Data: map[string]any{"x": 1}}}, {opts: engine.Options{Data: map[string]any{"x": 2}}},
		{opts: engine.Options{Timeout: time.Minute}}, {cfg: runner.Config{Limits: plan.Limits{MaxDepth: 40}}},
		{cfg: runner.Config{Figures: true}},
	} {
		eng, err := engine.New(ctx, policies.FS, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		c.cfg.Engine, c.cfg.Cache = eng, dir
		runner.New(c.cfg).Check(ctx, runner.Files(shippedPlans[:1]))
		if n := dir.Len(); n != i+2 { // and the plan's outcome list, the same in every case
			t.Errorf("case %d: %d entries, want %d", i, n, i+2)
		}
	}
}

// TestPrefetchedPlansAreNotReadAgain: a plan digested by a prefetch (as the
// CLI does while the policies compile) and found in the cache is not read
// again: removed after the prefetch, it still gets its result. One the cache
// does not hold is read as usual: removed, it gets its read error; replaced
// by a plan the cache holds, it is found under its new bytes. Hits and
// misses mixed, read into reused buffers, give the uncached results.
func TestPrefetchedPlansAreNotReadAgain(t *testing.T) {
	ctx := context.Background()
	eng, err := engine.New(ctx, policies.FS, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	var paths []string
	for _, p := range shippedPlans {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, filepath.Join(tmp, filepath.Base(p)))
		if err := os.WriteFile(paths[len(paths)-1], data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := runner.New(runner.Config{Engine: eng}).Check(ctx, runner.Files(paths))
	dir, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	runner.New(runner.Config{Engine: eng, Cache: dir}).Check(ctx, runner.Files(paths[:2])) // the others are not cached

	pre := runner.StartPrefetch(ctx, runner.Files(paths), plan.Limits{})
	<-runner.PrefetchDone(pre)
	pre.Stop()
	last := len(paths) - 1
	for _, p := range []string{paths[0], paths[last]} {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	// a plan not cached when it was prefetched, since replaced by one that is:
	// read again, it is found under its new bytes
	second, err := os.ReadFile(paths[1])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(paths[2], second, 0o644); err != nil {
		t.Fatal(err)
	}
	replaced := want.Results[1]
	replaced.Plan = paths[2]
	want.Results[2] = replaced
	hits := &counting{Dir: dir}
	got := runner.New(runner.Config{Engine: eng, Cache: hits, Prefetch: pre, Jobs: 2}).Check(ctx, runner.Files(paths))
	if diff := cmp.Diff(want.Results[:last], got.Results[:last]); diff != "" {
		t.Errorf("prefetched check differs (-want +got):\n%s", diff)
	}
	if n := hits.results.Load(); n != 3 {
		t.Errorf("%d plans found in the cache, want 3 (two as prefetched, one read again)", n)
	}
	if res := got.Results[last]; res.Verdict != engine.VerdictError || len(res.Problems) == 0 {
		t.Errorf("a removed plan the cache did not hold: verdict %s, problems %v; want its read error", res.Verdict, res.Problems)
	}
}
