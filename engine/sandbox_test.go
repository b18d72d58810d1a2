package engine_test

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/plan"
)

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
	timedOut := false
	e, err := engine.New(t.Context(), policyFS(nil), engine.Options{
		Hint:    func(err error) string { timedOut = timedOut || errors.Is(err, engine.ErrTimeout); return "" },
		Timeout: 50 * time.Millisecond,
		Local:   []fs.FS{fstest.MapFS{"rules/t/slow.rego": {Data: []byte(slowRule)}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.ReadJSON("p.json", testutil.PlanJSON("ABC", "100"), 0)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res := e.Evaluate(t.Context(), p)
	if res.Verdict != engine.VerdictError || len(res.Problems) != 1 ||
		res.Problems[0].Message != "evaluation took longer than 50ms: the plan is not assured; a local policy may loop over too much" {
		t.Errorf("verdict %s, problems %q", res.Verdict, testutil.Problems(res))
	}
	if !timedOut {
		t.Error("the timeout is not ErrTimeout")
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
	p, err := plan.ReadJSON("p.json", testutil.PlanJSON("ABC", "100"), 0)
	if err != nil {
		t.Fatal(err)
	}
	res := e.Evaluate(t.Context(), p)
	got := testutil.Problems(res)
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
