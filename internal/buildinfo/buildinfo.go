// Package buildinfo says which build of planassure is running: the module
// version and the version-control revision the Go toolchain stamped into the
// binary (go build from a clone, go install module@version).
package buildinfo

import (
	"runtime/debug"
	"strings"
)

// Devel is the version of a build that carries no module version: go run, go
// test, or a build from a clone without tags. Tests see it, so reports that
// print the version stay the same from run to run.
const Devel = "(devel)"

// Info is one build's identity.
type Info struct {
	Version  string // module version, e.g. v1.2.0, or Devel
	Revision string // VCS revision (commit), empty when unknown
	Modified bool   // the working tree had uncommitted changes
}

// Read reads the running binary's build information.
func Read() Info {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return Info{Version: Devel}
	}
	return fromBuildInfo(bi)
}

func fromBuildInfo(bi *debug.BuildInfo) Info {
	info := Info{Version: bi.Main.Version}
	if info.Version == "" {
		info.Version = Devel
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			info.Revision = s.Value
		case "vcs.modified":
			info.Modified = s.Value == "true"
		}
	}
	return info
}

// String is the version as one line: "v1.2.0 (revision 0123abcd, modified)".
func (i Info) String() string {
	var extra []string
	if i.Revision != "" {
		extra = append(extra, "revision "+i.Revision)
	}
	if i.Modified {
		extra = append(extra, "modified")
	}
	if len(extra) == 0 {
		return i.Version
	}
	return i.Version + " (" + strings.Join(extra, ", ") + ")"
}
