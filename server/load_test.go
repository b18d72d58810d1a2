package server_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/planassure/planassure/server"
)

// TestLoad posts 2,000 plans, 32 at a time, to a server on 127.0.0.1 and
// checks every answer, then that no goroutine outlives the server. It logs
// requests per second and latency percentiles (go test -v -run Load ./server);
// docs/performance.md records them. Skipped with -short; 100 requests, 4 at a
// time, under the race detector.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test: skipped with -short")
	}
	requests, concurrency := 2000, 32
	if raceEnabled {
		// the race detector slows evaluation tenfold: fewer requests, and few
		// enough at once that no plan reaches the engine's per-plan timeout
		requests, concurrency = 100, 4
	}
	plan := readPlan(t, planFiles[0])
	want := wantJSON(t, []string{"body"}, [][]byte{plan})

	runtime.GC()
	baseline := runtime.NumGoroutine()
	// at most the default number of requests in flight; the rest queue, as
	// long as the client waits for an answer
	ts := httptest.NewServer(server.New(server.Config{Engine: testEngine(t), QueueTimeout: time.Minute}).Handler())
	tr := &http.Transport{MaxIdleConnsPerHost: concurrency}
	client := &http.Client{Transport: tr, Timeout: time.Minute}

	latencies := make([]time.Duration, requests)
	var next, failed atomic.Int64
	var firstErr sync.Once
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < concurrency; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= requests {
					return
				}
				t0 := time.Now()
				err := expect(client, ts.URL+"/v1/check", plan, want)
				latencies[i] = time.Since(t0)
				if err != nil {
					failed.Add(1)
					firstErr.Do(func() { t.Errorf("request %d: %v", i, err) })
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	ts.Close()
	tr.CloseIdleConnections()
	if n := failed.Load(); n > 0 {
		t.Errorf("%d of %d requests failed", n, requests)
	}

	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > baseline && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > baseline {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines after the load, %d before:\n%s", n, baseline, buf[:runtime.Stack(buf, true)])
	}

	slices.Sort(latencies)
	pct := func(p float64) time.Duration {
		return latencies[int(p*float64(requests-1))].Round(100 * time.Microsecond)
	}
	t.Logf("load: %d requests, %d concurrent, GOMAXPROCS %d: %.0f requests/s; latency p50 %s, p90 %s, p99 %s, max %s",
		requests, concurrency, runtime.GOMAXPROCS(0), float64(requests)/elapsed.Seconds(),
		pct(0.50), pct(0.90), pct(0.99), latencies[requests-1].Round(100*time.Microsecond))
}

// firstDiff shows where got first departs from want, line by line.
func firstDiff(got, want []byte) string {
	g, w := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := range g {
		if i >= len(w) || !bytes.Equal(g[i], w[i]) {
			wl := []byte("(end)")
			if i < len(w) {
				wl = w[i]
			}
			return fmt.Sprintf("line %d is %q, want %q", i+1, g[i], wl)
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}
