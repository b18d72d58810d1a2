// Command planassure checks NHS commissioning plan submissions against the
// planning guidance's business rules and gives an assurance verdict per plan.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"

	"github.com/spf13/viper"
)

func main() {
	tuneGC()
	stopProfile := profile(os.Getenv("PLANASSURE_CPUPROFILE"))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	stopProfile()
	os.Exit(code)
}

// profile writes a CPU profile of the whole run to file, when one is named
// (PLANASSURE_CPUPROFILE, for `go tool pprof`: docs/performance.md); the
// function returned ends it.
func profile(file string) func() {
	if file == "" {
		return func() {}
	}
	f, err := os.Create(file)
	if err == nil {
		if err = pprof.StartCPUProfile(f); err != nil {
			f.Close()
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "planassure: PLANASSURE_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// tuneGC trades memory for speed unless the user chose: a batch allocates much
// short-lived garbage per plan, so collect at 5x the live heap (GOGC=400), but
// start collecting harder near 100 MiB (GOMEMLIMIT): peak memory is the heap,
// the binary's pages and what the runtime keeps outside the heap (about 40 MB
// more). check -o json keeps no results (streamJSON); the other formats keep
// the report, about 1 KB a plan, and past about 50,000 plans the limit makes
// the collector work harder to stay near 150 MB.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(100 << 20)
	}
}

// exitError carries an exit code to run without printing anything more.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// usageError marks a mistake in the command line: exit code 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// run is main without the process, so tests can call it. It returns the exit
// code: 0 no plan fails the gate, 1 a plan does, 2 usage errors, unreadable
// plans or broken policies. Errors are printed once, prefixed "planassure:".
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := newRootCmd(viper.New(), stdin)
	cmd.SetArgs(args)
	cmd.SetOut(stdout)
	cmd.SetErr(stderr)
	err := cmd.ExecuteContext(ctx)
	var exit exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.code
	default:
		fmt.Fprintf(stderr, "planassure: %v%s\n", err, hint(err))
		return 2
	}
}
