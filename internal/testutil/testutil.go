// Package testutil holds small helpers that tests in several packages share.
package testutil

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/policies"
)

// Buffer is a bytes.Buffer safe for concurrent writes and reads: a server's
// log written from request goroutines while a test reads it.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *Buffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *Buffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Attr is the value of attribute key of n, or "".
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// Text is all the text below n.
func Text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		for d := c.FirstChild; d != nil; d = d.NextSibling {
			walk(d)
		}
	}
	walk(n)
	return b.String()
}

// PlanJSON is a minimal valid plan of organisation code, round 2017-19, with
// one plan year whose in-year surplus is inYear (written as given).
func PlanJSON(code string, inYear string) []byte {
	return []byte(`{
  "schema_version": "1",
  "submission": {"round": "2017-19", "status": "draft", "submitted_on": "2017-01-01"},
  "organisation": {"code": "` + code + `", "name": "Test CCG", "type": "ccg"},
  "years": [
    {"year": "2017/18", "basis": "plan", "finance": {"surplus": {"in_year": ` + inYear + `}}}
  ]
}`)
}

var (
	builtinOnce sync.Once
	builtin     *engine.Engine
	builtinErr  error
)

// Engine is the engine on the embedded policies, built once per test binary
// (it is safe for concurrent use), with a generous per-plan timeout: under the
// race detector on a busy machine the default would turn slow evaluations
// into verdict error.
func Engine(tb testing.TB) *engine.Engine {
	tb.Helper()
	builtinOnce.Do(func() {
		builtin, builtinErr = engine.New(context.Background(), policies.FS, engine.Options{Timeout: 5 * time.Minute})
	})
	if builtinErr != nil {
		tb.Fatal(builtinErr)
	}
	return builtin
}

// Problems is a result's problems, one a line: pointer and message.
func Problems(res engine.Result) string {
	var b strings.Builder
	for _, p := range res.Problems {
		b.WriteString(p.Pointer + " " + p.Message + "\n")
	}
	return b.String()
}
