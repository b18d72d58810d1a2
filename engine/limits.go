package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// ReadPlan is the package's ReadPlan under the engine's limits (Options.MaxDepth).
func (e *Engine) ReadPlan(path string, data []byte) (Plan, error) {
	return readPlan(path, data, e.limits.maxDepth)
}

// readFile reads a plan file ("-" reads stdin) of at most the engine's
// MaxFileSize bytes. A file is measured before it is read; neither a file nor
// standard input is ever read past the limit.
func (e *Engine) readFile(path string, stdin io.Reader) ([]byte, error) {
	return readFileLimit(path, stdin, e.limits.maxFileSize)
}

func readFileLimit(path string, stdin io.Reader, limit int64) ([]byte, error) {
	tooBig := fmt.Errorf("the file is larger than %s, the most a plan may be: check it is a plan "+
		"submission (or raise --max-file-size)", ByteSize(limit))
	if path == "-" {
		if stdin == nil {
			return nil, errors.New("no standard input")
		}
		return readLimited(stdin, limit, tooBig, 0)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fileError(err)
	}
	if info.IsDir() {
		return nil, errors.New("cannot read the file: it is a directory")
	}
	if info.Mode().IsRegular() && info.Size() > limit {
		return nil, tooBig
	}
	var size int64
	if info.Mode().IsRegular() {
		size = info.Size()
	}
	data, err := readLimited(f, limit, tooBig, size)
	if err != nil {
		return nil, fileError(err)
	}
	return data, nil
}

// readLimited reads r to its end, or fails with tooBig after limit+1 bytes.
// size is what r is expected to hold (0 if unknown): the buffer is allocated
// once for it, rather than grown as the bytes arrive.
func readLimited(r io.Reader, limit int64, tooBig error, size int64) ([]byte, error) {
	var buf bytes.Buffer
	if size > 0 && size <= limit {
		buf.Grow(int(size) + bytes.MinRead) // ReadFrom wants MinRead free to read the end
	}
	if _, err := buf.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > limit {
		return nil, tooBig
	}
	return buf.Bytes(), nil
}

func fileError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot read the file: %w", pe.Err)
	}
	return err
}

// ByteSize renders n bytes for a message: "10 MiB", "512 KiB", "100 bytes".
func ByteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// evalError words an evaluation failure: a timeout, a cancelled run, or a rule
// that failed at run time (named by its id and file, never a silent pass).
func (e *Engine) evalError(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("evaluation took longer than %s: the plan is not assured; "+
			"a local policy may loop over too much (or raise --timeout)", e.limits.timeout)
	}
	if ctx.Err() != nil {
		return fmt.Errorf("evaluation stopped: %w", ctx.Err())
	}
	var te *topdown.Error
	if errors.As(err, &te) && te.Location != nil {
		where := fmt.Sprintf("%s:%d", te.Location.File, te.Location.Row)
		msg := te.Message
		if id := e.ruleOfFile(te.Location.File); id != "" {
			return fmt.Errorf("rule %s (%s) failed at run time: %s: the plan is not assured until the rule is fixed", id, where, msg)
		}
		return fmt.Errorf("policy %s failed at run time: %s: the plan is not assured until the policy is fixed", where, msg)
	}
	return fmt.Errorf("evaluate rules: %w", err)
}

// ruleOfFile is the id of the rule whose package lives in file, or "".
func (e *Engine) ruleOfFile(file string) string {
	for _, id := range e.ids {
		if e.rules[id].File == file {
			return id
		}
	}
	return ""
}

// deniedBuiltins are the built-in functions no policy may call: they reach the
// network, the environment, the clock or randomness (OPA marks them
// non-deterministic), so a verdict would depend on more than the plan and the data.
func deniedBuiltins() map[string]bool {
	denied := map[string]bool{}
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if b.Nondeterministic {
			denied[b.Name] = true
		}
	}
	for _, name := range []string{"http.send", "net.lookup_ip_addr", "opa.runtime", "time.now_ns", "rand.intn", "uuid.rfc4122", "trace"} {
		denied[name] = true
	}
	return denied
}

// capabilities are OPA's capabilities without the denied built-ins and with no
// network access: what every policy, built-in or local, is compiled with.
func capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	denied := deniedBuiltins()
	kept := caps.Builtins[:0:0]
	for _, b := range caps.Builtins {
		if !denied[b.Name] {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
}

// checkBuiltins names every call of a denied built-in in modules, by file and
// line, in words; the capabilities refuse them too, less clearly.
func checkBuiltins(modules map[string]*ast.Module) error {
	denied := deniedBuiltins()
	var errs []string
	for name, m := range modules {
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		who := "package " + pkg
		if id, ok := strings.CutPrefix(pkg, Namespace+".rules."); ok {
			who = "rule " + id
		}
		ast.WalkTerms(m, func(t *ast.Term) bool {
			ref, ok := t.Value.(ast.Ref)
			if !ok || !denied[ref.String()] {
				return false
			}
			where := name
			if t.Location != nil {
				where = fmt.Sprintf("%s:%d", name, t.Location.Row)
			}
			errs = append(errs, fmt.Sprintf("%s (%s) uses %s, which local policies may not use: "+
				"a rule may read only the plan and the data, never the network, the environment, the clock or randomness",
				who, where, ref))
			return false
		})
	}
	if len(errs) == 0 {
		return nil
	}
	sort.Strings(errs)
	return errors.New(strings.Join(dedupeStrings(errs), "\n"))
}

// MaxFigureDigits is the most digits a number in a plan may have before, and
// after, its decimal point: a 30-digit figure is far beyond any budget in £000,
// and 30 decimal places far below a penny, yet every such figure is still read
// and compared exactly.
const MaxFigureDigits = 30

// checkNumber refuses numbers the rules could not compare exactly: written with
// an exponent, or with more than MaxFigureDigits digits either side of the point.
func checkNumber(n json.Number) error {
	s := string(n)
	shown := s
	if len(shown) > 24 {
		shown = shown[:20] + "..."
	}
	if strings.ContainsAny(s, "eE") {
		return fmt.Errorf("%s is written with an exponent (e): write the figure in plain digits, e.g. 1500 not 1.5e3", shown)
	}
	whole, frac, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	if len(frac) > MaxFigureDigits {
		return fmt.Errorf("%s has %d decimal places: round it to %d or fewer (money is in £000, so 3 places is £1)",
			shown, len(frac), MaxFigureDigits)
	}
	if len(whole) > MaxFigureDigits {
		return fmt.Errorf("%s has %d digits before the decimal point, more than the %d a figure may have: check the units (money is in £000)",
			shown, len(whole), MaxFigureDigits)
	}
	return nil
}

// ReadPlanFile reads and validates one plan file ("-" reads stdin) under the
// engine's limits: the size limit before reading, the depth limit while decoding.
func (e *Engine) ReadPlanFile(path string, stdin io.Reader) (Plan, error) {
	data, err := e.readFile(path, stdin)
	if err != nil {
		return Plan{}, &PlanError{Path: path, Err: err}
	}
	return e.ReadPlan(path, data)
}
