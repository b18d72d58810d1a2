package testutil

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"testing"
	"time"
)

// ChromiumBin is the path of a Chromium to drive headless: $CHROMIUM or the
// first of the usual names on PATH. It skips the test when there is none.
func ChromiumBin(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium not found (install it: apt-get install -y chromium; or set CHROMIUM): browser test skipped")
	return ""
}

// Chromium runs headless Chromium bin on url with extra flags (--dump-dom,
// --screenshot=…, --window-size=…) in a profile of its own, and returns its
// standard output. It fails the test when Chromium fails or takes more than
// two minutes.
func Chromium(t *testing.T, bin, url string, extra ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
		"--force-device-scale-factor=1", "--user-data-dir=" + t.TempDir()}, extra...)
	cmd := exec.CommandContext(ctx, bin, append(args, url)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", url, err, stderr.String())
	}
	return stdout.Bytes()
}
