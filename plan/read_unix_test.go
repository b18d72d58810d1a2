//go:build unix

package plan_test

import (
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/planassure/planassure/plan"
)

// TestReadRefusesAFIFO: a FIFO named as a plan is refused at once, saying
// what it is; it is never opened for a read that would wait for a writer.
func TestReadRefusesAFIFO(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "plan.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := plan.Read(t.Context(), fifo, nil, plan.Limits{})
		done <- err
	}()
	select {
	case err := <-done:
		var pe *plan.Error
		if !errors.Is(err, plan.ErrNotRegular) || !errors.As(err, &pe) || pe.Path != fifo ||
			!strings.Contains(err.Error(), "it is a named pipe (FIFO), not a regular file") {
			t.Errorf("FIFO: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a FIFO with no writer blocked")
	}
}
