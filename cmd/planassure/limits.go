package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/plan"
)

// addLimitFlags adds the limits that keep a hostile or broken input from
// exhausting memory or time: far above any real plan, and adjustable.
func addLimitFlags(f *pflag.FlagSet) {
	f.String("max-file-size", "10MiB", "largest plan file or standard input read, e.g. 10MiB, 512KiB, 1000000 (bytes)")
	f.Int("max-depth", plan.MaxDepth, "deepest nesting of objects and arrays in a plan")
	f.Duration("timeout", engine.DefaultTimeout, "longest evaluation of one plan; a plan that takes longer gets verdict error")
}

// limitOptions are the limits of every command that reads plans.
type limitOptions struct {
	MaxFileSize string        `mapstructure:"max-file-size"`
	MaxDepth    int           `mapstructure:"max-depth"`
	Timeout     time.Duration `mapstructure:"timeout"`
}

// limits are the limits of a command: on reading each plan, and on
// evaluating it.
type limits struct {
	plan    plan.Limits
	timeout time.Duration
}

// parseLimits checks the limits. Standard input is waited for as long as a
// plan may take to evaluate (--timeout).
func parseLimits(opts limitOptions) (limits, error) {
	size, err := parseFileSize(opts.MaxFileSize)
	if err != nil {
		return limits{}, fmt.Errorf("--max-file-size %q: %w", opts.MaxFileSize, err)
	}
	if opts.MaxDepth < 1 {
		return limits{}, fmt.Errorf("--max-depth %d: want at least 1", opts.MaxDepth)
	}
	if opts.Timeout <= 0 {
		return limits{}, fmt.Errorf("--timeout %s: want a positive duration, e.g. 10s or 1m", opts.Timeout)
	}
	return limits{plan: plan.Limits{MaxFileSize: size, MaxDepth: opts.MaxDepth, ReadTimeout: opts.Timeout}, timeout: opts.Timeout}, nil
}

// hint is the advice the command line adds to a limit's error: the flag
// that raises it.
func hint(err error) string {
	switch {
	case errors.Is(err, plan.ErrTooLarge):
		return " (or raise --max-file-size)"
	case errors.Is(err, plan.ErrReadTimeout), errors.Is(err, engine.ErrTimeout):
		return " (or raise --timeout)"
	case errors.Is(err, engine.ErrUnknownRound):
		return " (add one with --data)"
	}
	return ""
}

var sizeUnits = []struct {
	suffix string
	bytes  int64
}{
	{"gib", 1 << 30}, {"mib", 1 << 20}, {"kib", 1 << 10},
	{"gb", 1e9}, {"mb", 1e6}, {"kb", 1e3},
	{"g", 1 << 30}, {"m", 1 << 20}, {"k", 1 << 10}, {"b", 1},
}

// parseFileSize reads a size in bytes: "10MiB", "512 KiB", "1.5MB", "1000000".
func parseFileSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	unit := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, unit = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.bytes
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n != n || n <= 0 || n*float64(unit) >= 1<<62 {
		return 0, fmt.Errorf("want a positive size, e.g. 10MiB, 512KiB or 1000000 (bytes)")
	}
	return int64(n * float64(unit)), nil
}

// maxConfigFile is the most read of a --waivers or --data file: such files are
// a few KiB; a path to a device or a huge file must not exhaust memory.
const maxConfigFile = plan.DefaultMaxFileSize

// readConfigFile reads a waivers or data file of at most maxConfigFile bytes.
// Errors are *fs.PathError, as from os.ReadFile.
func readConfigFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConfigFile+1))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	if len(data) > maxConfigFile {
		return nil, &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("the file is larger than %d MiB: is it the right file?", maxConfigFile>>20)}
	}
	return data, nil
}
