package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"sigs.k8s.io/yaml"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/engine/output"
	"github.com/planassure/planassure/policies"
	"github.com/planassure/planassure/runner"
)

// checkOptions are the options of check, decoded by viper.
type checkOptions struct {
	Format   string   `mapstructure:"format"`
	Reports  []string `mapstructure:"report"`
	FailOn   string   `mapstructure:"fail-on"`
	Jobs     int      `mapstructure:"jobs"`
	Waivers  string   `mapstructure:"waivers"`
	AsOf     string   `mapstructure:"as-of"`
	Progress string   `mapstructure:"progress"`
	// Footprint groups plans by organisation.stp under their footprint documents.
	Footprint bool `mapstructure:"footprint"`
	// Cache is the result cache: a directory, "auto" or "" (see openCache).
	Cache       string `mapstructure:"cache"`
	EvalOptions `mapstructure:",squash"`
}

func newCheckCmd(v *viper.Viper, stdin io.Reader) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "check PLAN...",
		Short: "Check plans and give each an assurance verdict",
		Long: `Check plan files (directories are searched for *.json; "-" reads standard input)
against every rule and print the findings and each plan's verdict.

Exit codes: 0 no plan fails the gate, 1 a plan fails it (--fail-on), 2 a usage
error, a plan that cannot be read, or policies that do not load.`,
		Example: `  planassure check plans/
  planassure check --format json plans/06W-2017-19.json
  planassure check --fail-on warning plans/
  planassure check --report sarif=out.sarif --report junit=out.xml 'plans/**/*.json' plans/
  planassure check --waivers waivers.yaml --as-of 2017-06-30 plans/
  planassure check --footprint plans/`,
		Args: argsBetween(1, -1, "check needs at least one plan file or directory"),
		RunE: withOptions(v, func(cmd *cobra.Command, opts checkOptions, args []string) error {
			return runCheck(cmd.Context(), opts, args, stdin, cmd.OutOrStdout(), cmd.ErrOrStderr())
		}),
	}
	f := cmd.Flags()
	addFormatFlag(f, "table", output.Formats.Names())
	f.StringArray("report", nil, "also write the report in another format to a file, as FORMAT=FILE (repeatable)")
	f.String("fail-on", "error", "exit 1 when a plan has a finding at this severity or above: error, warning or none")
	f.IntP("jobs", "j", runtime.NumCPU(), "plans read and evaluated at once")
	f.String("waivers", "", "YAML or JSON file of waivers: rule, organisation, round, reason, approved_by, expires")
	f.String("as-of", "", "date waiver expiry is judged on, YYYY-MM-DD (default today)")
	f.String("progress", "auto", "progress bar on stderr: auto (when stderr is a terminal and the batch is large), always or never")
	f.Bool("footprint", false, "check each footprint (STP) document with the plans whose organisation.stp names it, and list their verdicts in its result")
	addLimitFlags(f)
	addPolicyFlags(f)
	addCacheFlag(f)
	return cmd
}

func addPolicyFlags(f interface {
	StringSlice(name string, value []string, usage string) *[]string
}) {
	f.StringSlice("policies", nil, "directory of local rules loaded beside the built-in ones (repeatable)")
	f.StringSlice("data", nil, "JSON or YAML data file, e.g. planning-round thresholds under planassure.rounds (repeatable)")
}

func runCheck(ctx context.Context, opts checkOptions, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	format, err := output.Formats.Lookup(opts.Format)
	if err != nil {
		return usageError{err}
	}
	reports, err := parseReports(opts.Reports)
	if err != nil {
		return usageError{err}
	}
	failOn, err := parseFailOn(opts.FailOn)
	if err != nil {
		return usageError{err}
	}
	var waivers []engine.Waiver
	asOf := opts.AsOf
	if asOf == "" {
		asOf = time.Now().Format(time.DateOnly)
	} else if _, err := time.Parse(time.DateOnly, asOf); err != nil {
		return usageError{fmt.Errorf("--as-of %q: want a date, YYYY-MM-DD", asOf)}
	}
	if opts.Waivers != "" {
		data, err := readConfigFile(opts.Waivers)
		if err != nil {
			return fmt.Errorf("read waivers %s: %w", opts.Waivers, errors.Unwrap(err))
		}
		if waivers, err = runner.ReadWaivers(opts.Waivers, data); err != nil {
			return err
		}
	}
	store, err := openCache(opts.Cache)
	if err != nil {
		return err
	}
	paths, expandErr := runner.Expand(args)
	var prefetch *runner.Prefetch
	if lim, err := parseLimits(opts.Limits); err == nil && store != nil && expandErr == nil && !opts.Footprint {
		// the files are digested while the policies compile: found in the
		// cache, they are not read again
		prefetch = runner.StartPrefetch(ctx, runner.Files(paths), lim.plan)
	}
	eng, limits, err := opts.load(ctx)
	prefetch.Stop()
	if err != nil {
		return err
	}
	if expandErr != nil {
		return expandErr
	}
	bar := newProgress(opts.Progress, len(paths), stderr)
	rn := runner.New(runner.Config{Engine: eng, Limits: limits.plan, Jobs: opts.Jobs, Footprints: opts.Footprint,
		Figures: wantsFigures(opts.Format, opts.Reports), Stdin: stdin, Progress: bar.tick, Cache: store, Prefetch: prefetch})
	if opts.Format == "json" && len(reports) == 0 && !opts.Footprint && waivers == nil {
		return streamJSON(ctx, rn, eng, paths, failOn, bar.finish, stdout)
	}
	rep := rn.Check(ctx, runner.Files(paths))
	bar.finish()
	if waivers != nil {
		rep = runner.ApplyWaivers(rep, waivers, asOf)
	}
	rep.Gate = failOn
	for _, r := range reports {
		if err := writeReportFile(r, rep); err != nil {
			return err
		}
	}
	if err := format(stdout, rep); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if code := rep.ExitCode(failOn); code != 0 {
		return exitError{code}
	}
	return nil
}

// streamJSON writes the JSON report of paths as the results arrive, in
// order, keeping none of them: memory stays flat however many plans there
// are. The bytes and the exit code are those of the report written whole;
// it serves check -o json without --report, --footprint or --waivers, which
// need every result before they write.
func streamJSON(ctx context.Context, rn *runner.Runner, eng *engine.Engine, paths []string, failOn engine.Severity,
	done func(), stdout io.Writer) error {
	head := eng.NewReport(nil)
	s, err := output.NewJSONStream(stdout, head)
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	code := 0
	var werr error
	type encoded struct {
		res engine.Result
		out output.EncodedResult
		err error
	}
	encode := func(res engine.Result) encoded { // on the workers, in parallel
		out, err := s.Encode(res)
		return encoded{res, out, err}
	}
	runner.CheckEachThen(ctx, rn, runner.Files(paths), encode, func(e encoded) {
		head.Totals[e.res.Verdict]++
		code = max(code, e.res.ExitCode(failOn))
		if werr == nil {
			werr = e.err
		}
		if werr == nil {
			werr = s.Write(e.out)
		}
	})
	done()
	if werr == nil {
		werr = s.Close(head)
	}
	if werr != nil {
		return fmt.Errorf("write report: %w", werr)
	}
	if code != 0 {
		return exitError{code}
	}
	return nil
}

// reportFile is one --report FORMAT=FILE.
type reportFile struct {
	format output.Format[engine.Report]
	path   string
}

func parseReports(specs []string) ([]reportFile, error) {
	var out []reportFile
	for _, spec := range specs {
		name, path, ok := strings.Cut(spec, "=")
		if !ok || path == "" {
			return nil, fmt.Errorf("--report %q: want FORMAT=FILE, e.g. sarif=out.sarif", spec)
		}
		f, err := output.Formats.Lookup(name)
		if err != nil {
			return nil, fmt.Errorf("--report %q: %w", spec, err)
		}
		out = append(out, reportFile{f, path})
	}
	return out, nil
}

func writeReportFile(r reportFile, rep engine.Report) error {
	f, err := os.Create(r.path)
	if err != nil {
		return fmt.Errorf("write report %s: %w", r.path, errors.Unwrap(err))
	}
	if err := r.format(f, rep); err != nil {
		f.Close()
		return fmt.Errorf("write report %s: %w", r.path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write report %s: %w", r.path, err)
	}
	return nil
}

// parseFailOn reads the gate; "none" never fails on findings.
func parseFailOn(s string) (engine.Severity, error) {
	switch s {
	case "error", "warning":
		return engine.Severity(s), nil
	case "none":
		return "", nil
	}
	return "", fmt.Errorf("--fail-on %q: want error, warning or none", s)
}

// EvalOptions are the options of every command that reads and evaluates
// plans: the policies and the limits.
type EvalOptions struct {
	Policy policyOptions `mapstructure:",squash"`
	// Limits: the largest plan file, the deepest nesting, the longest
	// evaluation of one plan.
	Limits limitOptions `mapstructure:",squash"`
}

// load checks the limits and loads the engine with their timeout.
func (o EvalOptions) load(ctx context.Context) (*engine.Engine, limits, error) {
	lim, err := parseLimits(o.Limits)
	if err != nil {
		return nil, lim, usageError{err}
	}
	eng, err := o.Policy.engine(ctx, engine.Options{Timeout: lim.timeout, Hint: hint})
	return eng, lim, err
}

// policyOptions are the rules of every command that loads them: local policy
// directories and data files beside the embedded policies.
type policyOptions struct {
	Policies []string `mapstructure:"policies"`
	Data     []string `mapstructure:"data"`
}

// engine builds the engine from the embedded policies plus the local ones and
// data, with opts (a timeout, the wording of errors: the command line words
// them with hint).
func (po policyOptions) engine(ctx context.Context, opts engine.Options) (*engine.Engine, error) {
	for _, dir := range po.Policies {
		info, err := os.Stat(dir)
		if err != nil || !info.IsDir() {
			return nil, usageError{fmt.Errorf("--policies %s: not a directory", dir)}
		}
		opts.Local = append(opts.Local, os.DirFS(dir))
	}
	for _, file := range po.Data {
		d, err := readData(file)
		if err != nil {
			return nil, err
		}
		opts.Data = merge(opts.Data, d)
	}
	return engine.New(ctx, policies.FS, opts)
}

// readData reads a JSON or YAML object; numbers stay exact.
func readData(file string) (map[string]any, error) {
	b, err := readConfigFile(file)
	if err != nil {
		return nil, fmt.Errorf("read data %s: %w", file, errors.Unwrap(err))
	}
	if ext := strings.ToLower(filepath.Ext(file)); ext == ".yaml" || ext == ".yml" {
		if b, err = yaml.YAMLToJSON(b); err != nil {
			return nil, fmt.Errorf("read data %s: %w", file, err)
		}
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("read data %s: want a JSON or YAML object: %w", file, err)
	}
	return m, nil
}

// merge merges b into a, key by key; b wins.
func merge(a, b map[string]any) map[string]any {
	if a == nil {
		a = map[string]any{}
	}
	for k, bv := range b {
		if am, ok := a[k].(map[string]any); ok {
			if bm, ok := bv.(map[string]any); ok {
				a[k] = merge(am, bm)
				continue
			}
		}
		a[k] = bv
	}
	return a
}
