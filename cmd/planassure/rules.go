package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/planassure/planassure/engine"
)

type rulesOptions struct {
	Format   string   `mapstructure:"format"`
	Policies []string `mapstructure:"policies"`
	Data     []string `mapstructure:"data"`
}

func newRulesCmd(v *viper.Viper) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rule catalogue: id, severity, title, guidance",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var opts rulesOptions
			if err := bind(v, cmd.Flags(), &opts); err != nil {
				return err
			}
			eng, err := newEngine(cmd.Context(), opts.Policies, opts.Data)
			if err != nil {
				return err
			}
			return writeRules(cmd.OutOrStdout(), opts.Format, eng.Rules())
		},
	}
	cmd.Flags().StringP("format", "o", "table", "output format: table or json")
	addPolicyFlags(cmd.Flags())
	return cmd
}

func writeRules(w io.Writer, format string, rules []engine.Rule) error {
	switch format {
	case "json":
		b, err := json.MarshalIndent(rules, "", "  ")
		if err != nil {
			return err
		}
		_, err = w.Write(append(b, '\n'))
		return err
	case "table":
		t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off),
			tablewriter.WithRowAutoWrap(tw.WrapNormal), tablewriter.WithRowMaxWidth(60))
		t.Header("Rule", "Severity", "Title", "Guidance")
		for _, r := range rules {
			if err := t.Append(r.ID, string(r.Severity), r.Title, r.Guidance); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
		_, err := fmt.Fprintf(w, "%d rules\n", len(rules))
		return err
	}
	return usageError{fmt.Errorf("unknown format %q (want table or json)", format)}
}

var _ = strings.TrimSpace
