package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/engine/output"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/server"
)

// testEngine is the engine on the embedded policies, built once.
func testEngine(t testing.TB) *engine.Engine { return testutil.Engine(t) }

func newServer(t testing.TB, cfg server.Config) *httptest.Server {
	t.Helper()
	cfg.Engine = testEngine(t)
	if cfg.QueueTimeout == 0 {
		// requests queue for their turn; on a busy machine (or under the race
		// detector) the default wait could turn a slow turn into a 503
		cfg.QueueTimeout = time.Minute
	}
	ts := httptest.NewServer(server.New(cfg).Handler())
	t.Cleanup(ts.Close)
	return ts
}

var planFiles = []string{"06W-2017-19.json", "08Q-2016-17.json", "99X-2017-19-deficit.json"}

func readPlan(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "plans", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// wantJSON is what check --format json writes for plans read under names.
func wantJSON(t testing.TB, names []string, data [][]byte) []byte {
	t.Helper()
	e := testEngine(t)
	results := make([]engine.Result, len(data))
	for i, d := range data {
		p, err := plan.ReadJSON(names[i], d, 0)
		if err != nil {
			t.Fatalf("%s: %v", names[i], err)
		}
		results[i] = e.Evaluate(context.Background(), p)
	}
	var buf bytes.Buffer
	if err := output.JSON(&buf, e.NewReport(results)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func do(t testing.TB, method, url, contentType string, body io.Reader) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func decodeReport(t testing.TB, b []byte) engine.Report {
	t.Helper()
	var rep engine.Report
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&rep); err != nil {
		t.Fatalf("decode report: %v\n%s", err, b)
	}
	return rep
}

func TestCheckOnePlan(t *testing.T) {
	ts := newServer(t, server.Config{})
	plan := readPlan(t, planFiles[0])
	resp, body := do(t, "POST", ts.URL+"/v1/check", "application/json", bytes.NewReader(plan))
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("status %d, content type %q: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	if want := wantJSON(t, []string{"body"}, [][]byte{plan}); !bytes.Equal(body, want) {
		t.Errorf("the response is not the report check --format json gives:\n%s", body)
	}
	if rep := decodeReport(t, body); rep.Results[0].Verdict != engine.VerdictAssuredWithConditions {
		t.Errorf("verdict %s", rep.Results[0].Verdict)
	}
}

func TestCheckArrayOfPlans(t *testing.T) {
	ts := newServer(t, server.Config{})
	var data [][]byte
	var names []string
	for i, f := range planFiles {
		data = append(data, readPlan(t, f))
		names = append(names, fmt.Sprintf("body[%d]", i))
	}
	body := append(append([]byte("[\n"), bytes.Join(data, []byte(",\n"))...), "\n]"...)
	resp, got := do(t, "POST", ts.URL+"/v1/check", "", bytes.NewReader(body))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, got)
	}
	if want := wantJSON(t, names, data); !bytes.Equal(got, want) {
		t.Errorf("array report differs from the CLI's:\n%s", got)
	}
}

func TestCheckBadPlans(t *testing.T) {
	ts := newServer(t, server.Config{})
	good := readPlan(t, planFiles[1])
	for name, tc := range map[string]struct {
		body    string
		results int
		problem string
	}{
		"invalid JSON":        {`{"schema_version": "1",`, 1, "invalid JSON"},
		"not a plan":          {`{"hello": "world"}`, 1, "required field"},
		"array with bad item": {`[` + string(good) + `, {"schema_version": 2}]`, 2, "schema_version"},
		"broken array":        {`[{"a": 1}, `, 1, "invalid JSON"},
	} {
		t.Run(name, func(t *testing.T) {
			resp, got := do(t, "POST", ts.URL+"/v1/check", "application/json", strings.NewReader(tc.body))
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d, want 200: %s", resp.StatusCode, got)
			}
			rep := decodeReport(t, got)
			if len(rep.Results) != tc.results {
				t.Fatalf("%d results, want %d", len(rep.Results), tc.results)
			}
			bad := rep.Results[len(rep.Results)-1]
			if bad.Verdict != engine.VerdictError || len(bad.Problems) == 0 || !strings.Contains(string(got), tc.problem) {
				t.Errorf("bad plan result %+v, want verdict error naming %q", bad, tc.problem)
			}
			if rep.Totals[engine.VerdictError] != 1 {
				t.Errorf("totals %v", rep.Totals)
			}
		})
	}
}

func TestCheckMultipart(t *testing.T) {
	ts := newServer(t, server.Config{})
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	var data [][]byte
	for _, f := range planFiles[:2] {
		fw, err := mw.CreateFormFile("plans", "uploads/"+f)
		if err != nil {
			t.Fatal(err)
		}
		d := readPlan(t, f)
		data = append(data, d)
		fw.Write(d)
	}
	fw, _ := mw.CreateFormFile("plans", "") // a browser's empty file input
	fw.Write(nil)
	mw.WriteField("plan", "  ")
	mw.Close()
	resp, got := do(t, "POST", ts.URL+"/v1/check", mw.FormDataContentType(), &buf)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, got)
	}
	if want := wantJSON(t, planFiles[:2], data); !bytes.Equal(got, want) {
		t.Errorf("multipart report differs from the CLI's:\n%s", got)
	}
}

func TestRequestErrors(t *testing.T) {
	ts := newServer(t, server.Config{MaxBody: 1024})
	big := bytes.Repeat([]byte(" "), 2048)
	emptyForm := func() (string, io.Reader) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile("plans", "")
		fw.Write(nil)
		mw.Close()
		return mw.FormDataContentType(), &buf
	}
	bigForm := func() (string, io.Reader) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile("plans", "big.json")
		fw.Write(big)
		mw.Close()
		return mw.FormDataContentType(), &buf
	}
	for _, tc := range []struct {
		name, method, path, ct string
		body                   func() (string, io.Reader)
		status                 int
		msg                    string
	}{
		{"empty body", "POST", "/v1/check", "application/json", nil, 400, "empty request body"},
		{"blank body", "POST", "/v1/check", "", func() (string, io.Reader) { return "", strings.NewReader(" \n ") }, 400, "empty request body"},
		{"empty array", "POST", "/v1/check", "", func() (string, io.Reader) { return "", strings.NewReader("[]") }, 400, "empty array"},
		{"too large", "POST", "/v1/check", "", func() (string, io.Reader) { return "", bytes.NewReader(big) }, 413, "larger than the 1 KiB limit"},
		{"too large form", "POST", "/v1/check", "", bigForm, 413, "larger than the 1 KiB limit"},
		{"empty form", "POST", "/v1/check", "", emptyForm, 400, "no plan in the form"},
		{"no boundary", "POST", "/v1/check", "multipart/form-data", nil, 400, "boundary"},
		{"form encoded", "POST", "/v1/check", "application/x-www-form-urlencoded", func() (string, io.Reader) { return "", strings.NewReader(`{"a": 1}`) }, 200, `"verdict": "error"`},
		{"other type", "POST", "/v1/check", "application/xml", func() (string, io.Reader) { return "", strings.NewReader("<plan/>") }, 415, "application/xml"},
		{"GET check", "GET", "/v1/check", "", nil, 405, ""},
		{"POST rules", "POST", "/v1/rules", "", nil, 405, ""},
		{"unknown", "GET", "/v2/check", "", nil, 404, ""},
		{"report too large", "POST", "/report", "", func() (string, io.Reader) { return "", bytes.NewReader(big) }, 413, "Request Entity Too Large"},
		{"report empty form", "POST", "/report", "", emptyForm, 400, "Choose plans again"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ct, body := tc.ct, io.Reader(nil)
			if tc.body != nil {
				var c string
				c, body = tc.body()
				if c != "" {
					ct = c
				}
			}
			resp, got := do(t, tc.method, ts.URL+tc.path, ct, body)
			if resp.StatusCode != tc.status || !strings.Contains(string(got), tc.msg) {
				t.Errorf("status %d %q, want %d containing %q", resp.StatusCode, got, tc.status, tc.msg)
			}
			if tc.path == "/v1/check" && tc.msg != "" && tc.status != 200 {
				var e struct{ Error string }
				if err := json.Unmarshal(got, &e); err != nil || e.Error == "" {
					t.Errorf("error body %q is not {\"error\": ...}", got)
				}
			}
		})
	}
}

func TestRulesAndHealth(t *testing.T) {
	ts := newServer(t, server.Config{})
	resp, got := do(t, "GET", ts.URL+"/v1/rules", "", nil)
	var want bytes.Buffer
	if err := output.CatalogueJSON(&want, testEngine(t).Catalogue()); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || !bytes.Equal(got, want.Bytes()) {
		t.Errorf("GET /v1/rules: status %d, body is not the catalogue", resp.StatusCode)
	}
	resp, got = do(t, "GET", ts.URL+"/healthz", "", nil)
	if resp.StatusCode != 200 || string(got) != "ok\n" {
		t.Errorf("GET /healthz: %d %q", resp.StatusCode, got)
	}
}

func TestUploadPageAndReport(t *testing.T) {
	ts := newServer(t, server.Config{})
	resp, page := do(t, "GET", ts.URL+"/", "", nil)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, want := range []string{`<form method="post" action="/report" enctype="multipart/form-data">`,
		`<input type="file" id="plans" name="plans"`, `<label for="plans">`, `<button type="submit">`, `Up to 10 MiB`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("upload page lacks %s", want)
		}
	}
	if strings.Contains(string(page), "<script") {
		t.Error("upload page has a script")
	}

	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, f := range planFiles {
		fw, _ := mw.CreateFormFile("plans", f)
		fw.Write(readPlan(t, f))
	}
	mw.WriteField("plan", `{"not": "a plan"}`)
	mw.Close()
	resp, rep := do(t, "POST", ts.URL+"/report", mw.FormDataContentType(), &buf)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("POST /report: %d %s\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), rep)
	}
	for _, want := range []string{`data-verdict="assured_with_conditions"`, `data-verdict="not_assured"`, `data-verdict="error"`,
		`pasted plan`, `<svg`, `Reserves against their thresholds`, `A&amp;E within 4 hours`} {
		if !strings.Contains(string(rep), want) {
			t.Errorf("HTML report lacks %s", want)
		}
	}
	if n := strings.Count(string(rep), `<tr data-plan=`); n != 4 {
		t.Errorf("%d plans in the summary, want 4", n)
	}
}

func TestEvaluationTimeout(t *testing.T) {
	ts := newServer(t, server.Config{EvalTimeout: time.Nanosecond})
	resp, got := do(t, "POST", ts.URL+"/v1/check", "", bytes.NewReader(readPlan(t, planFiles[0])))
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(got), "longer than 1ns") {
		t.Errorf("status %d %s, want 503", resp.StatusCode, got)
	}
}

// firstRead is a request body that says when the handler first reads it.
type firstRead struct {
	r    io.Reader
	once sync.Once
	read chan struct{}
}

func (f *firstRead) Read(p []byte) (int, error) {
	f.once.Do(func() { close(f.read) })
	return f.r.Read(p)
}

// With every turn taken, a check request waits QueueTimeout and gets 503 with
// Retry-After; when the turn is given back, requests are answered again.
func TestBusyServiceAnswers503(t *testing.T) {
	srv := server.New(server.Config{Engine: testEngine(t), MaxInFlight: 1, QueueTimeout: 50 * time.Millisecond})
	h := srv.Handler()
	plan := readPlan(t, planFiles[0])

	pr, pw := io.Pipe()
	slow := &firstRead{r: pr, read: make(chan struct{})}
	first := httptest.NewRecorder()
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.ServeHTTP(first, httptest.NewRequest("POST", "/v1/check", slow))
	}()
	<-slow.read // the first request holds the only turn while its body arrives

	for _, path := range []string{"/v1/check", "/report"} {
		busy := httptest.NewRecorder()
		h.ServeHTTP(busy, httptest.NewRequest("POST", path, bytes.NewReader(plan)))
		if busy.Code != http.StatusServiceUnavailable || !strings.Contains(busy.Body.String(), "the service is busy") {
			t.Errorf("%s while busy: status %d %s, want 503", path, busy.Code, busy.Body.String())
		}
		if busy.Header().Get("Retry-After") == "" {
			t.Errorf("%s while busy: no Retry-After", path)
		}
	}
	health := httptest.NewRecorder()
	h.ServeHTTP(health, httptest.NewRequest("GET", "/healthz", nil))
	if health.Code != http.StatusOK {
		t.Errorf("/healthz while busy: status %d", health.Code)
	}

	if _, err := pw.Write(plan); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	<-done
	if first.Code != http.StatusOK {
		t.Fatalf("the request that held the turn: status %d %s", first.Code, first.Body.String())
	}
	want := wantJSON(t, []string{"body"}, [][]byte{plan})
	if !bytes.Equal(first.Body.Bytes(), want) {
		t.Errorf("the request that held the turn: report differs from check --format json")
	}
	after := httptest.NewRecorder()
	h.ServeHTTP(after, httptest.NewRequest("POST", "/v1/check", bytes.NewReader(plan)))
	if after.Code != http.StatusOK {
		t.Errorf("after the turn is given back: status %d %s", after.Code, after.Body.String())
	}
}

func TestRequestLog(t *testing.T) {
	var logs testutil.Buffer
	cfg := server.Config{Logger: slog.New(slog.NewJSONHandler(&logs, nil))}
	ts := newServer(t, cfg)
	do(t, "POST", ts.URL+"/v1/check", "", bytes.NewReader(readPlan(t, planFiles[0])))
	do(t, "GET", ts.URL+"/healthz", "", nil)
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d log lines, want 2:\n%s", len(lines), logs.String())
	}
	var first struct {
		Msg, Method, Path string
		Status, Plans     int
		Duration          float64 `json:"duration_ms"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.Msg != "request" || first.Method != "POST" || first.Path != "/v1/check" || first.Status != 200 || first.Plans != 1 || first.Duration <= 0 {
		t.Errorf("log line %s", lines[0])
	}
}

// TestConcurrentRequests mixes endpoints from many goroutines: run with -race.
func TestConcurrentRequests(t *testing.T) {
	ts := newServer(t, server.Config{})
	plans := make([][]byte, len(planFiles))
	wants := make([][]byte, len(planFiles))
	for i, f := range planFiles {
		plans[i] = readPlan(t, f)
		wants[i] = wantJSON(t, []string{"body"}, [][]byte{plans[i]})
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 6; i++ {
				k := (g + i) % len(plans)
				var err error
				switch i % 3 {
				case 0, 1:
					err = expect(ts.URL+"/v1/check", plans[k], wants[k])
				case 2:
					err = expect(ts.URL+"/healthz", nil, []byte("ok\n"))
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func expect(url string, body, want []byte) error {
	var resp *http.Response
	var err error
	if body == nil {
		resp, err = http.Get(url)
	} else {
		resp, err = http.Post(url, "application/json", bytes.NewReader(body))
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 || !bytes.Equal(got, want) {
		return fmt.Errorf("%s: status %d, unexpected body %.200s", url, resp.StatusCode, got)
	}
	return nil
}

// TestGracefulShutdown cancels the server's context while a request is in
// flight: the request completes, new connections are refused, Serve returns nil.
func TestGracefulShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := server.New(server.Config{Engine: testEngine(t), ShutdownTimeout: 10 * time.Second})
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	url := "http://" + ln.Addr().String()

	plan := readPlan(t, planFiles[0])
	pr, pw := io.Pipe()
	type result struct {
		status int
		body   []byte
		err    error
	}
	done := make(chan result, 1)
	// With Expect: 100-continue the client sends the body only once the
	// handler reads it: when the first half is written, the request is in flight.
	tr := &http.Transport{ExpectContinueTimeout: 10 * time.Second}
	defer tr.CloseIdleConnections()
	go func() {
		req, _ := http.NewRequest("POST", url+"/v1/check", pr)
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Expect", "100-continue")
		resp, err := (&http.Client{Transport: tr}).Do(req)
		if err != nil {
			done <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		done <- result{resp.StatusCode, b, err}
	}()
	half := len(plan) / 2
	if _, err := pw.Write(plan[:half]); err != nil { // the request is now in flight
		t.Fatal(err)
	}
	cancel()
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second)
		if err != nil {
			break // the listener is closed
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("the server still accepts connections after shutdown began")
		}
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case err := <-served:
		t.Fatalf("Serve returned %v before the request in flight finished", err)
	default:
	}
	pw.Write(plan[half:])
	pw.Close()
	r := <-done
	if r.err != nil || r.status != 200 || !bytes.Contains(r.body, []byte(`"verdict": "assured_with_conditions"`)) {
		t.Fatalf("in-flight request: %v status %d %.200s", r.err, r.status, r.body)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve returned %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after shutdown")
	}
}

func TestServeListenerError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	err = server.New(server.Config{Engine: testEngine(t)}).Serve(context.Background(), ln)
	if err == nil || errors.Is(err, http.ErrServerClosed) {
		t.Errorf("Serve on a closed listener = %v, want an error", err)
	}
}
