//go:build browser

package server_test

// The browser test: make test-browser (go test -tags browser -run Browser ./server).
// It opens the upload page and an HTML report in headless Chromium (no driver
// library: --dump-dom and --screenshot) and checks that the verdicts the page
// shows are those of the JSON report. -screenshot writes the pages' screenshots
// to testdata/screenshots/.

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/server"
)

var screenshot = flag.Bool("screenshot", false, "write screenshots of the upload page and the report to testdata/screenshots/")

func TestBrowser(t *testing.T) {
	bin := testutil.ChromiumBin(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- server.New(server.Config{Engine: testEngine(t)}).Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	base := "http://" + ln.Addr().String()

	// The upload page, as the browser renders it.
	dom := testutil.Chromium(t, bin, base+"/", "--dump-dom")
	for _, want := range []string{`action="/report"`, `enctype="multipart/form-data"`, `type="file"`, `Check the plans`} {
		if !bytes.Contains(dom, []byte(want)) {
			t.Errorf("upload page in the browser lacks %s", want)
		}
	}

	// The plans, posted as the form would post them, and as JSON.
	form := func() (string, *bytes.Buffer) { return shippedForm(t, `{"schema_version": "1"}`) }
	ct, body := form()
	resp, err := http.Post(base+"/v1/check", ct, body)
	if err != nil {
		t.Fatal(err)
	}
	var rep engine.Report
	err = json.NewDecoder(resp.Body).Decode(&rep)
	resp.Body.Close()
	if err != nil || len(rep.Results) != len(planFiles)+1 {
		t.Fatalf("JSON report: %v, %d results", err, len(rep.Results))
	}
	ct, body = form()
	resp, err = http.Post(base+"/report", ct, body)
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	page.ReadFrom(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("POST /report: %d", resp.StatusCode)
	}
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, page.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	dom = testutil.Chromium(t, bin, "file://"+file, "--dump-dom")

	shown := summaryVerdicts(t, dom)
	if len(shown) != len(rep.Results) {
		t.Fatalf("the page shows %d plans, the JSON report has %d", len(shown), len(rep.Results))
	}
	words := map[engine.Verdict]string{engine.VerdictAssured: "Assured", engine.VerdictAssuredWithConditions: "Assured with conditions",
		engine.VerdictNotAssured: "Not assured", engine.VerdictError: "Error"}
	for i, r := range rep.Results {
		s := shown[i]
		if s.plan != r.Plan || s.verdict != string(r.Verdict) || s.words != words[r.Verdict] {
			t.Errorf("row %d shows %s %q (%s); the JSON report says %s %s", i+1, s.plan, s.words, s.verdict, r.Plan, r.Verdict)
		}
	}
	if n := bytes.Count(dom, []byte("<svg")); n == 0 {
		t.Error("no chart in the rendered report")
	}

	if *screenshot {
		dir := filepath.Join("testdata", "screenshots")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, url := range map[string]string{"upload.png": base + "/", "report.png": "file://" + file} {
			out, _ := filepath.Abs(filepath.Join(dir, name))
			size := "--window-size=1280,900"
			if name == "report.png" {
				size = "--window-size=1280,5200"
			}
			testutil.Chromium(t, bin, url, "--screenshot="+out, size)
			t.Logf("wrote %s", out)
		}
	}
}

type shownVerdict struct{ plan, verdict, words string }

// summaryVerdicts reads the summary table of the rendered page: each row's
// plan and the verdict it shows (data-verdict and the words).
func summaryVerdicts(t *testing.T, dom []byte) []shownVerdict {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(dom))
	if err != nil {
		t.Fatal(err)
	}
	var out []shownVerdict
	var walk func(n *html.Node, row *shownVerdict)
	walk = func(n *html.Node, row *shownVerdict) {
		if n.Type == html.ElementNode && n.Data == "tr" {
			if p := testutil.Attr(n, "data-plan"); p != "" {
				out = append(out, shownVerdict{plan: p})
				row = &out[len(out)-1]
			}
		}
		if row != nil && n.Type == html.ElementNode && n.Data == "span" && testutil.Attr(n, "data-verdict") != "" {
			row.verdict = testutil.Attr(n, "data-verdict")
			row.words = strings.TrimSpace(testutil.Text(n))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, row)
		}
	}
	walk(doc, nil)
	return out
}
