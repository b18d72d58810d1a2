package plan

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Limits bound what reading one plan may take: far above any real plan (the
// largest shipped plan is under 30 KiB and six levels deep).
type Limits struct {
	// MaxFileSize is the most bytes read of a plan (a file or standard input);
	// a larger file is refused without being read. 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// MaxDepth is the deepest nesting of objects and arrays; 0 means MaxDepth.
	MaxDepth int
	// ReadTimeout bounds the wait for standard input to end; 0 means
	// DefaultReadTimeout.
	ReadTimeout time.Duration
}

// The default limits.
const (
	DefaultMaxFileSize = 10 << 20 // 10 MiB
	DefaultReadTimeout = 10 * time.Second
)

// WithDefaults returns l with the defaults in place of zero fields.
func (l Limits) WithDefaults() Limits {
	l.MaxFileSize = cmp.Or(max(l.MaxFileSize, 0), DefaultMaxFileSize)
	l.MaxDepth = cmp.Or(max(l.MaxDepth, 0), MaxDepth)
	l.ReadTimeout = cmp.Or(max(l.ReadTimeout, 0), DefaultReadTimeout)
	return l
}

// The reasons a file is not read, for errors.Is. The errors returned carry
// the figures (TooLargeError, NotRegularError, ReadTimeoutError); each front
// end adds its own advice (a flag to raise, a limit of the service).
var (
	ErrTooLarge    = errors.New("the plan is larger than the limit")
	ErrNotRegular  = errors.New("not a regular file")
	ErrReadTimeout = errors.New("reading the plan took longer than the limit")
)

// TooLargeError is a plan over Limits.MaxFileSize.
type TooLargeError struct{ Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the file is larger than %s, the most a plan may be: check it is a plan submission", ByteSize(e.Limit))
}

func (e *TooLargeError) Is(target error) bool { return target == ErrTooLarge }

// NotRegularError is a path that names a directory, a named pipe, a device or
// a socket: only regular files are read, so that no read can block.
type NotRegularError struct{ Kind string }

func (e *NotRegularError) Error() string {
	if e.Kind == "directory" {
		return "cannot read the file: it is a directory"
	}
	return fmt.Sprintf("cannot read the file: it is a %s, not a regular file: name a plan file", e.Kind)
}

func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// ReadTimeoutError is standard input that did not end within Limits.ReadTimeout.
type ReadTimeoutError struct{ Limit time.Duration }

func (e *ReadTimeoutError) Error() string {
	return fmt.Sprintf("standard input did not end within %s: pipe a whole plan in", e.Limit)
}

func (e *ReadTimeoutError) Is(target error) bool { return target == ErrReadTimeout }

// kindOf names a file mode that is not a regular file; "" for a regular one.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "directory"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "special file"
}

// ReadFile reads the bytes of one plan: a regular file (following links), or
// standard input for "-". Anything else (a directory, a FIFO, a device) is
// refused before it is opened, and a file is opened without blocking and
// checked again, so a read never waits on a writer. A file is measured before
// it is read; neither a file nor standard input is read past
// lim.MaxFileSize, and standard input is waited for at most lim.ReadTimeout.
func ReadFile(ctx context.Context, path string, stdin io.Reader, lim Limits) ([]byte, error) {
	return ReadFileTo(ctx, path, stdin, lim, nil)
}

// ReadFileTo is ReadFile reading a file into buf's space when the file fits
// in it (the bytes returned then share buf's array), so that a caller reading
// many files, and keeping none of their bytes, allocates once. Standard input
// is read as ReadFile reads it.
func ReadFileTo(ctx context.Context, path string, stdin io.Reader, lim Limits, buf []byte) ([]byte, error) {
	lim = lim.WithDefaults()
	if path == "-" {
		if stdin == nil {
			return nil, errors.New("no standard input")
		}
		return readTimed(ctx, stdin, lim)
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, fileError(err)
	}
	if k := kindOf(info.Mode()); k != "" {
		return nil, &NotRegularError{Kind: k}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fileError(err)
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, fileError(err)
	}
	if k := kindOf(info.Mode()); k != "" { // replaced since the first look
		return nil, &NotRegularError{Kind: k}
	}
	if info.Size() > lim.MaxFileSize {
		return nil, &TooLargeError{Limit: lim.MaxFileSize}
	}
	data, err := readLimitedTo(f, lim.MaxFileSize, info.Size(), buf)
	if err != nil {
		return nil, fileError(err)
	}
	return data, nil
}

// readTimed reads r (standard input) under the limits: a reader that does not
// end within lim.ReadTimeout, or before ctx is done, is given up on. A file
// (os.Stdin) is read under a read deadline (readFileTimed), so giving up leaves
// nothing behind. Any other reader, or a file that takes no deadline (a socket;
// a pipe or terminal on a system without /proc/self/fd), is read in a goroutine
// that is given up on: it stays blocked in Read until the reader ends or the
// process exits, and takes whatever bytes arrive meanwhile.
func readTimed(ctx context.Context, r io.Reader, lim Limits) ([]byte, error) {
	if f, ok := r.(*os.File); ok {
		if data, handled, err := readFileTimed(ctx, f, lim); handled {
			return data, err
		}
	}
	type read struct {
		data []byte
		err  error
	}
	done := make(chan read, 1)
	go func() {
		data, err := readLimited(r, lim.MaxFileSize, 0)
		done <- read{data, err}
	}()
	timer := time.NewTimer(lim.ReadTimeout)
	defer timer.Stop()
	select {
	case rd := <-done:
		return rd.data, rd.err
	case <-timer.C:
		return nil, &ReadTimeoutError{Limit: lim.ReadTimeout}
	case <-ctx.Done():
		return nil, fmt.Errorf("reading stopped: %w", ctx.Err())
	}
}

// readLimited reads r to its end, or fails with a TooLargeError after limit+1
// bytes. size is what r is expected to hold (0 if unknown): the buffer is
// allocated once for it, rather than grown as the bytes arrive.
func readLimited(r io.Reader, limit int64, size int64) ([]byte, error) {
	return readLimitedTo(r, limit, size, nil)
}

// readLimitedTo is readLimited reading into b's space while it suffices.
func readLimitedTo(r io.Reader, limit, size int64, b []byte) ([]byte, error) {
	buf := bytes.NewBuffer(b[:0])
	if size > 0 && size <= limit {
		buf.Grow(int(size) + bytes.MinRead) // ReadFrom wants MinRead free to read the end
	}
	if _, err := buf.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > limit {
		return nil, &TooLargeError{Limit: limit}
	}
	return buf.Bytes(), nil
}

func fileError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot read the file: %w", pe.Err)
	}
	return err
}

// ByteSize renders n bytes for a message: "10 MiB", "512 KiB", "100 bytes".
func ByteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// A Decoder turns the bytes of one file into a Plan, naming path in its
// errors; it ends with New, which checks the document against the schema.
type Decoder func(path string, data []byte, lim Limits) (Plan, error)

var (
	decodersMu sync.RWMutex
	sniffers   = map[string]func(data []byte) bool{}
	decoders   = map[string]Decoder{
		".json": func(path string, data []byte, lim Limits) (Plan, error) {
			return ReadJSON(path, data, lim.MaxDepth)
		},
	}
)

// Register makes files ending in ext (".xlsx") read by d; a directory named to
// check is searched for every registered extension.
func Register(ext string, d Decoder) {
	decodersMu.Lock()
	defer decodersMu.Unlock()
	decoders[strings.ToLower(ext)] = d
}

// RegisterSniffer makes data without a registered extension (standard input,
// a request body, an upload of another name) read by the decoder of ext when
// sniff recognises it (a workbook by its zip signature).
func RegisterSniffer(ext string, sniff func(data []byte) bool) {
	decodersMu.Lock()
	defer decodersMu.Unlock()
	sniffers[strings.ToLower(ext)] = sniff
}

// Extensions returns the registered file extensions, sorted.
func Extensions() []string {
	decodersMu.RLock()
	defer decodersMu.RUnlock()
	out := make([]string, 0, len(decoders))
	for ext := range decoders {
		out = append(out, ext)
	}
	slices.Sort(out)
	return out
}

// Decode reads the plan in data by the extension of path; when no decoder is
// registered for it (standard input, a request body), by a sniffer that
// recognises data, else as JSON.
func Decode(path string, data []byte, lim Limits) (Plan, error) {
	decodersMu.RLock()
	d, ok := decoders[strings.ToLower(filepath.Ext(path))]
	if !ok {
		d = decoders[".json"]
		exts := make([]string, 0, len(sniffers))
		for ext := range sniffers {
			exts = append(exts, ext)
		}
		slices.Sort(exts)
		for _, ext := range exts {
			if sd, ok := decoders[ext]; ok && sniffers[ext](data) {
				d = sd
				break
			}
		}
	}
	decodersMu.RUnlock()
	return d(path, data, lim.WithDefaults())
}

// Read reads and decodes one plan file ("-" reads stdin) under lim. An error
// is an *Error naming path, or Errors.
func Read(ctx context.Context, path string, stdin io.Reader, lim Limits) (Plan, error) {
	data, err := ReadFile(ctx, path, stdin, lim)
	if err != nil {
		return Plan{}, &Error{Path: path, Err: err}
	}
	return Decode(path, data, lim)
}
