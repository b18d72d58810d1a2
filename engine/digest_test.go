package engine_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/planassure/planassure/engine"
)

// TestGoBuildID: the build ID read from the executable's note is the one `go
// tool buildid` reports, and a file that is not an executable has none (the
// cache's program identity then digests the file).
func TestGoBuildID(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the build ID is read from ELF executables")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Fatalf("go tool buildid: %v", err)
	}
	want := strings.TrimSpace(string(out))
	if got := engine.GoBuildID(exe); got != want || got == "" {
		t.Errorf("build ID %q, want %q", got, want)
	}
	other := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(other, []byte(`{"organisation": {}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := engine.GoBuildID(other); got != "" {
		t.Errorf("a JSON file has build ID %q", got)
	}
}
