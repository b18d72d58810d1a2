package output_test

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/engine/output"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/policies"
	"github.com/planassure/planassure/runner"
)

// TestHTMLPage checks the html format's page, for the shared fixture report
// and for the shipped plans with their figures: well-formed, self-contained,
// accessible, deterministic.
func TestHTMLPage(t *testing.T) {
	reports := map[string]engine.Report{"fixture": rep, "shipped plans": shippedReport(t),
		"shipped plans and an earlier version": shippedReport(t, draftVersion)}
	for name, r := range reports {
		t.Run(name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := output.HTML(&a, r); err != nil {
				t.Fatal(err)
			}
			if err := output.HTML(&b, r); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("two renderings of one report differ")
			}
			CheckHTMLPage(t, a.Bytes(), r)
		})
	}
}

func shippedReport(t *testing.T, extra ...string) engine.Report {
	t.Helper()
	ctx := context.Background()
	eng, err := engine.New(ctx, policies.FS, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob("../../plans/*.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no shipped plans: %v", err)
	}
	paths = append(paths, extra...)
	rep := runner.New(runner.Config{Engine: eng, Figures: true}).Check(ctx, runner.Files(paths))
	for _, res := range rep.Results {
		if res.Figures == nil && res.Kind != engine.KindFootprint { // a footprint has no plan figures
			t.Fatalf("%s: no figures with Config.Figures", res.Plan)
		}
	}
	return rep
}

var voidElements = map[string]bool{"meta": true, "br": true, "input": true, "link": true, "img": true, "hr": true, "col": true, "wbr": true}

// CheckHTMLPage checks a page the html format wrote for r.
func CheckHTMLPage(t *testing.T, page []byte, r engine.Report) {
	t.Helper()
	// Well-formed: every element closed, in order (the parser below would repair it).
	z := html.NewTokenizer(bytes.NewReader(page))
	var stack []string
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				t.Fatalf("tokenize: %v", z.Err())
			}
			break
		}
		name, _ := z.TagName()
		switch tt {
		case html.StartTagToken:
			if !voidElements[string(name)] {
				stack = append(stack, string(name))
			}
		case html.EndTagToken:
			if len(stack) == 0 || stack[len(stack)-1] != string(name) {
				t.Fatalf("</%s> closes %v", name, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 {
		t.Fatalf("unclosed elements %v", stack)
	}

	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{}
	for _, res := range r.Results {
		for _, f := range res.Findings {
			if f.URL != "" {
				allowed[f.URL] = true
			}
		}
	}
	ids := map[string]int{}
	var svgs, tables, h1 int
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch a.Key {
				case "id":
					ids[a.Val]++
				case "src", "href", "xlink:href", "action", "srcset", "poster", "data":
					if !strings.HasPrefix(a.Val, "#") && !allowed[a.Val] {
						t.Errorf("<%s %s=%q>: a reference outside the page that is not a guidance link", n.Data, a.Key, a.Val)
					}
				}
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("<%s %s>: script in an attribute", n.Data, a.Key)
				}
			}
			switch n.DataAtom {
			case atom.Script, atom.Link, atom.Iframe, atom.Object, atom.Embed, atom.Img:
				t.Errorf("<%s>: the page must be self-contained and need no script", n.Data)
			case atom.Style:
				if css := testutil.Text(n); strings.Contains(css, "url(") || strings.Contains(css, "@import") {
					t.Error("the stylesheet loads something")
				}
			case atom.Html:
				if testutil.Attr(n, "lang") == "" {
					t.Error("<html> without lang")
				}
			case atom.H1:
				h1++
			case atom.Table:
				tables++
				checkTable(t, n)
			}
			if n.Data == "svg" {
				svgs++
				checkSVG(t, n, page)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q used %d times", id, n)
		}
	}
	if h1 != 1 {
		t.Errorf("%d <h1>, want 1", h1)
	}
	if tables == 0 {
		t.Error("no table")
	}
	charts := 0
	for _, res := range r.Results {
		if res.Figures != nil {
			charts += financeChartCount(res.Figures) + len(res.Figures.Performance)
		}
	}
	if svgs != charts {
		t.Errorf("%d charts, want %d (the finance charts the round's rules check and one per metric of each plan with figures)", svgs, charts)
	}
	for _, res := range r.Results {
		if !bytes.Contains(page, []byte(`data-verdict="`+string(res.Verdict)+`"`)) {
			t.Errorf("the page does not show the verdict %s of %s", res.Verdict, res.Plan)
		}
	}
}

func checkSVG(t *testing.T, n *html.Node, page []byte) {
	t.Helper()
	id := testutil.Attr(n, "id")
	if testutil.Attr(n, "role") != "img" {
		t.Errorf("<svg id=%q> without role=img", id)
	}
	var title *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if c.Data == "title" {
				title = c
			}
			break
		}
	}
	if title == nil || strings.TrimSpace(testutil.Text(title)) == "" {
		t.Errorf("<svg id=%q>: no <title> as its first child", id)
	}
	refs := strings.Fields(testutil.Attr(n, "aria-labelledby"))
	if len(refs) == 0 {
		t.Errorf("<svg id=%q> without aria-labelledby", id)
	}
	for _, ref := range refs {
		if !bytes.Contains(page, []byte(`id="`+ref+`"`)) {
			t.Errorf("<svg id=%q>: aria-labelledby names %q, which is not on the page", id, ref)
		}
	}
}

func checkTable(t *testing.T, n *html.Node) {
	t.Helper()
	ths := 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.ElementNode && c.DataAtom == atom.Th {
			ths++
			if s := testutil.Attr(c, "scope"); s != "col" && s != "row" && s != "colgroup" {
				t.Errorf("<th>%s</th> without scope", testutil.Text(c))
			}
		}
		for d := c.FirstChild; d != nil; d = d.NextSibling {
			walk(d)
		}
	}
	walk(n)
	if ths == 0 {
		t.Errorf("a table without <th>: %.80s", testutil.Text(n))
	}
}

// financeChartCount is the number of finance charts a plan's figures ask for:
// funding and QIPP always; cumulative surplus and reserves where the round sets
// their thresholds; the position against breakeven where the round asks it.
func financeChartCount(f *engine.PlanFigures) int {
	if len(f.Years) == 0 {
		return 0
	}
	var cumulative, reserves, position bool
	for _, y := range f.Years {
		cumulative = cumulative || y.CumulativeSurplusMin.Pct != ""
		reserves = reserves || y.ContingencyMin.Pct != "" || y.NonRecurrentMin.Pct != "" || y.UncommittedMin.Pct != ""
		position = position || y.Breakeven || y.DeficitSupportExit || y.SystemBalance
	}
	n := 2
	for _, b := range []bool{cumulative, reserves, position} {
		if b {
			n++
		}
	}
	return n
}
