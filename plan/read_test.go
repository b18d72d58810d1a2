package plan_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/plan"
)

// TestReadRefusesADirectory: a directory named as a plan is refused at
// once, saying what it is (a FIFO: read_unix_test.go).
func TestReadRefusesADirectory(t *testing.T) {
	t.Parallel()
	_, err := plan.ReadFile(t.Context(), t.TempDir(), nil, plan.Limits{})
	if !errors.Is(err, plan.ErrNotRegular) || err.Error() != "cannot read the file: it is a directory" {
		t.Errorf("directory: %v", err)
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

// TestReadSizeLimit: a 100 MB file is refused by its size, before it is read;
// standard input is never read past the limit; a lower limit is honoured.
func TestReadSizeLimit(t *testing.T) {
	t.Parallel()
	big := filepath.Join(t.TempDir(), "big.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil { // sparse: 100 MB of zero bytes, no disk used
		t.Fatal(err)
	}
	f.Close()
	_, err = plan.ReadFile(t.Context(), big, nil, plan.Limits{})
	want := "the file is larger than 10 MiB, the most a plan may be: check it is a plan submission"
	var tl *plan.TooLargeError
	if !errors.Is(err, plan.ErrTooLarge) || !errors.As(err, &tl) || tl.Limit != 10<<20 || err.Error() != want {
		t.Errorf("big file: %v", err)
	}
	in := &endless{}
	if _, err := plan.ReadFile(t.Context(), "-", in, plan.Limits{}); !errors.Is(err, plan.ErrTooLarge) {
		t.Errorf("stdin: %v", err)
	}
	if in.n > 11<<20 {
		t.Errorf("read %d bytes of standard input, want at most the limit and a buffer", in.n)
	}
	small := filepath.Join(t.TempDir(), "p.json")
	if err := os.WriteFile(small, testutil.PlanJSON("ABC", "1"), 0o644); err != nil {
		t.Fatal(err)
	}
	lim := plan.Limits{MaxFileSize: 100}
	if _, err := plan.ReadFile(t.Context(), small, nil, lim); err == nil || !strings.Contains(err.Error(), "larger than 100 bytes") {
		t.Errorf("file over 100 bytes: %v", err)
	}
	if _, err := plan.ReadFile(t.Context(), "-", strings.NewReader(string(testutil.PlanJSON("ABC", "1"))), lim); !errors.Is(err, plan.ErrTooLarge) {
		t.Errorf("stdin over 100 bytes: %v", err)
	}
	if _, err := plan.Read(t.Context(), small, nil, plan.Limits{}); err != nil {
		t.Errorf("a plan file: %v", err)
	}
}

// TestReadStdinTimeout: standard input that never ends is given up on after
// the read timeout.
func TestReadStdinTimeout(t *testing.T) {
	t.Parallel()
	r, w := io.Pipe()
	defer w.Close()
	_, err := plan.ReadFile(t.Context(), "-", r, plan.Limits{ReadTimeout: 20 * time.Millisecond})
	if !errors.Is(err, plan.ErrReadTimeout) || !strings.Contains(err.Error(), "did not end within 20ms") {
		t.Errorf("stdin that never ends: %v", err)
	}
}

// TestDecoderRegistry: a file is decoded by the decoder registered for its
// extension; anything else as JSON.
func TestDecoderRegistry(t *testing.T) {
	plan.Register(".TESTPLAN", func(path string, _ []byte, _ plan.Limits) (plan.Plan, error) {
		return plan.Plan{Path: path, Name: "from the test decoder"}, nil
	})
	p, err := plan.Decode("x.testplan", nil, plan.Limits{})
	if err != nil || p.Name != "from the test decoder" {
		t.Errorf("registered extension: %+v, %v", p, err)
	}
	if p, err := plan.Decode("-", testutil.PlanJSON("ABC", "1"), plan.Limits{}); err != nil || p.Organisation != "ABC" {
		t.Errorf("no extension: %+v, %v", p, err)
	}
	found := false
	for _, ext := range plan.Extensions() {
		found = found || ext == ".testplan"
	}
	if !found {
		t.Errorf("extensions %v lack .testplan", plan.Extensions())
	}
}
