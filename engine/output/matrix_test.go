package output_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
)

// draftVersion is an earlier, draft version of the shipped plan of 06W for
// the same round: one more error (cancer 2-week wait below the standard).
const draftVersion = "testdata/versions/06W-2017-19-draft.json"

// find returns the elements below n for which match holds, in document order.
func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.ElementNode && match(c) {
			out = append(out, c)
		}
		for d := c.FirstChild; d != nil; d = d.NextSibling {
			walk(d)
		}
	}
	walk(n)
	return out
}

func hasClass(n *html.Node, class string) bool {
	return slices.Contains(strings.Fields(testutil.Attr(n, "class")), class)
}

func element(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

// ranRules are the rules that ran on any plan of r.
func ranRules(r engine.Report) []string {
	var ids []string
	for _, res := range r.Results {
		for _, o := range res.Rules {
			if !slices.Contains(ids, o.Rule) {
				ids = append(ids, o.Rule)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

func TestMatrix(t *testing.T) {
	r := shippedReport(t, draftVersion)
	page := render(t, "html", r)
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	tables := find(doc, func(n *html.Node) bool { return testutil.Attr(n, "id") == "matrix" })
	if len(tables) != 1 {
		t.Fatalf("%d matrices on the page, want 1", len(tables))
	}
	m := tables[0]
	// First on the page: before the summary.
	if i, j := bytes.Index(page, []byte(`id="matrix"`)), bytes.Index(page, []byte(`id="summary"`)); i < 0 || i > j {
		t.Error("the matrix is not first on the page")
	}
	rules := ranRules(r)
	var heads []string
	for _, th := range find(m, func(n *html.Node) bool { return hasClass(n, "rule") }) {
		heads = append(heads, testutil.Attr(th, "data-rule"))
	}
	if !slices.Equal(heads, rules) {
		t.Errorf("matrix columns %v, want the rules that ran %v", heads, rules)
	}
	ids := map[string]bool{}
	for _, n := range find(doc, func(n *html.Node) bool { return testutil.Attr(n, "id") != "" }) {
		ids[testutil.Attr(n, "id")] = true
	}
	tbody := find(m, element("tbody"))[0]
	rows := find(tbody, element("tr"))
	if len(rows) != len(r.Results) {
		t.Fatalf("%d matrix rows, want one per plan (%d)", len(rows), len(r.Results))
	}
	rank := map[string]int{"error": 0, "not_assured": 1, "assured_with_conditions": 2, "assured": 3}
	byPlan := map[string]engine.Result{}
	for _, res := range r.Results {
		byPlan[res.Plan] = res
	}
	prev := engine.Result{Verdict: engine.VerdictError}
	words := map[string]string{"passed": "passed", "warning": "warning", "error": "error", "not_applicable": "not applicable", "waived": "waived", "not_run": "not run"}
	for i, row := range rows {
		res, ok := byPlan[testutil.Attr(row, "data-row-plan")]
		if !ok {
			t.Fatalf("row %d names plan %q, not in the report", i+1, testutil.Attr(row, "data-row-plan"))
		}
		if i > 0 && (rank[string(res.Verdict)] < rank[string(prev.Verdict)] ||
			rank[string(res.Verdict)] == rank[string(prev.Verdict)] && res.Organisation < prev.Organisation) {
			t.Errorf("row %d (%s, %s) comes after %s, %s: not worst verdict first, then organisation", i+1, res.Plan, res.Verdict, prev.Plan, prev.Verdict)
		}
		prev = res
		cells := find(row, func(n *html.Node) bool { return hasClass(n, "cell") })
		if len(cells) != len(rules) {
			t.Fatalf("row %s: %d cells, want %d", res.Plan, len(cells), len(rules))
		}
		for j, c := range cells {
			outcome := strings.TrimPrefix(strings.Fields(testutil.Attr(c, "class"))[1], "c-")
			if w := words[outcome]; w == "" || !strings.Contains(testutil.Text(c), w) {
				t.Errorf("%s, %s: cell %q says %q: not its outcome in words", res.Plan, rules[j], outcome, testutil.Text(c))
			}
			want := wantOutcome(res, rules[j])
			if outcome != want {
				t.Errorf("%s, %s: cell shows %s, want %s", res.Plan, rules[j], outcome, want)
			}
			a := find(c, element("a"))
			if len(a) != 1 || !ids[strings.TrimPrefix(testutil.Attr(a[0], "href"), "#")] {
				t.Errorf("%s, %s: the cell does not link to an anchor on the page", res.Plan, rules[j])
				continue
			}
			if outcome == "error" || outcome == "warning" {
				target := find(doc, func(n *html.Node) bool {
					return testutil.Attr(n, "id") == strings.TrimPrefix(testutil.Attr(a[0], "href"), "#")
				})
				if len(target) != 1 || target[0].Data != "tr" || !strings.Contains(testutil.Text(target[0]), rules[j]) {
					t.Errorf("%s, %s: the cell links to %s, not the finding's row", res.Plan, rules[j], testutil.Attr(a[0], "href"))
				}
			}
		}
	}
	// Totals per rule: each column's counts add up to the number of plans.
	tfoot := find(m, element("tfoot"))[0]
	sums := make([]int, len(rules))
	for _, tr := range find(tfoot, element("tr")) {
		tds := find(tr, element("td"))
		for j := range rules {
			var n int
			for _, ch := range testutil.Text(tds[j]) {
				n = n*10 + int(ch-'0')
			}
			sums[j] += n
		}
	}
	for j, n := range sums {
		if n != len(r.Results) {
			t.Errorf("totals of %s add up to %d, want %d plans", rules[j], n, len(r.Results))
		}
	}
}

// wantOutcome is how rule came out for res, from the report itself.
func wantOutcome(res engine.Result, rule string) string {
	for _, o := range res.Rules {
		if o.Rule != rule {
			continue
		}
		if o.Outcome != engine.OutcomeFailed {
			return string(o.Outcome)
		}
		out := "waived"
		for _, f := range res.Findings {
			if f.Rule == rule && f.Waived == nil {
				if f.Severity == engine.SeverityError {
					return "error"
				}
				out = "warning"
			}
		}
		return out
	}
	return "not_run"
}

func TestMatrixOnlyForSeveralPlans(t *testing.T) {
	r := shippedReport(t)
	one := r
	one.Results = r.Results[:1]
	for _, f := range []struct{ name, mark string }{{"html", `id="matrix"`}, {"markdown", "Region at a glance"}} {
		if !bytes.Contains(render(t, f.name, r), []byte(f.mark)) {
			t.Errorf("%s: no matrix for %d plans", f.name, len(r.Results))
		}
		if bytes.Contains(render(t, f.name, one), []byte(f.mark)) {
			t.Errorf("%s: a matrix for a single plan", f.name)
		}
	}
}

func TestMarkdownMatrix(t *testing.T) {
	r := shippedReport(t, draftVersion)
	md := string(render(t, "markdown", r))
	_, after, _ := strings.Cut(md, "### Region at a glance")
	block, _, _ := strings.Cut(after, "\nRules:")
	var rows []string
	for _, l := range strings.Split(block, "\n") {
		if strings.HasPrefix(l, "| ") && !strings.HasPrefix(l, "| Organisation") && !strings.Contains(l, ": plans |") {
			rows = append(rows, l)
		}
	}
	if len(rows) != len(r.Results) {
		t.Fatalf("%d matrix rows in the Markdown report, want %d:\n%s", len(rows), len(r.Results), block)
	}
	rules := ranRules(r)
	for _, l := range rows {
		if n := strings.Count(l, "|") - 1; n != 2+4+len(rules) && n != 2+5+len(rules) && n != 2+6+len(rules) {
			t.Errorf("a row of %d cells: %s", n, l)
		}
	}
	// not assured before assured with conditions, then by organisation: the
	// not-assured draft of 06W sits among the leading not-assured rows.
	draft, firstConditions := -1, -1
	for i, l := range rows {
		if strings.HasPrefix(l, "| 06W NHS Norwich CCG (V12 Draft, draft, submitted 2016-11-24) | not assured |") {
			draft = i
		}
		if firstConditions < 0 && strings.Contains(l, "| assured with conditions |") {
			firstConditions = i
		}
	}
	if !strings.Contains(rows[0], "| not assured |") || draft < 0 || firstConditions < 0 || draft > firstConditions {
		t.Errorf("rows %q: want the not-assured rows first, the draft of 06W among them, before the assured-with-conditions rows", rows)
	}
}

func TestTrends(t *testing.T) {
	r := shippedReport(t, draftVersion)
	page := string(render(t, "html", r))
	_, sec, ok := strings.Cut(page, `<h2 id="versions">`)
	if !ok {
		t.Fatal("no versions section for two versions of 06W's plan")
	}
	sec, _, _ = strings.Cut(sec, "</section>")
	for _, want := range []string{
		"06W NHS Norwich CCG, planning round 2017-19",
		"V12 Draft", "V17 Final",
		"verdict not assured → assured with conditions; errors 1 → 0 (-1)",
		"No longer found: performance.cancer_2ww",
	} {
		if !strings.Contains(sec, want) {
			t.Errorf("versions section lacks %q:\n%s", want, sec)
		}
	}
	if strings.Index(sec, "V12 Draft") > strings.Index(sec, "V17 Final") {
		t.Error("the versions are not oldest first")
	}
	// Without a second version, no section.
	if strings.Contains(string(render(t, "html", shippedReport(t))), `id="versions"`) {
		t.Error("a versions section with one version of each plan")
	}
}
