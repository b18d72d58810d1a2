package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/planassure/planassure/engine/output"
	"github.com/planassure/planassure/plan"
)

type explainOptions struct {
	Format      string `mapstructure:"format"`
	EvalOptions `mapstructure:",squash"`
}

func newExplainCmd(v *viper.Viper, stdin io.Reader) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "explain RULE_ID [PLAN]",
		Short: "Say what a rule checks and where the guidance asks for it; with a plan, what it found there",
		Example: `  planassure explain finance.cumulative_surplus
  planassure explain finance.mental_health_investment plans/06W-2017-19.json`,
		Args: argsBetween(1, 2, "explain takes a rule id and at most one plan file"),
		RunE: withOptions(v, func(cmd *cobra.Command, opts explainOptions, args []string) error {
			format, err := output.ExplanationFormats.Lookup(opts.Format)
			if err != nil {
				return usageError{err}
			}
			eng, limits, err := opts.load(cmd.Context())
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
		}),
	}
	addFormatFlag(cmd.Flags(), "text", output.ExplanationFormats.Names())
	addPolicyFlags(cmd.Flags())
	addLimitFlags(cmd.Flags())
	return cmd
}
