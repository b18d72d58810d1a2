//go:build unix

package plan_test

import (
	"context"
	"errors"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/planassure/planassure/plan"
)

// readers is how many goroutines are reading a plan: in readTimed's goroutine
// or in readLimited.
func readers() int {
	buf := make([]byte, 1<<20)
	n := 0
	for _, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
		if strings.Contains(g, "planassure/plan.readTimed") || strings.Contains(g, "planassure/plan.readLimited") {
			n++
		}
	}
	return n
}

// noReaderLeft fails unless, within a second, no goroutine reads a plan and
// there are no more goroutines than before.
func noReaderLeft(t *testing.T, before int) {
	t.Helper()
	for end := time.Now().Add(time.Second); ; time.Sleep(10 * time.Millisecond) {
		n, all := readers(), runtime.NumGoroutine()
		if n == 0 && all <= before {
			return
		}
		if time.Now().After(end) {
			t.Fatalf("%d goroutines still reading a plan, %d goroutines (%d before)", n, all, before)
		}
	}
}

// blockingStdin is the read end of a pipe as a program gets its standard
// input: a descriptor in blocking mode, which Go does not poll (no deadline).
func blockingStdin(t *testing.T) (stdin, w *os.File) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	fd, err := syscall.Dup(int(r.Fd())) // Fd puts the description in blocking mode
	r.Close()
	if err != nil {
		t.Fatal(err)
	}
	stdin = os.NewFile(uintptr(fd), "/dev/stdin")
	t.Cleanup(func() { stdin.Close(); w.Close() })
	if err := stdin.SetReadDeadline(time.Now()); !errors.Is(err, os.ErrNoDeadline) {
		t.Fatalf("the pipe takes a deadline (%v): it is not standard input as a program gets it", err)
	}
	return stdin, w
}

// nonBlocking reports whether f's open file description is in non-blocking mode.
func nonBlocking(t *testing.T, f *os.File) bool {
	t.Helper()
	conn, err := f.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var flags uintptr
	var errno syscall.Errno
	if err := conn.Control(func(fd uintptr) {
		flags, _, errno = syscall.Syscall(syscall.SYS_FCNTL, fd, syscall.F_GETFL, 0)
	}); err != nil || errno != 0 {
		t.Fatal(err, errno)
	}
	return flags&syscall.O_NONBLOCK != 0
}

// TestStdinTimeoutLeavesNoReader: standard input that never ends is given up
// on after the read timeout, or when the run is cancelled, with no goroutine
// left reading it, whether Go polls the pipe (os.Pipe) or not (a program's
// standard input, opened anew where the system can); the bytes written later
// are all there for the next read, and the descriptor's mode is unchanged.
func TestStdinTimeoutLeavesNoReader(t *testing.T) {
	polled := func(t *testing.T) (*os.File, *os.File) {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Close(); w.Close() })
		return r, w
	}
	for _, tc := range []struct {
		name  string
		stdin func(t *testing.T) (*os.File, *os.File)
	}{{"polled pipe", polled}, {"standard input", blockingStdin}} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "standard input" && runtime.GOOS != "linux" {
				t.Skip("only Linux opens a pipe anew (/proc/self/fd): elsewhere a reader goroutine stays until the pipe ends")
			}
			stdin, w := tc.stdin(t)
			before := runtime.NumGoroutine()
			start := time.Now()
			_, err := plan.ReadFile(t.Context(), "-", stdin, plan.Limits{ReadTimeout: 50 * time.Millisecond})
			if !errors.Is(err, plan.ErrReadTimeout) {
				t.Fatalf("stdin that never ends: %v", err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("given up on after %v", d)
			}
			noReaderLeft(t, before)

			ctx, cancel := context.WithCancel(t.Context())
			time.AfterFunc(50*time.Millisecond, cancel)
			_, err = plan.ReadFile(ctx, "-", stdin, plan.Limits{ReadTimeout: time.Minute})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled: %v", err)
			}
			noReaderLeft(t, before)

			blocking := !nonBlocking(t, stdin)
			if _, err := w.WriteString(`{"format": "plan-format"}`); err != nil {
				t.Fatal(err)
			}
			w.Close()
			data, err := plan.ReadFile(t.Context(), "-", stdin, plan.Limits{ReadTimeout: 5 * time.Second})
			if err != nil || string(data) != `{"format": "plan-format"}` {
				t.Errorf("the next read: %q, %v", data, err)
			}
			if tc.name == "standard input" && (!blocking || nonBlocking(t, stdin)) {
				t.Error("standard input's descriptor was made non-blocking")
			}
		})
	}
}
