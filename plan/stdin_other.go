//go:build !linux

package plan

import (
	"io/fs"
	"os"
)

// reopen: only Linux opens a descriptor's pipe or terminal anew
// (/proc/self/fd); elsewhere /dev/fd/N duplicates the descriptor, sharing its
// blocking mode, so standard input that Go does not poll is read in a
// goroutine (readTimed).
func reopen(*os.File, fs.FileInfo) (*os.File, error) { return nil, errNoReopen }
