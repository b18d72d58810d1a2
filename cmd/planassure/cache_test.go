package main

import (
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planassure/planassure/cache"
	"github.com/planassure/planassure/engine/output"
)

// entries counts the plan results a cache directory holds (not the lists of
// rule outcomes they share).
func entries(t *testing.T, dir string) int {
	t.Helper()
	d, err := cache.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		var k cache.Key
		if _, err := hex.Decode(k[:], []byte(filepath.Base(f))); err != nil {
			continue
		}
		if v, ok := d.Get(k); ok && strings.HasPrefix(string(v), `{"result":`) {
			n++
		}
	}
	return n
}

// TestCacheGivesTheSameReport checks the shipped plans (with unreadable ones,
// as a footprint batch, with waivers, and as workbooks) in every format:
// without a cache, with an empty one (every plan a miss) and with the filled
// one (every plan a hit), the report is the same bytes.
func TestCacheGivesTheSameReport(t *testing.T) {
	t.Chdir("../..")
	books := t.TempDir() // plans as workbooks: the cell of each finding comes from the cache too
	for _, name := range []string{"06W-2017-19", "99X-2017-19-deficit"} {
		if code, _, errOut := runIn(t, "", "export", "plans/"+name+".json", "-o", filepath.Join(books, name+".xlsx")); code != 0 {
			t.Fatalf("export %s: %d %s", name, code, errOut)
		}
	}
	runs := [][]string{{"plans", "testdata/plans/invalid"}, {"--footprint", "plans", "testdata/footprint"},
		{"--waivers", "testdata/waivers/waivers.yaml", "--as-of", "2017-06-30", "plans"}, {books}}
	for _, format := range output.Formats.Names() {
		for _, args := range runs {
			dir := t.TempDir()
			base := append([]string{"check", "--format", format, "--fail-on", "none"}, args...)
			code, want, errOut := runIn(t, "", base...)
			if errOut != "" {
				t.Fatalf("%v: exit %d, stderr %q", base, code, errOut)
			}
			cached := append([]string{"check", "--cache", dir}, base[1:]...)
			for i, run := range []string{"empty cache", "filled cache"} {
				gotCode, got, _ := runIn(t, "", cached...)
				if got != want || gotCode != code {
					t.Errorf("%s, %v: exit %d, want %d; report differs from the uncached one: %v", run, args, gotCode, code, got != want)
				}
				if i == 0 && entries(t, dir) == 0 {
					t.Fatalf("%v: nothing was cached", args)
				}
			}
		}
	}
}

// TestCacheMissesWhatChanged changes a policy, a data file and a plan byte in
// turn: each time the changed thing misses the cache (a new entry is written)
// and the report shows the change, never a stale result.
func TestCacheMissesWhatChanged(t *testing.T) {
	t.Chdir("../..")
	dir, work := t.TempDir(), t.TempDir()
	pol := filepath.Join(work, "policies")
	rule := filepath.Join(pol, "rules", "local", "noted.rego")
	src := `# METADATA
# title: Every plan is noted
# custom:
#   severity: warning
#   guidance: Regional assurance handbook (local), section 2
package planassure.rules.local.noted

deny contains {"msg": "the plan is noted", "pointer": "/notes"} if input.organisation.code
`
	write := func(path, s string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(rule, src)
	plan, err := os.ReadFile("plans/06W-2017-19.json")
	if err != nil {
		t.Fatal(err)
	}
	planFile := filepath.Join(work, "plans", "06W.json")
	write(planFile, string(plan))
	data := filepath.Join(work, "data.yaml")
	write(data, "planassure:\n  rounds:\n    \"2019/20\":\n      contingency_pct: 0.5\n")

	check := func() string {
		t.Helper()
		code, out, errOut := runIn(t, "", "check", "--cache", dir, "-o", "json", "--policies", pol, "--data", data, planFile)
		if code == 2 || errOut != "" {
			t.Fatalf("exit %d, stderr %q", code, errOut)
		}
		return out
	}
	first := check()
	if n := entries(t, dir); n != 1 {
		t.Fatalf("%d entries after one plan, want 1", n)
	}
	if check() != first || entries(t, dir) != 1 {
		t.Fatal("the same run again is not a hit")
	}

	if !strings.Contains(first, "the plan is noted") {
		t.Fatal("the local rule gave no finding")
	}
	write(rule, strings.Replace(src, "the plan is noted", "the plan is seen", 1))
	if out := check(); !strings.Contains(out, "the plan is seen") || entries(t, dir) != 2 {
		t.Errorf("changed policy: entries %d, new message shown %v", entries(t, dir), strings.Contains(out, "the plan is seen"))
	}

	write(data, "planassure:\n  rounds:\n    \"2019/20\":\n      contingency_pct: 0.6\n")
	check()
	if n := entries(t, dir); n != 3 {
		t.Errorf("changed data file: %d entries, want 3", n)
	}

	changed := strings.Replace(string(plan), `"contingency": 1205`, `"contingency": 1206`, 1)
	if changed == string(plan) {
		t.Fatal("the plan has no contingency of 1205 to change")
	}
	write(planFile, changed)
	check()
	if n := entries(t, dir); n != 4 {
		t.Errorf("changed plan byte: %d entries, want 4", n)
	}
}

func TestCacheFlag(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	t.Setenv("CI", "")
	if s, err := openCache(""); s != nil || err != nil {
		t.Errorf("no --cache: %v, %v; want no cache", s, err)
	}
	s, err := openCache("auto")
	if err != nil || s == nil {
		t.Fatalf("--cache auto: %v, %v", s, err)
	}
	if want, _ := cache.DefaultDir(); s.(*cache.Dir).Path() != want {
		t.Errorf("--cache auto is %s, want %s", s.(*cache.Dir).Path(), want)
	}
	t.Setenv("CI", "true")
	if s, err := openCache("auto"); s != nil || err != nil {
		t.Errorf("--cache auto under CI: %v, %v; want no cache", s, err)
	}
	dir := filepath.Join(t.TempDir(), "c")
	if s, err := openCache(dir); s == nil || err != nil {
		t.Errorf("--cache DIR under CI: %v, %v; want the directory", s, err)
	}
}
