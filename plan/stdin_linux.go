package plan

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// reopen opens the pipe, FIFO or terminal f reads as a new open file
// description, non-blocking, through /proc/self/fd (Linux opens the file the
// descriptor refers to, not a duplicate of the descriptor). Opening without
// blocking also keeps a FIFO whose writers are gone from waiting for one.
func reopen(f *os.File, info fs.FileInfo) (*os.File, error) {
	conn, err := f.SyscallConn()
	if err != nil {
		return nil, err
	}
	var fd uintptr
	if err := conn.Control(func(d uintptr) { fd = d }); err != nil {
		return nil, err
	}
	g, err := os.OpenFile(fmt.Sprintf("/proc/self/fd/%d", fd), os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	if gi, err := g.Stat(); err != nil || !os.SameFile(info, gi) {
		g.Close()
		return nil, errNoReopen
	}
	return g, nil
}
