package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzConfig runs check with a generated planassure.yaml (--config): every
// option in it is read, decoded and checked before the engine is built; the
// run must end with exit 0, 1 or 2 and never panic. The same bytes are then
// read as a --data file. Fuzz with
//
//	go test -run '^$' -fuzz FuzzConfig -fuzztime 10m ./cmd/planassure
func FuzzConfig(f *testing.F) {
	for _, s := range []string{
		"",
		"fail-on: warning\n",
		"format: json\njobs: 3\nprogress: never\n",
		"format: xml\n",
		"jobs: -4\nfail-on: nothing\n",
		"as-of: 2017-02-30\n",
		"report: [json=out.json, sarif]\n",
		"max-file-size: 1KiB\nmax-depth: 3\ntimeout: 1ms\n",
		"max-file-size: -1\ntimeout: forever\nmax-depth: x\n",
		"data: [a.yaml, b.json]\nwaivers: w.yaml\n",
		"planassure:\n  rounds:\n    \"2030/31\":\n      contingency_pct: 0.5\n      tolerance: 0\n",
		"a: &a [*a, *a, *a]\nb: &b [*a, *a, *a]\n",
		"{\"format\": \"json\", \"jobs\": 1e400}",
		"- just\n- a list\n",
		"fail-on: [1, 2]\n",
		"\t: bad",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		cfg := filepath.Join(dir, "planassure.yaml")
		if err := os.WriteFile(cfg, data, 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		// --policies names a directory that does not exist, so the run stops
		// after reading every option and before compiling the policies.
		code := run(t.Context(), []string{"check", "--config", cfg, "--policies", filepath.Join(dir, "none"), "x.json"},
			strings.NewReader(""), &out, &errb)
		if code != 2 || !strings.HasPrefix(errb.String(), "planassure: ") {
			t.Fatalf("exit %d, stderr %q; want 2 and one error", code, errb.String())
		}
		if _, err := readData(cfg); err != nil && !strings.Contains(err.Error(), cfg) {
			t.Fatalf("readData error %q does not name the file", err)
		}
	})
}
