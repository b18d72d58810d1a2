package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// PolicyDigest identifies the exact rules a verdict was made by: the SHA-256,
// in hex, of one line per policy file, "<sha256 of the file>  <path>\n", sorted
// by path, where the files are the .rego files of fsys (as policies/...) and
// of each local tree (as local1/..., local2/...), tests excluded, and the data
// documents as one canonical JSON file, data.json (keys sorted). The same
// rules and data give the same digest whatever the order they were read in.
func PolicyDigest(fsys fs.FS, local []fs.FS, data map[string]any) (string, error) {
	lines := []string{}
	add := func(tree fs.FS, prefix string) error {
		return fs.WalkDir(tree, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
				return nil
			}
			b, err := fs.ReadFile(tree, p)
			if err != nil {
				return err
			}
			lines = append(lines, fileLine(b, prefix+"/"+p))
			return nil
		})
	}
	if err := add(fsys, "policies"); err != nil {
		return "", fmt.Errorf("policy digest: %w", err)
	}
	for i, l := range local {
		if err := add(l, fmt.Sprintf("local%d", i+1)); err != nil {
			return "", fmt.Errorf("policy digest: %w", err)
		}
	}
	if len(data) > 0 {
		b, err := json.Marshal(data)
		if err != nil {
			return "", fmt.Errorf("policy digest: %w", err)
		}
		lines = append(lines, fileLine(b, "data.json"))
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i][66:] < lines[j][66:] }) // by path
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

func fileLine(b []byte, path string) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]) + "  " + path + "\n"
}
