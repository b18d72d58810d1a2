package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// newRootCmd builds the command tree. Options come from flags, then
// PLANASSURE_* environment variables, then planassure.yaml in the working
// directory (or --config), in that order of precedence.
func newRootCmd(v *viper.Viper, stdin io.Reader) *cobra.Command {
	root := &cobra.Command{
		Use:   "planassure",
		Short: "Assure NHS commissioning plans against the planning guidance's business rules",
		Long: `planassure checks plan submissions (JSON, plan-format v1) against the business
rules of the NHS planning guidance, written as Rego policies, and gives each plan
an assurance verdict with the evidence: which rule, which figures, what was
expected and where in the guidance it is asked for.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return loadConfig(v, cmd)
		},
	}
	root.PersistentFlags().String("config", "", "configuration file (default ./planassure.yaml if present)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newCheckCmd(v, stdin), newRulesCmd(v), newExplainCmd(v, stdin), newDiffCmd(v, stdin), newServeCmd(v),
		newTemplateCmd(v), newImportCmd(v, stdin), newExportCmd(v, stdin))
	return root
}

func loadConfig(v *viper.Viper, cmd *cobra.Command) error {
	v.SetEnvPrefix("PLANASSURE")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	if err := v.BindPFlags(cmd.Flags()); err != nil {
		return fmt.Errorf("bind flags: %w", err)
	}
	if file, _ := cmd.Flags().GetString("config"); file != "" {
		v.SetConfigFile(file)
	} else {
		v.SetConfigName("planassure")
		v.SetConfigType("yaml")
		v.AddConfigPath(".")
	}
	if err := v.ReadInConfig(); err != nil {
		var notFound viper.ConfigFileNotFoundError
		if !errors.As(err, &notFound) {
			return fmt.Errorf("read config: %w", err)
		}
	}
	return nil
}

// bind decodes the command's options from viper into opts.
func bind(v *viper.Viper, flags *pflag.FlagSet, opts any) error {
	if err := v.BindPFlags(flags); err != nil {
		return fmt.Errorf("bind flags: %w", err)
	}
	if err := v.Unmarshal(opts); err != nil {
		return fmt.Errorf("read options: %w", err)
	}
	return nil
}
