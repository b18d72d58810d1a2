package main

import (
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/engine/output"
)

type rulesOptions struct {
	Format string        `mapstructure:"format"`
	Policy policyOptions `mapstructure:",squash"`
	Round  string        `mapstructure:"round"`
}

func newRulesCmd(v *viper.Viper) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rule catalogue: id, severity, title, thresholds per round, guidance",
		Example: `  planassure rules
  planassure rules --round 2026-29
  planassure rules --format markdown > docs/rules.md`,
		Args: cobra.NoArgs,
		RunE: withOptions(v, func(cmd *cobra.Command, opts rulesOptions, _ []string) error {
			format, err := output.CatalogueFormats.Lookup(opts.Format)
			if err != nil {
				return usageError{err}
			}
			eng, err := opts.Policy.engine(cmd.Context(), engine.Options{Hint: hint})
			if err != nil {
				return err
			}
			c := eng.Catalogue()
			if opts.Round != "" {
				if c, err = c.ForRound(opts.Round); err != nil {
					return usageError{err}
				}
			}
			return format(cmd.OutOrStdout(), c)
		}),
	}
	addFormatFlag(cmd.Flags(), "table", output.CatalogueFormats.Names())
	cmd.Flags().String("round", "", "show one planning round: its thresholds and the rules that apply in it")
	addPolicyFlags(cmd.Flags())
	return cmd
}
