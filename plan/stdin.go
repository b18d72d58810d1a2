package plan

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"
)

// readFileTimed reads standard input f to its end in the calling goroutine,
// under a read deadline of lim.ReadTimeout that ctx's end brings forward, so a
// reader given up on is not left blocked in Read. handled is false where f
// takes no deadline, and nothing has been read.
//
// A regular file cannot block and is read as it is. A pipe, FIFO or terminal
// takes a deadline where Go polls it (the ends of os.Pipe). os.Stdin is polled
// only if its descriptor was non-blocking when the program started; making it
// so would change the open file description it shares with the shell and the
// writer (O_NONBLOCK belongs to the description, and a dup shares it). It is
// opened again instead (reopen): a new description of the same pipe or
// terminal, which reads the same bytes and is non-blocking on its own.
func readFileTimed(ctx context.Context, f *os.File, lim Limits) (data []byte, handled bool, err error) {
	info, err := f.Stat()
	if err != nil {
		return nil, false, nil
	}
	if info.Mode().IsRegular() {
		data, err := readLimited(f, lim.MaxFileSize, info.Size())
		return data, true, err
	}
	deadline := time.Now().Add(lim.ReadTimeout)
	src := f
	if f.SetReadDeadline(deadline) == nil {
		defer f.SetReadDeadline(time.Time{})
	} else {
		g, err := reopen(f, info)
		if err != nil {
			return nil, false, nil
		}
		defer g.Close()
		if g.SetReadDeadline(deadline) != nil {
			return nil, false, nil
		}
		src = g
	}
	woken := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		defer close(woken)
		src.SetReadDeadline(time.Unix(1, 0)) // past: the read returns at once
	})
	data, err = readLimited(src, lim.MaxFileSize, 0)
	if !stop() {
		<-woken // the wake-up ran or is running: let it end before src closes
	}
	switch {
	case err == nil:
		return data, true, nil
	case errors.Is(err, os.ErrDeadlineExceeded) && ctx.Err() != nil:
		return nil, true, fmt.Errorf("reading stopped: %w", ctx.Err())
	case errors.Is(err, os.ErrDeadlineExceeded):
		return nil, true, &ReadTimeoutError{Limit: lim.ReadTimeout}
	}
	return nil, true, err
}

// errNoReopen: the system cannot open a descriptor's file anew.
var errNoReopen = errors.New("cannot open standard input anew")
