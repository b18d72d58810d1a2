package engine

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"
	"sort"
	"strconv"
	"sync"

	"github.com/planassure/planassure/cache"
	"github.com/planassure/planassure/plan"
)

// Digest is what every result of this engine depends on besides the plan: the
// policy sources by module name, the data, the plan schema, the evaluation
// timeout and the build of the program. Two engines with the same digest give
// the same result for the same plan; a result cache keys on it (with the
// reading options and the plan's bytes).
func (e *Engine) Digest() []byte {
	e.digestOnce.Do(func() {
		k := cache.NewHasher().AddString(programIdentity()).Add(e.rulesSum).Key()
		e.digest = k[:]
	})
	return e.digest
}

// rulesDigest digests the policy sources, the data, the schema and the timeout.
func rulesDigest(sources map[string][]byte, data map[string]any, timeout any) ([]byte, error) {
	h := cache.NewHasher()
	names := make([]string, 0, len(sources))
	for n := range sources {
		names = append(names, n)
	}
	sort.Strings(names)
	h.AddString("policies " + strconv.Itoa(len(names)))
	for _, n := range names {
		h.AddString(n).Add(sources[n])
	}
	d, err := json.Marshal(data) // object keys sorted, numbers as written
	if err != nil {
		return nil, fmt.Errorf("digest data: %w", err)
	}
	h.AddString("data").Add(d)
	h.AddString("schema").Add(plan.Schema)
	h.AddString(fmt.Sprintf("timeout %v", timeout))
	k := h.Key()
	return k[:], nil
}

var (
	programOnce sync.Once
	programID   string
)

// programIdentity names the build of this program, so that a cache written by
// one build is never read by another: the module version and VCS revision of
// a clean build, else a digest of the executable itself.
func programIdentity() string {
	programOnce.Do(func() {
		var rev, modified string
		bi, ok := debug.ReadBuildInfo()
		if ok {
			for _, s := range bi.Settings {
				switch s.Key {
				case "vcs.revision":
					rev = s.Value
				case "vcs.modified":
					modified = s.Value
				}
			}
			if rev != "" && modified == "false" {
				programID = bi.Main.Path + "@" + bi.Main.Version + " " + rev
				return
			}
		}
		programID = "unknown build"
		if exe, err := os.Executable(); err == nil {
			if b, err := os.ReadFile(exe); err == nil {
				programID = "executable " + cache.NewHasher().Add(b).Key().String()
			}
		}
	})
	return programID
}

// WellFormed reports whether r is a result this engine could have given a
// plan it evaluated: one outcome per rule in order, no problems, no members,
// nothing waived, and counts and verdict that agree with the findings. A
// result cache checks what it reads with it.
func (e *Engine) WellFormed(r Result) bool {
	if r.Findings == nil || len(r.Problems) > 0 || len(r.Members) > 0 || len(r.Rules) != len(e.ids) {
		return false
	}
	for i, o := range r.Rules {
		if o.Rule != e.ids[i] {
			return false
		}
	}
	for _, f := range r.Findings {
		if f.Waived != nil {
			return false
		}
	}
	check := r
	check.Finish()
	return check.Verdict == r.Verdict && check.Errors == r.Errors && check.Warnings == r.Warnings && r.Waived == 0
}

// Shared returns r with its rule outcomes shared with other results that have
// the same (see outcomeTable): for results that did not come from Evaluate.
func (e *Engine) Shared(r Result) Result {
	r.Rules = e.outcomes.intern(r.Rules)
	return r
}
