package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// evalError words an evaluation failure: a timeout, a cancelled run, or a rule
// that failed at run time (named by its id and file, never a silent pass).
func (e *Engine) evalError(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &TimeoutError{Limit: e.timeout}
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
