package main

import (
	"fmt"
	"io"
	"os"
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
	root.PersistentFlags().String("config", "", "configuration file (default ./planassure.yaml or ./planassure.yml if present)")
	// --version prints what the version command prints.
	if text, err := versionText(); err == nil {
		root.Version = text
		root.SetVersionTemplate("{{.Version}}")
	}
	root.Flags().BoolP("version", "v", false, "print the version and the digest of the built-in rules")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newCheckCmd(v, stdin), newRulesCmd(v), newExplainCmd(v, stdin), newDiffCmd(v, stdin), newServeCmd(v),
		newTemplateCmd(v), newImportCmd(v, stdin), newExportCmd(v, stdin), newVersionCmd(), newBundleCmd())
	return root
}

func loadConfig(v *viper.Viper, cmd *cobra.Command) error {
	v.SetEnvPrefix("PLANASSURE")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	if err := v.BindPFlags(cmd.Flags()); err != nil {
		return fmt.Errorf("bind flags: %w", err)
	}
	file, _ := cmd.Flags().GetString("config")
	if file == "" {
		// Only these names: viper's own search would also take a file named
		// planassure with no extension, such as the binary built in a clone.
		for _, name := range []string{"planassure.yaml", "planassure.yml"} {
			if info, err := os.Stat(name); err == nil && info.Mode().IsRegular() {
				file = name
				break
			}
		}
	}
	if file == "" {
		return nil
	}
	v.SetConfigFile(file)
	if err := v.ReadInConfig(); err != nil {
		return fmt.Errorf("read config %s: %w", file, err)
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
