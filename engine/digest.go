package engine

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"github.com/planassure/planassure/cache"
	"github.com/planassure/planassure/plan"
)

// PolicyDigest identifies the exact rules a verdict was made by: the SHA-256,
// in hex, of one line per policy file, "<sha256 of the file>  <path>\n", sorted
// by path, where the files are the .rego files of fsys (as policies/...) and
// of each local tree (as local1/..., local2/...), tests excluded, and the data
// documents as one canonical JSON file, data.json (keys sorted). The same
// rules and data give the same digest whatever the order they were read in.
func PolicyDigest(fsys fs.FS, local []fs.FS, data map[string]any) (string, error) {
	lines := []string{}
	add := func(tree fs.FS, prefix string) error {
		return fs.WalkDir(tree, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
				return nil
			}
			b, err := fs.ReadFile(tree, p)
			if err != nil {
				return err
			}
			lines = append(lines, fileLine(b, prefix+"/"+p))
			return nil
		})
	}
	if err := add(fsys, "policies"); err != nil {
		return "", fmt.Errorf("policy digest: %w", err)
	}
	for i, l := range local {
		if err := add(l, fmt.Sprintf("local%d", i+1)); err != nil {
			return "", fmt.Errorf("policy digest: %w", err)
		}
	}
	if len(data) > 0 {
		b, err := json.Marshal(data)
		if err != nil {
			return "", fmt.Errorf("policy digest: %w", err)
		}
		lines = append(lines, fileLine(b, "data.json"))
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i][66:] < lines[j][66:] }) // by path
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

func fileLine(b []byte, path string) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]) + "  " + path + "\n"
}

// Digest is what every result of this engine depends on besides the plan: the
// policy sources by module name, the data, the plan schema, the evaluation
// timeout and the build of the program. Two engines with the same digest give
// the same result for the same plan; a result cache keys on it (with the
// reading options and the plan's bytes).
func (e *Engine) Digest() []byte {
	e.digestOnce.Do(func() {
		k := cache.NewHasher().AddString(programIdentity()).Add(e.rulesSum).Key()
		e.cacheKey = k[:]
	})
	return e.cacheKey
}

// rulesDigest digests the policy digest (rules and data, see PolicyDigest),
// the plan schema and the timeout.
func rulesDigest(policyDigest string, timeout any) []byte {
	h := cache.NewHasher()
	h.AddString("policies").AddString(policyDigest)
	h.AddString("schema").Add(plan.Schema)
	h.AddString(fmt.Sprintf("timeout %v", timeout))
	k := h.Key()
	return k[:]
}

var (
	programOnce sync.Once
	programID   string
)

// programIdentity names the build of this program, so that a cache written by
// one build is never read by another: the module version and VCS revision of
// a clean build, else the Go build ID the linker writes into the executable
// (a digest of what was linked, read from its ELF note in microseconds),
// else a digest of the executable's bytes.
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
		exe, err := os.Executable()
		if err != nil {
			return
		}
		if id := goBuildID(exe); id != "" {
			programID = "go build ID " + id
		} else if b, err := os.ReadFile(exe); err == nil {
			programID = "executable " + cache.NewHasher().Add(b).Key().String()
		}
	})
	return programID
}

// goBuildID is the Go build ID in the ELF note the linker writes
// (.note.go.buildid: name "Go", type 4), or "" when the executable is not ELF
// or has none.
func goBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return ""
	}
	b, err := sec.Data()
	if err != nil || len(b) < 16 {
		return ""
	}
	nameSize, descSize, typ := f.ByteOrder.Uint32(b), f.ByteOrder.Uint32(b[4:]), f.ByteOrder.Uint32(b[8:])
	if nameSize != 4 || typ != 4 || string(b[12:16]) != "Go\x00\x00" || uint64(descSize) > uint64(len(b)-16) {
		return ""
	}
	return string(b[16 : 16+descSize])
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

// PackOutcomes writes rules, a result's outcome for every rule in the
// engine's order, as one letter a rule (p passed, f failed, n not
// applicable) and the reasons of the rules not applicable, in that order:
// a form that a cache reads back in a fraction of the time of the list.
// ok is false for a list that is not one outcome per rule in that order.
func (e *Engine) PackOutcomes(rules []RuleOutcome) (letters string, reasons []string, ok bool) {
	if len(rules) != len(e.ids) {
		return "", nil, false
	}
	b := make([]byte, len(rules))
	for i, o := range rules {
		if o.Rule != e.ids[i] {
			return "", nil, false
		}
		switch o.Outcome {
		case OutcomePassed:
			b[i] = 'p'
		case OutcomeFailed:
			b[i] = 'f'
		case OutcomeNotApplicable:
			b[i] = 'n'
			reasons = append(reasons, o.Reason)
		default:
			return "", nil, false
		}
	}
	return string(b), reasons, true
}

// UnpackOutcomes is the list PackOutcomes packed, shared with other results
// that have the same (outcomeTable); ok is false for letters and reasons it
// could not have written for this engine's rules.
func (e *Engine) UnpackOutcomes(letters string, reasons []string) ([]RuleOutcome, bool) {
	if len(letters) != len(e.ids) {
		return nil, false
	}
	rules := make([]RuleOutcome, len(letters))
	for i := range len(letters) {
		rules[i].Rule = e.ids[i]
		switch letters[i] {
		case 'p':
			rules[i].Outcome = OutcomePassed
		case 'f':
			rules[i].Outcome = OutcomeFailed
		case 'n':
			if len(reasons) == 0 || reasons[0] == "" {
				return nil, false
			}
			rules[i].Outcome, rules[i].Reason, reasons = OutcomeNotApplicable, reasons[0], reasons[1:]
		default:
			return nil, false
		}
	}
	if len(reasons) > 0 {
		return nil, false
	}
	return e.outcomes.intern(rules), true
}
