package main

import (
	"strings"

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
		RunE: func(cmd *cobra.Command, _ []string) error {
			var opts rulesOptions
			if err := bind(v, cmd.Flags(), &opts); err != nil {
				return err
			}
			format, err := output.LookupCatalogue(opts.Format)
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
		},
	}
	cmd.Flags().StringP("format", "o", "table", "output format: "+strings.Join(output.CatalogueNames(), ", "))
	cmd.Flags().String("round", "", "show one planning round: its thresholds and the rules that apply in it")
	addPolicyFlags(cmd.Flags())
	return cmd
}
