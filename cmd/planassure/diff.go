package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/engine/output"
	"github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/runner"
)

type diffOptions struct {
	Format    string        `mapstructure:"format"`
	FailOnNew string        `mapstructure:"fail-on-new"`
	Policy    policyOptions `mapstructure:",squash"`
	Cache     string        `mapstructure:"cache"`
	Limits    limitOptions  `mapstructure:",squash"`
}

func newDiffCmd(v *viper.Viper, stdin io.Reader) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show what changed between two versions of a plan and what that did to its assurance",
		Long: `Compare two versions of a plan: every figure that changed (pointer, old, new,
difference), the findings that appeared and disappeared, and the verdict before
and after. With --fail-on-new, exit 1 when the new version adds a finding at that
severity or above: the CI gate for a change to a plan.

OLD or NEW may be ` + os.DevNull + ` for a plan added or removed (as git diff names
the missing side): every finding of the other side then appeared or
disappeared, and removing a plan never fails the gate.`,
		Example: `  planassure diff old/06W-2017-19.json plans/06W-2017-19.json
  git show main:plans/06W-2017-19.json | planassure diff --fail-on-new error - plans/06W-2017-19.json
  planassure diff --fail-on-new error /dev/null plans/new-plan.json`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageError{errors.New("diff takes two plan files, OLD and NEW")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var opts diffOptions
			if err := bind(v, cmd.Flags(), &opts); err != nil {
				return err
			}
			return runDiff(cmd.Context(), opts, args[0], args[1], stdin, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.StringP("format", "o", "table", "output format: "+strings.Join(output.DiffNames(), ", "))
	f.String("fail-on-new", "none", "exit 1 when the new version adds a finding at this severity or above: error, warning or none")
	addPolicyFlags(f)
	addLimitFlags(f)
	addCacheFlag(f)
	return cmd
}

func runDiff(ctx context.Context, opts diffOptions, oldPath, newPath string, stdin io.Reader, stdout io.Writer) error {
	format, err := output.LookupDiff(opts.Format)
	if err != nil {
		return usageError{err}
	}
	failOn, err := parseFailOn(opts.FailOnNew)
	if err != nil {
		return usageError{fmt.Errorf("--fail-on-new: %w", err)}
	}
	if oldPath == "-" && newPath == "-" {
		return usageError{errors.New("diff: only one of OLD and NEW can be standard input")}
	}
	limits, err := parseLimits(opts.Limits)
	if err != nil {
		return usageError{err}
	}
	store, err := openCache(opts.Cache)
	if err != nil {
		return err
	}
	eng, err := opts.Policy.engine(ctx, engine.Options{Timeout: limits.timeout, Hint: hint})
	if err != nil {
		return err
	}
	rn := runner.New(runner.Config{Engine: eng, Limits: limits.plan, Cache: store})
	if oldPath == os.DevNull && newPath == os.DevNull {
		return usageError{errors.New("diff: OLD and NEW cannot both be " + os.DevNull)}
	}
	side := func(path string) (plan.Plan, engine.Result, error) {
		if path == os.DevNull {
			p, r := engine.Absent(path)
			return p, r, nil
		}
		p, err := plan.Read(ctx, path, stdin, limits.plan)
		if err != nil {
			return p, engine.Result{}, err
		}
		return p, rn.Evaluate(ctx, p), nil
	}
	oldPlan, before, err := side(oldPath)
	if err != nil {
		return err
	}
	newPlan, after, err := side(newPath)
	if err != nil {
		return err
	}
	d := engine.Diff(oldPlan, newPlan, before, after)
	if err := format(stdout, d); err != nil {
		return fmt.Errorf("write diff: %w", err)
	}
	if d.After.Verdict == engine.VerdictError || d.Before.Verdict == engine.VerdictError {
		return exitError{2}
	}
	if failOn != "" && d.FailsNew(failOn) {
		return exitError{1}
	}
	return nil
}
