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
}

func newRulesCmd(v *viper.Viper) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rule catalogue: id, severity, title, thresholds per round, guidance",
		Example: `  planassure rules
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
			return format(cmd.OutOrStdout(), eng.Catalogue())
		}),
	}
	addFormatFlag(cmd.Flags(), "table", output.CatalogueFormats.Names())
	addPolicyFlags(cmd.Flags())
	return cmd
}
