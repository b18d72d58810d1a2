// Package cache is a content-addressed store of per-plan results on disk, so
// that re-checking a batch costs only the plans that changed.
//
// A key is a SHA-256 digest over everything a result depends on (the caller
// decides what: the plan's bytes, the rules and data, the options). A value is
// opaque bytes. Each entry is one file, DIR/ab/abcdef...: a header naming the
// format version and the key, the value's length and its SHA-256, then the
// value. An entry whose header, key, length or checksum does not match (cut
// short, corrupted, or written by another program or version) is a miss and
// is overwritten by the next Put; it is never returned. Entries are written to
// a temporary file in the same directory and renamed into place, so a reader
// sees a whole entry or none, and concurrent processes sharing the directory
// are safe: the last rename wins, and every candidate is a whole entry.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
)

// Version is the entry format version, part of every key and header: bump it
// when the layout of entries or of the values stored changes.
const Version = 3

// magic opens every entry: the format and its version.
var magic = []byte(fmt.Sprintf("planassure-cache v%d\n", Version))

// Key names an entry: a SHA-256 digest.
type Key [sha256.Size]byte

func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Hasher builds a Key from parts. Each part is written with its length first,
// so that no two different lists of parts give the same key.
type Hasher struct{ h hash.Hash }

// NewHasher starts a key; the format version is its first part.
func NewHasher() *Hasher {
	h := &Hasher{h: sha256.New()}
	h.Add(magic)
	return h
}

// Add writes one part.
func (h *Hasher) Add(part []byte) *Hasher {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(part)))
	h.h.Write(n[:])
	h.h.Write(part)
	return h
}

// AddString writes one part.
func (h *Hasher) AddString(part string) *Hasher { return h.Add([]byte(part)) }

// Key is the digest of the parts written so far.
func (h *Hasher) Key() Key {
	var k Key
	h.h.Sum(k[:0])
	return k
}

// Dir is a cache in a directory. It is safe for concurrent use, within and
// across processes.
type Dir struct {
	path string
}

// Open uses dir as a cache, creating it if need be.
func Open(dir string) (*Dir, error) {
	if dir == "" {
		return nil, errors.New("cache: no directory given")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache %s: %w", dir, errors.Unwrap(err))
	}
	return &Dir{path: dir}, nil
}

// Path is the cache's directory.
func (d *Dir) Path() string { return d.path }

func (d *Dir) file(k Key) string {
	s := k.String()
	return filepath.Join(d.path, s[:2], s)
}

// headerLen is the length of an entry's header: magic, key, value length,
// value checksum.
var headerLen = len(magic) + sha256.Size + 8 + sha256.Size

// Get returns the value stored under k, or false when there is none or the
// entry does not check out.
func (d *Dir) Get(k Key) ([]byte, bool) {
	b, err := os.ReadFile(d.file(k))
	if err != nil || len(b) < headerLen {
		return nil, false
	}
	h := b[:headerLen]
	if !bytes.Equal(h[:len(magic)], magic) {
		return nil, false
	}
	h = h[len(magic):]
	if !bytes.Equal(h[:sha256.Size], k[:]) {
		return nil, false
	}
	h = h[sha256.Size:]
	n := binary.BigEndian.Uint64(h[:8])
	value := b[headerLen:]
	if uint64(len(value)) != n {
		return nil, false
	}
	sum := sha256.Sum256(value)
	if !bytes.Equal(h[8:], sum[:]) {
		return nil, false
	}
	return value, true
}

// Put stores value under k, replacing any entry there, atomically.
func (d *Dir) Put(k Key, value []byte) error {
	file := d.file(k)
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	sum := sha256.Sum256(value)
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(value)))
	buf := make([]byte, 0, headerLen+len(value))
	buf = append(buf, magic...)
	buf = append(buf, k[:]...)
	buf = append(buf, n[:]...)
	buf = append(buf, sum[:]...)
	buf = append(buf, value...)
	if _, err := tmp.Write(buf); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("cache: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cache: %w", err)
	}
	if err := os.Rename(tmp.Name(), file); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}

// Len counts the entries (for tests and diagnostics).
func (d *Dir) Len() int {
	n := 0
	_ = filepath.WalkDir(d.path, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && len(e.Name()) == 2*sha256.Size {
			n++
		}
		return nil
	})
	return n
}

// DefaultDir is the cache directory under the user's cache directory
// ($XDG_CACHE_HOME/planassure, ~/.cache/planassure, ...).
func DefaultDir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("cache: no user cache directory: %w", err)
	}
	return filepath.Join(d, "planassure"), nil
}
