package engine_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/planassure/planassure/engine"
)

func problemsText(res engine.Result) string {
	var b strings.Builder
	for _, p := range res.Problems {
		b.WriteString(p.Pointer + " " + p.Message + "\n")
	}
	return b.String()
}

// TestDeepNestingIsRefused: 10,000 levels are refused at the depth limit, with
// the pointer of the level that breaks it; a lower limit is honoured.
func TestDeepNestingIsRefused(t *testing.T) {
	t.Parallel()
	deep := `{"schema_version": "1", "x_deep": ` + strings.Repeat(`{"a": `, 10000) + "1" + strings.Repeat("}", 10000) + "}"
	start := time.Now()
	_, err := engine.ReadPlan("deep.json", []byte(deep))
	if err == nil || !strings.Contains(err.Error(), "nested more than 64 levels deep") ||
		!strings.HasPrefix(err.Error(), "deep.json:1: /x_deep/a/a/") {
		t.Errorf("err = %.200v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %s", d)
	}
	arr := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	if _, err := engine.ReadPlan("arr.json", []byte(arr)); err == nil || !strings.Contains(err.Error(), "nested more than 64") {
		t.Errorf("err = %.200v", err)
	}

	e, err := engine.New(t.Context(), policyFS(nil), engine.Options{MaxDepth: 3})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "p.json")
	if err := os.WriteFile(file, planJSON("ABC", "1"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := e.CheckFile(t.Context(), file, nil)
	if res.Verdict != engine.VerdictError || !strings.Contains(problemsText(res), "/years/0/finance nested more than 3 levels deep") {
		t.Errorf("verdict %s, problems %q", res.Verdict, problemsText(res))
	}
}

// endless is an endless reader of spaces, counting what is read.
type endless struct{ n int64 }

func (r *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	r.n += int64(len(p))
	return len(p), nil
}

// TestFileSizeLimit: a 100 MB file is refused by its size, before it is read;
// standard input is never read past the limit.
func TestFileSizeLimit(t *testing.T) {
	t.Parallel()
	e, err := engine.New(t.Context(), policyFS(nil), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(t.TempDir(), "big.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil { // sparse: 100 MB of zero bytes, no disk used
		t.Fatal(err)
	}
	f.Close()
	start := time.Now()
	res := e.CheckFile(t.Context(), big, nil)
	want := "the file is larger than 10 MiB, the most a plan may be: check it is a plan submission (or raise --max-file-size)"
	if res.Verdict != engine.VerdictError || len(res.Problems) != 1 || res.Problems[0].Message != want {
		t.Errorf("verdict %s, problems %q", res.Verdict, problemsText(res))
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("refusing a 100 MB file took %s", d)
	}

	in := &endless{}
	res = e.CheckFile(t.Context(), "-", in)
	if res.Verdict != engine.VerdictError || !strings.Contains(problemsText(res), "larger than 10 MiB") {
		t.Errorf("stdin: verdict %s, problems %q", res.Verdict, problemsText(res))
	}
	if in.n > 11<<20 {
		t.Errorf("read %d bytes of standard input, want at most the limit and a buffer", in.n)
	}

	small, err := engine.New(t.Context(), policyFS(nil), engine.Options{MaxFileSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	plan := filepath.Join(t.TempDir(), "p.json")
	if err := os.WriteFile(plan, planJSON("ABC", "1"), 0o644); err != nil {
		t.Fatal(err)
	}
	res = small.CheckFile(t.Context(), plan, nil)
	if !strings.Contains(problemsText(res), "larger than 100 bytes") {
		t.Errorf("problems %q", problemsText(res))
	}
	res = small.CheckFile(t.Context(), "-", strings.NewReader(string(planJSON("ABC", "1"))))
	if !strings.Contains(problemsText(res), "larger than 100 bytes") {
		t.Errorf("stdin problems %q", problemsText(res))
	}
	if res := e.CheckFile(t.Context(), t.TempDir(), nil); !strings.Contains(problemsText(res), "it is a directory") {
		t.Errorf("directory: %q", problemsText(res))
	}
}

const slowRule = `# METADATA
# title: Slow
# custom:
#   severity: error
#   guidance: g
package planassure.rules.t.slow

deny contains {"msg": "never"} if {
	some i in numbers.range(1, 5000)
	some j in numbers.range(1, 5000)
	i * j == -1
}
`

func TestTimeoutGivesVerdictError(t *testing.T) {
	t.Parallel()
	e, err := engine.New(t.Context(), policyFS(nil), engine.Options{
		Timeout: 50 * time.Millisecond,
		Local:   []fs.FS{fstest.MapFS{"rules/t/slow.rego": {Data: []byte(slowRule)}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	p, err := engine.ReadPlan("p.json", planJSON("ABC", "100"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res := e.Evaluate(t.Context(), p)
	if res.Verdict != engine.VerdictError || len(res.Problems) != 1 ||
		!strings.HasPrefix(res.Problems[0].Message, "evaluation took longer than 50ms") {
		t.Errorf("verdict %s, problems %q", res.Verdict, problemsText(res))
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the timeout of 50ms stopped evaluation after %s", d)
	}
}

func TestRuntimeErrorNamesTheRule(t *testing.T) {
	t.Parallel()
	e, err := engine.New(t.Context(), policyFS(nil), engine.Options{Local: []fs.FS{fstest.MapFS{
		"rules/t/div.rego":  {Data: []byte("# METADATA\n# title: T\n# custom:\n#   severity: error\n#   guidance: g\npackage planassure.rules.t.div\n\ndeny contains {\"msg\": \"x\"} if {\n\tx := input.years[0].finance.surplus.in_year / 0\n\tx > 1\n}\n")},
		"rules/t/conv.rego": {Data: []byte("# METADATA\n# title: T\n# custom:\n#   severity: error\n#   guidance: g\npackage planassure.rules.t.conv\n\ndeny contains {\"msg\": \"x\"} if {\n\tto_number(input.organisation.name) > 1\n}\n")},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := engine.ReadPlan("p.json", planJSON("ABC", "100"))
	if err != nil {
		t.Fatal(err)
	}
	res := e.Evaluate(t.Context(), p)
	got := problemsText(res)
	if res.Verdict != engine.VerdictError || len(res.Problems) != 1 ||
		!(strings.Contains(got, "rule t.div (local1/rules/t/div.rego:9) failed at run time: div: divide by zero") ||
			strings.Contains(got, "rule t.conv (local1/rules/t/conv.rego:9) failed at run time: to_number")) ||
		!strings.Contains(got, "the plan is not assured until the rule is fixed") {
		t.Errorf("verdict %s, problems %q", res.Verdict, got)
	}
}

// TestPoliciesCannotReachOut: a local rule that calls a built-in with side
// effects or access to the network, the environment, the clock or randomness
// is refused when the policies load, naming the rule, file and built-in.
func TestPoliciesCannotReachOut(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ builtin, body string }{
		{"http.send", `http.send({"method": "get", "url": "http://example.org"}).status_code == 200`},
		{"net.lookup_ip_addr", `count(net.lookup_ip_addr("example.org")) > 0`},
		{"opa.runtime", `opa.runtime().env.HOME == "/"`},
		{"time.now_ns", `time.now_ns() > 0`},
		{"rand.intn", `rand.intn("x", 10) == 3`},
		{"uuid.rfc4122", `uuid.rfc4122("x") == ""`},
	} {
		t.Run(tc.builtin, func(t *testing.T) {
			src := "# METADATA\n# title: T\n# custom:\n#   severity: error\n#   guidance: g\npackage planassure.rules.t.out\n\ndeny contains {\"msg\": \"x\"} if {\n\t" + tc.body + "\n}\n"
			_, err := engine.New(t.Context(), policyFS(nil), engine.Options{Local: []fs.FS{fstest.MapFS{"rules/t/out.rego": {Data: []byte(src)}}}})
			want := "rule t.out (local1/rules/t/out.rego:9) uses " + tc.builtin + ", which local policies may not use"
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("New() error = %v, want it to contain %q", err, want)
			}
		})
	}
}
