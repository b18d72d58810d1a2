package main

import (
	"os"
	"strings"

	"github.com/spf13/pflag"

	"github.com/planassure/planassure/cache"
	"github.com/planassure/planassure/runner"
)

func addCacheFlag(f *pflag.FlagSet) {
	f.String("cache", "", `keep each plan's result in this directory and reuse it while the plan, policies, data and options are unchanged; `+
		`"auto" is the user cache directory (not in CI, where the CI variable is set, unless a directory is named); off when empty`)
}

// openCache opens the result cache spec names: "" or "off" none, "auto" the
// user cache directory (none under CI), else the directory given.
func openCache(spec string) (runner.ResultStore, error) {
	switch strings.TrimSpace(spec) {
	case "", "off", "none", "false":
		return nil, nil
	case "auto":
		if ci := os.Getenv("CI"); ci != "" && ci != "false" && ci != "0" {
			return nil, nil
		}
		dir, err := cache.DefaultDir()
		if err != nil {
			return nil, usageError{err}
		}
		spec = dir
	}
	d, err := cache.Open(spec)
	if err != nil {
		return nil, usageError{err}
	}
	return d, nil
}
