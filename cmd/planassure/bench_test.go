package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkRecheck is the re-check a CI job or a reviewer pays after a few
// resubmissions: `check -o json --cache DIR` over generated plans
// (PLANASSURE_BENCH_PLANS, default 2,000) of which 1% changed since the cache
// was filled, the whole command in process (loading the policies included).
// Each iteration changes a further 1% (the organisation's name gains a
// prefix), so every iteration has the same number of misses; ns/op is one
// re-check.
func BenchmarkRecheck(b *testing.B) {
	n := 2000
	if s := os.Getenv("PLANASSURE_BENCH_PLANS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 100 {
			b.Fatalf("PLANASSURE_BENCH_PLANS=%q: want a number of plans, at least 100", s)
		}
	}
	dir, cacheDir := b.TempDir(), b.TempDir()
	gen := exec.Command("go", "run", "../../bench/plangen", "-n", strconv.Itoa(n), "-seed", "1", "-out", dir)
	gen.Stderr = os.Stderr
	if err := gen.Run(); err != nil {
		b.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(paths) != n {
		b.Fatalf("generated %d plans, want %d (%v)", len(paths), n, err)
	}
	args := []string{"check", "-o", "json", "--fail-on", "none", "--cache", cacheDir, dir}
	check := func() {
		var errOut bytes.Buffer
		if code := run(b.Context(), args, nil, io.Discard, &errOut); code != 0 {
			b.Fatalf("check: exit %d: %s", code, errOut.String())
		}
	}
	check() // fills the cache
	round := 0
	resubmit := func() {
		round++
		for i := round % 100; i < len(paths); i += 100 {
			data, err := os.ReadFile(paths[i])
			if err != nil {
				b.Fatal(err)
			}
			edited := bytes.Replace(data, []byte(`"name": "`), fmt.Appendf(nil, `"name": "Resubmitted %d `, round), 1)
			if bytes.Equal(edited, data) {
				b.Fatalf("%s: no organisation name to edit", paths[i])
			}
			if err := os.WriteFile(paths[i], edited, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		resubmit()
		b.StartTimer()
		check()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "plans/s")
}
