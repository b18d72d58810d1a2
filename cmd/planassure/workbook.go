package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"github.com/xuri/excelize/v2"

	"github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/workbook"
)

func newTemplateCmd(v *viper.Viper) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "template --round ROUND -o plan.xlsx",
		Short: "Write a blank plan workbook (Excel) for a planning round, to fill in and check",
		Long: `Write a blank plan workbook for a planning round: a cover sheet, one sheet per
part of the plan (finance by year, activity, performance trajectories, QIPP
schemes, must-dos and milestones, risks, sign-off, notes), input cells in
yellow, units stated (£000, %), totals as formulas and drop-down lists for
fixed values. Fill it in, then run planassure check on it.

Rounds with a layout of their own: ` + strings.Join(workbook.Rounds(), ", ") + `; any other
round gets the default layout with the round's years.`,
		Example: `  planassure template --round 2017-19 -o plan.xlsx
  planassure template --round 2016/17 --type ccg -o 08Q.xlsx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			round, _ := cmd.Flags().GetString("round")
			typ, _ := cmd.Flags().GetString("type")
			out, _ := cmd.Flags().GetString("output")
			if strings.TrimSpace(round) == "" {
				return usageError{errors.New("template needs --round, e.g. --round 2017-19")}
			}
			if out == "" {
				return usageError{errors.New("template needs -o FILE.xlsx (or -o - for standard output)")}
			}
			f, err := workbook.Template(round, strings.ToLower(typ))
			if err != nil {
				return usageError{err}
			}
			return writeWorkbook(f, out, cmd.OutOrStdout())
		},
	}
	cmd.Flags().String("round", "", "planning round, e.g. 2017-19 or 2016/17")
	cmd.Flags().String("type", "ccg", "organisation: ccg, icb or trust")
	cmd.Flags().StringP("output", "o", "", "the workbook to write (.xlsx); - for standard output")
	return cmd
}

func newExportCmd(v *viper.Viper, stdin io.Reader) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export PLAN.json -o plan.xlsx",
		Short: "Write a plan (JSON) into a plan workbook (Excel); import gives the same plan back",
		Long: `Write a plan (JSON) into its round's workbook. Figures are written exactly as in
the JSON. Fields the sheets do not show (x_ fields, a footprint's figures) are
kept on the hidden sheet "Other fields", so that import gives the plan back.`,
		Example: `  planassure export plans/06W-2017-19.json -o 06W.xlsx`,
		Args:    exactArgs(1, "export needs one plan file (JSON)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			lim, err := fileLimit(v, cmd)
			if err != nil {
				return err
			}
			out, _ := cmd.Flags().GetString("output")
			if out == "" {
				return usageError{errors.New("export needs -o FILE.xlsx (or -o - for standard output)")}
			}
			data, err := plan.ReadFile(cmd.Context(), args[0], stdin, lim)
			if err != nil {
				return fmt.Errorf("%s: %w%s", args[0], err, hint(err))
			}
			doc, err := workbook.DecodeJSON(data)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			f, err := workbook.Export(doc)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			return writeWorkbook(f, out, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringP("output", "o", "", "the workbook to write (.xlsx); - for standard output")
	cmd.Flags().String("max-file-size", "10MiB", "largest plan file read")
	return cmd
}

func newImportCmd(v *viper.Viper, stdin io.Reader) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import PLAN.xlsx [-o plan.json]",
		Short: "Read a plan workbook (Excel) into a plan (JSON, plan-format v1)",
		Long: `Read a plan workbook made from planassure template (or export) into a plan-format
v1 document. Figures are taken exactly as stored in the cells; a total's
cached value is used, or the formula computed when the workbook has none.
A problem is reported by sheet and cell (Finance!D14), with exit code 2.`,
		Example: `  planassure import plan.xlsx -o plan.json
  planassure import plan.xlsx | jq .years`,
		Args: exactArgs(1, "import needs one workbook (.xlsx)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			lim, err := fileLimit(v, cmd)
			if err != nil {
				return err
			}
			data, err := plan.ReadFile(cmd.Context(), args[0], stdin, lim)
			if err != nil {
				return fmt.Errorf("%s: %w%s", args[0], err, hint(err))
			}
			res, err := workbook.Read(data, workbook.Options{MaxFileSize: lim.MaxFileSize})
			if err != nil {
				return workbookError(args[0], err)
			}
			js, err := res.JSON()
			if err != nil {
				return err
			}
			out, _ := cmd.Flags().GetString("output")
			if out == "" || out == "-" {
				_, err = cmd.OutOrStdout().Write(js)
				return err
			}
			return os.WriteFile(out, js, 0o644)
		},
	}
	cmd.Flags().StringP("output", "o", "", "the plan to write (JSON); default standard output")
	cmd.Flags().String("max-file-size", "10MiB", "largest workbook read")
	return cmd
}

// workbookError words every problem of a workbook, one a line, each naming
// the file, the sheet and the cell.
func workbookError(path string, err error) error {
	var es workbook.Errors
	if errors.As(err, &es) {
		msgs := make([]string, len(es))
		for i, e := range es {
			msgs[i] = path + ": " + e.Error() + hint(e)
		}
		return errors.New(strings.Join(msgs, "\n"))
	}
	return fmt.Errorf("%s: %w%s", path, err, hint(err))
}

func writeWorkbook(f *excelize.File, out string, stdout io.Writer) error {
	defer f.Close()
	data, err := workbook.Bytes(f)
	if err != nil {
		return err
	}
	if out == "-" {
		_, err = stdout.Write(data)
		return err
	}
	return os.WriteFile(out, data, 0o644)
}

// fileLimit is the --max-file-size of import and export as plan limits.
func fileLimit(v *viper.Viper, cmd *cobra.Command) (plan.Limits, error) {
	var opts struct {
		MaxFileSize string `mapstructure:"max-file-size"`
	}
	if err := bind(v, cmd.Flags(), &opts); err != nil {
		return plan.Limits{}, err
	}
	size, err := parseFileSize(opts.MaxFileSize)
	if err != nil {
		return plan.Limits{}, usageError{fmt.Errorf("--max-file-size %q: %w", opts.MaxFileSize, err)}
	}
	return plan.Limits{MaxFileSize: size}.WithDefaults(), nil
}

func exactArgs(n int, msg string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError{errors.New(msg)}
		}
		return nil
	}
}
