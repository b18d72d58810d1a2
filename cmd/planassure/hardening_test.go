package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/planassure/planassure/engine/output"
)

// copyPlans copies the shipped plans (run from the repository root) into dir/plans.
func copyPlans(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob("plans/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no plans: %v", err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "plans"), 0o755); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel := filepath.Join("plans", filepath.Base(f))
		if err := os.WriteFile(filepath.Join(dir, rel), data, 0o644); err != nil {
			t.Fatal(err)
		}
		out = append(out, rel)
	}
	return out
}

type jsonResult struct {
	Plan     string `json:"plan"`
	Verdict  string `json:"verdict"`
	Problems []struct {
		Pointer string `json:"pointer"`
		Line    int    `json:"line"`
		Message string `json:"message"`
	} `json:"problems"`
}

func resultsOf(t *testing.T, out string) map[string]jsonResult {
	t.Helper()
	var rep struct {
		Results []jsonResult `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%.500s", err, out)
	}
	m := map[string]jsonResult{}
	for _, r := range rep.Results {
		m[r.Plan] = r
	}
	return m
}

// TestOutputIsDeterministic: in every registered format, the same inputs give
// byte-identical output across runs, --jobs 1 and 8 and the order of the
// arguments, with no timestamp and no absolute path when paths are relative.
func TestOutputIsDeterministic(t *testing.T) {
	t.Chdir("../..")
	dir := t.TempDir()
	plans := copyPlans(t, dir)
	t.Chdir(dir)
	if err := os.WriteFile("plans/broken.json", []byte(`{"schema_version": "1",`), 0o644); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	today := time.Now().Format(time.DateOnly)
	reversed := append([]string{"plans/broken.json"}, plans...)
	slices.Reverse(reversed)
	for _, format := range output.Formats.Names() {
		t.Run(format, func(t *testing.T) {
			var first string
			for i, args := range [][]string{
				{"--jobs", "1", "plans"},
				{"--jobs", "8", "plans"},
				append([]string{"--jobs", "8"}, reversed...),
				append([]string{"--jobs", "1"}, reversed...),
				{"--jobs", "8", "plans"},
			} {
				code, out, errOut := runIn(t, "", append([]string{"check", "--fail-on", "none", "--as-of", "2017-06-30", "-o", format}, args...)...)
				if code != 2 || errOut != "" {
					t.Fatalf("%v: exit %d, stderr %q; want 2 (a plan cannot be read) and no stderr", args, code, errOut)
				}
				if i == 0 {
					first = out
					for _, bad := range []string{dir, abs} {
						if strings.Contains(out, bad) {
							t.Errorf("output holds the absolute path %s although the paths given are relative", bad)
						}
					}
					if strings.Contains(out, today) {
						t.Errorf("output holds today's date %s: no timestamps unless asked for", today)
					}
					continue
				}
				if out != first {
					t.Errorf("%v: output differs from the first run", args)
				}
			}
		})
	}
}

// TestBadInputsInABatch: every file of the bad-input corpus gets verdict error
// with its problems, and the good plans beside them are still checked.
func TestBadInputsInABatch(t *testing.T) {
	t.Chdir("../..")
	code, out, errOut := runIn(t, "", "check", "-o", "json", "--fail-on", "none", "testdata/plans/invalid", "plans/06W-2017-19.json")
	if code != 2 || errOut != "" {
		t.Fatalf("exit %d, stderr %q; want 2", code, errOut)
	}
	results := resultsOf(t, out)
	bad, _ := filepath.Glob("testdata/plans/invalid/*.json")
	if len(results) != len(bad)+1 {
		t.Errorf("%d results for %d files", len(results), len(bad)+1)
	}
	for _, f := range bad {
		if r := results[f]; r.Verdict != "error" || len(r.Problems) == 0 {
			t.Errorf("%s: verdict %q, %d problems; want error with its problems", f, r.Verdict, len(r.Problems))
		}
	}
	if r := results["plans/06W-2017-19.json"]; r.Verdict != "assured_with_conditions" {
		t.Errorf("the good plan got verdict %q", r.Verdict)
	}
}

// TestUnknownRound: reading accepts any round; the engine refuses one it has
// no thresholds for, with exit 2 and the pointer /submission/round, and the
// command line adds the flag that adds a round.
func TestUnknownRound(t *testing.T) {
	t.Chdir("../..")
	file := norwichInRound(t, "2031/32")
	code, out, errOut := runIn(t, "", "check", "-o", "json", file, "plans/08Q-2016-17.json")
	if code != 2 || errOut != "" {
		t.Fatalf("exit %d, stderr %q; want 2", code, errOut)
	}
	results := resultsOf(t, out)
	r := results[file]
	if r.Verdict != "error" || len(r.Problems) != 1 || r.Problems[0].Pointer != "/submission/round" ||
		!strings.Contains(r.Problems[0].Message, `unknown planning round "2031/32"`) || r.Problems[0].Line == 0 ||
		!strings.HasSuffix(r.Problems[0].Message, " (add one with --data)") {
		t.Errorf("got %+v", r)
	}
	if results["plans/08Q-2016-17.json"].Verdict == "error" {
		t.Error("the other plan was not checked")
	}
	_, table, _ := runIn(t, "", "check", file)
	if !strings.Contains(table, "/submission/round") || !strings.Contains(table, "2031/32") {
		t.Errorf("table output does not name the pointer:\n%s", table)
	}
}

// TestLimitFlags: the limits are flags and config keys; bad values are usage errors.
func TestLimitFlags(t *testing.T) {
	t.Chdir("../..")
	plan := "plans/06W-2017-19.json"
	for _, tc := range []struct {
		name    string
		args    []string
		config  string
		code    int
		problem string // in the plan's problems
		stderr  string
	}{
		{"size flag", []string{"--max-file-size", "1KiB"}, "", 2, "the file is larger than 1 KiB, the most a plan may be: check it is a plan submission (or raise --max-file-size)", ""},
		{"size config", nil, "max-file-size: 2KB\n", 2, "the file is larger than 2000 bytes", ""},
		{"depth flag", []string{"--max-depth", "3"}, "", 2, "nested more than 3 levels deep", ""},
		{"timeout flag", []string{"--timeout", "1ns"}, "", 2, "evaluation took longer than 1ns: the plan is not assured; a local policy may loop over too much (or raise --timeout)", ""},
		{"timeout config", nil, "timeout: 1ns\n", 2, "evaluation took longer than 1ns", ""},
		{"defaults", nil, "max-file-size: 10MiB\nmax-depth: 64\ntimeout: 10s\n", 0, "", ""},
		{"zero size", []string{"--max-file-size", "0"}, "", 2, "", `planassure: --max-file-size "0": want a positive size`},
		{"bad size", []string{"--max-file-size", "lots"}, "", 2, "", `planassure: --max-file-size "lots": want a positive size`},
		{"zero depth", []string{"--max-depth", "0"}, "", 2, "", "planassure: --max-depth 0: want at least 1"},
		{"negative timeout", nil, "timeout: -1s\n", 2, "", "planassure: --timeout -1s: want a positive duration"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"check", "-o", "json"}, tc.args...)
			if tc.config != "" {
				cfg := filepath.Join(t.TempDir(), "planassure.yaml")
				if err := os.WriteFile(cfg, []byte(tc.config), 0o644); err != nil {
					t.Fatal(err)
				}
				args = append(args, "--config", cfg)
			}
			code, out, errOut := runIn(t, "", append(args, plan)...)
			if code != tc.code || !strings.HasPrefix(errOut, tc.stderr) || (tc.stderr == "") != (errOut == "") {
				t.Fatalf("exit %d, stderr %q; want %d, %q", code, errOut, tc.code, tc.stderr)
			}
			if tc.problem == "" {
				return
			}
			r := resultsOf(t, out)[plan]
			if r.Verdict != "error" || len(r.Problems) == 0 || !strings.Contains(r.Problems[0].Message, tc.problem) {
				t.Errorf("got %+v, want a problem containing %q", r, tc.problem)
			}
		})
	}
}

// TestEndlessSideFiles: a --waivers or --data path to an endless file is
// refused at the size limit, not read until memory runs out.
func TestEndlessSideFiles(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	t.Chdir("../..")
	for _, flag := range []string{"--waivers", "--data"} {
		code, _, errOut := runIn(t, "", "check", flag, "/dev/zero", "plans/06W-2017-19.json")
		if code != 2 || !strings.Contains(errOut, "the file is larger than 10 MiB") {
			t.Errorf("%s /dev/zero: exit %d, stderr %q", flag, code, errOut)
		}
	}
}
