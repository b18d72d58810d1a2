package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/planassure/planassure/internal/testutil"
)

// TestServe starts planassure serve on a free port, checks a plan over HTTP,
// then stops it as SIGTERM would (the command's context is cancelled).
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var stdout, stderr testutil.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--max-body", "2MiB"}, strings.NewReader(""), &stdout, &stderr)
	}()
	var addr string
	for deadline := time.Now().Add(30 * time.Second); addr == "" && time.Now().Before(deadline); {
		for _, line := range strings.Split(stderr.String(), "\n") {
			var l struct{ Msg, Addr string }
			if json.Unmarshal([]byte(line), &l) == nil && l.Msg == "listening" {
				addr = l.Addr
			}
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d: %s", code, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	if addr == "" {
		t.Fatalf("serve did not log its address: %s", stderr.String())
	}
	resp, err := http.Post("http://"+addr+"/v1/check", "application/json", strings.NewReader(`{"schema_version": "1"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"verdict": "error"`) {
		t.Errorf("POST /v1/check: %d %s", resp.StatusCode, body)
	}
	resp, err = http.Post("http://"+addr+"/v1/check", "application/json", bytes.NewReader(make([]byte, 3<<20)))
	if err == nil {
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("3 MiB body with --max-body 2MiB: status %d", resp.StatusCode)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit code %d after shutdown: %s", code, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
	logs := stderr.String()
	for _, want := range []string{`"msg":"request","method":"POST","path":"/v1/check","status":200`, `"plans":1`, `"msg":"stopped"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s:\n%s", want, logs)
		}
	}
	if stdout.String() != "" {
		t.Errorf("serve wrote to standard output: %s", stdout.String())
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--max-body", "lots"},
		{"serve", "--max-body", "0"},
		{"serve", "--eval-timeout", "0s"},
		{"serve", "extra"},
	} {
		if code, _, errOut := runIn(t, "", args...); code != 2 || !strings.HasPrefix(errOut, "planassure: ") {
			t.Errorf("%v: exit %d, stderr %q; want 2", args, code, errOut)
		}
	}
}

// TestParseFileSize: the one size parser of --max-file-size and --max-body.
func TestParseFileSize(t *testing.T) {
	for in, want := range map[string]int64{"10MiB": 10 << 20, "512KiB": 512 << 10, "512 kib": 512 << 10, "1GB": 1e9,
		"2 MB": 2e6, "100": 100, "7B": 7, "1.5MiB": 3 << 19, "10M": 10 << 20} {
		if got, err := parseFileSize(in); err != nil || got != want {
			t.Errorf("parseFileSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "-1MiB", "0", "MiB", "2TiB", "lots", "NaN"} {
		if _, err := parseFileSize(in); err == nil {
			t.Errorf("parseFileSize(%q): want an error", in)
		}
	}
}

// TestCheckHTMLCharts: check draws the charts in the html format, to standard
// output and to a --report file, and keeps no figures otherwise.
func TestCheckHTMLCharts(t *testing.T) {
	file := filepath.Join(t.TempDir(), "report.html")
	t.Chdir("../..")
	code, out, errOut := runIn(t, "", "check", "--fail-on", "none", "-o", "html", "--report", "html="+file, "plans/06W-2017-19.json")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	written, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{out, string(written)} {
		if !strings.Contains(page, `<svg`) || !strings.Contains(page, "Reserves against their thresholds") {
			t.Errorf("the html report has no charts: %.300s", page)
		}
	}
	if !wantsFigures("table", []string{"sarif=a.sarif", "html=b.html"}) || wantsFigures("json", []string{"sarif=html=x"}) {
		t.Error("wantsFigures")
	}
}
