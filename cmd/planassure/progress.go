package main

import (
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progressMin is the batch size from which "auto" shows a progress bar.
const progressMin = 50

// progress is a bar on stderr, or nothing: never in files or pipes unless asked.
type progress struct{ bar *progressbar.ProgressBar }

func newProgress(mode string, n int, stderr io.Writer) progress {
	show := false
	switch mode {
	case "always":
		show = true
	case "auto":
		f, ok := stderr.(*os.File)
		show = ok && term.IsTerminal(int(f.Fd())) && n >= progressMin
	}
	if !show {
		return progress{}
	}
	return progress{progressbar.NewOptions(n,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription("checking plans"),
		progressbar.OptionShowCount(),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100_000_000),
	)}
}

func (p progress) tick() {
	if p.bar != nil {
		_ = p.bar.Add(1)
	}
}

func (p progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
