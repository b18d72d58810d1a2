package cache

import (
	"bytes"
	"fmt"
	"os"
	"sync"
	"testing"
)

func TestPutGet(t *testing.T) {
	d, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	k := NewHasher().AddString("a").Key()
	if _, ok := d.Get(k); ok {
		t.Fatal("hit in an empty cache")
	}
	if err := d.Put(k, []byte("value")); err != nil {
		t.Fatal(err)
	}
	if v, ok := d.Get(k); !ok || string(v) != "value" {
		t.Fatalf("got %q, %v", v, ok)
	}
	if d.Len() != 1 {
		t.Errorf("Len %d, want 1", d.Len())
	}
}

// TestPartsAreDelimited: moving bytes between parts changes the key.
func TestPartsAreDelimited(t *testing.T) {
	if NewHasher().AddString("ab").AddString("c").Key() == NewHasher().AddString("a").AddString("bc").Key() {
		t.Error("parts ab,c and a,bc give the same key")
	}
}

// TestBadEntriesAreMisses damages an entry every way a file can be damaged:
// each is a miss, and a Put rewrites it whole.
func TestBadEntriesAreMisses(t *testing.T) {
	d, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	k := NewHasher().AddString("plan").Key()
	other := NewHasher().AddString("other").Key()
	if err := d.Put(k, []byte(`{"result": "good"}`)); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(d.file(k))
	if err != nil {
		t.Fatal(err)
	}
	flip := bytes.Clone(good)
	flip[len(flip)-3] ^= 1
	foreignKey := bytes.Clone(good)
	copy(foreignKey[len(magic):], other[:])
	oldVersion := bytes.Replace(bytes.Clone(good), []byte(fmt.Sprintf("v%d\n", Version)), []byte(fmt.Sprintf("v%d\n", Version-1)), 1)
	for name, b := range map[string][]byte{
		"empty":            {},
		"truncated header": good[:10],
		"truncated value":  good[:len(good)-2],
		"longer":           append(bytes.Clone(good), 'x'),
		"flipped bit":      flip,
		"another key":      foreignKey,
		"another version":  oldVersion,
		"foreign file":     []byte("not a cache entry at all, but long enough to hold a header of the right length, and more"),
	} {
		if err := os.WriteFile(d.file(k), b, 0o644); err != nil {
			t.Fatal(err)
		}
		if v, ok := d.Get(k); ok {
			t.Errorf("%s: trusted, got %q", name, v)
		}
		if err := d.Put(k, []byte(`{"result": "good"}`)); err != nil {
			t.Fatal(err)
		}
		if v, ok := d.Get(k); !ok || string(v) != `{"result": "good"}` {
			t.Errorf("%s: not rewritten: %q, %v", name, v, ok)
		}
	}
}

// TestConcurrentWriters: goroutines writing and reading the same keys never
// see a partial entry. (Processes share the same rename guarantee.)
func TestConcurrentWriters(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := Open(dir) // each writer its own handle, as separate processes would have
			if err != nil {
				t.Error(err)
				return
			}
			for i := range 200 {
				k := NewHasher().AddString(fmt.Sprint(i % 10)).Key()
				want := bytes.Repeat([]byte(fmt.Sprint(i%10)), 5000)
				if v, ok := d.Get(k); ok && !bytes.Equal(v, want) {
					t.Errorf("writer %d: key %d holds another value", w, i%10)
					return
				}
				if err := d.Put(k, want); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	d, _ := Open(dir)
	if d.Len() != 10 {
		t.Errorf("%d entries, want 10 (temporary files left behind?)", d.Len())
	}
	left, _ := os.ReadDir(dir)
	for _, sub := range left {
		files, _ := os.ReadDir(d.path + "/" + sub.Name())
		for _, f := range files {
			if len(f.Name()) != 64 {
				t.Errorf("left behind: %s", f.Name())
			}
		}
	}
}
