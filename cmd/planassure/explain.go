package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/engine/output"
	"github.com/planassure/planassure/plan"
)

type explainOptions struct {
	Format string        `mapstructure:"format"`
	Policy policyOptions `mapstructure:",squash"`
	Limits limitOptions  `mapstructure:",squash"`
}

func newExplainCmd(v *viper.Viper, stdin io.Reader) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "explain RULE_ID [PLAN]",
		Short: "Say what a rule checks and where the guidance asks for it; with a plan, what it found there",
		Example: `  planassure explain finance.cumulative_surplus
  planassure explain finance.mental_health_investment plans/06W-2017-19.json`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return usageError{errors.New("explain takes a rule id and at most one plan file")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var opts explainOptions
			if err := bind(v, cmd.Flags(), &opts); err != nil {
				return err
			}
			format, err := output.LookupExplanation(opts.Format)
			if err != nil {
				return usageError{err}
			}
			limits, err := parseLimits(opts.Limits)
			if err != nil {
				return usageError{err}
			}
			eng, err := opts.Policy.engine(cmd.Context(), engine.Options{Timeout: limits.timeout, Hint: hint})
			if err != nil {
				return err
			}
			entry, ok := eng.Catalogue().Entry(args[0])
			if !ok {
				return usageError{fmt.Errorf("no rule %q (planassure rules lists them)", args[0])}
			}
			out := cmd.OutOrStdout()
			if len(args) == 1 {
				return format(out, entry, nil)
			}
			p, err := plan.Read(cmd.Context(), args[1], stdin, limits.plan)
			if err != nil {
				return err
			}
			x, err := eng.Explain(cmd.Context(), args[0], p)
			if err != nil {
				return err
			}
			return format(out, entry, &x)
		},
	}
	cmd.Flags().StringP("format", "o", "text", "output format: "+strings.Join(output.ExplanationNames(), ", "))
	addPolicyFlags(cmd.Flags())
	addLimitFlags(cmd.Flags())
	return cmd
}
