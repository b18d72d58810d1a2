package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/testutil"
	"github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/policies"
)

// TestBundleContents: one root, no tests, the policy digest as revision.
func TestBundleContents(t *testing.T) {
	file := filepath.Join(t.TempDir(), "planassure.tar.gz")
	if code, _, errOut := runIn(t, "", "bundle", "-o", file); code != 0 || errOut != "" {
		t.Fatalf("bundle: exit %d, stderr %q", code, errOut)
	}
	b := readBundle(t, file, nil)
	digest, err := engine.PolicyDigest(policies.FS, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if b.Manifest.Revision != digest || b.Manifest.Roots == nil || !cmp.Equal(*b.Manifest.Roots, []string{"planassure"}) {
		t.Errorf("manifest revision %q roots %v; want %q [planassure]", b.Manifest.Revision, b.Manifest.Roots, digest)
	}
	if len(b.Modules) < 40 {
		t.Errorf("%d modules", len(b.Modules))
	}
	for _, m := range b.Modules {
		if strings.HasSuffix(m.Path, "_test.rego") || !strings.HasPrefix(m.Parsed.Package.Path.String(), "data.planassure.") {
			t.Errorf("module %s (package %s) does not belong in the bundle", m.Path, m.Parsed.Package.Path)
		}
	}
	again := filepath.Join(t.TempDir(), "again.tar.gz")
	runIn(t, "", "bundle", "-o", again)
	if x, y := readFile(t, file), readFile(t, again); !bytes.Equal(x, y) {
		t.Error("two bundles of the same rules differ")
	}
	if code, _, errOut := runIn(t, "", "bundle"); code != 2 || !strings.Contains(errOut, "-o FILE") {
		t.Errorf("bundle without -o: exit %d, stderr %q", code, errOut)
	}
}

// TestBundleSigned: --signing-key signs the bundle; OPA verifies it with the
// public key and rejects it with another.
func TestBundleSigned(t *testing.T) {
	dir := t.TempDir()
	pub := func(k *rsa.PrivateKey) string {
		der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
		if err != nil {
			t.Fatal(err)
		}
		return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	other, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(dir, "private.pem")
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}), 0o600); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "signed.tar.gz")
	if code, _, errOut := runIn(t, "", "bundle", "-o", file, "--signing-key", keyFile); code != 0 {
		t.Fatalf("bundle --signing-key: exit %d, stderr %q", code, errOut)
	}
	verify := func(pemKey string) error {
		vc := bundle.NewVerificationConfig(map[string]*bundle.KeyConfig{"default": {Key: pemKey, Algorithm: "RS256"}}, "default", "", nil)
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		_, err = bundle.NewReader(f).WithBundleVerificationConfig(vc).Read()
		return err
	}
	if err := verify(pub(key)); err != nil {
		t.Errorf("the signed bundle does not verify: %v", err)
	}
	if err := verify(pub(other)); err == nil {
		t.Error("the bundle verifies with another key")
	}
	if code, _, errOut := runIn(t, "", "bundle", "-o", file, "--signing-key", filepath.Join(dir, "none.pem")); code != 2 {
		t.Errorf("missing key: exit %d, stderr %q", code, errOut)
	}
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readBundle(t *testing.T, file string, vc *bundle.VerificationConfig) bundle.Bundle {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := bundle.NewReader(f).WithBundleVerificationConfig(vc).Read()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestOPAServerAgrees builds the bundle, serves it with a stock OPA server
// (the opa of go.mod's tool directive) on 127.0.0.1, posts every shipped plan
// to its Data API and requires the findings (rule, title, severity, pointer,
// message) and the verdict planassure gives. The test stops the server.
func TestOPAServerAgrees(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts an OPA server")
	}
	t.Chdir("../..")
	dir := t.TempDir()
	file := filepath.Join(dir, "planassure.tar.gz")
	if code, _, errOut := runIn(t, "", "bundle", "-o", file); code != 0 {
		t.Fatalf("bundle: exit %d, stderr %q", code, errOut)
	}
	opa := filepath.Join(dir, "opa")
	if out, err := exec.Command("go", "build", "-o", opa, "github.com/open-policy-agent/opa").CombinedOutput(); err != nil {
		t.Fatalf("build opa: %v\n%s", err, out)
	}
	addr := freeAddr(t)
	var logs testutil.Buffer // written by the server process while the test reads it
	srv := exec.Command(opa, "run", "--server", "--addr", addr, "--bundle", file, "--log-level", "error")
	srv.Stdout, srv.Stderr = &logs, &logs
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = srv.Process.Kill()
		_ = srv.Wait()
	})
	base := "http://" + addr
	waitHealthy(t, base+"/health?bundles", &logs)

	eng, err := engine.New(t.Context(), policies.FS, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	plans, _ := filepath.Glob("plans/*.json")
	if len(plans) == 0 {
		t.Fatal("no shipped plans")
	}
	for _, path := range plans {
		p, err := plan.Read(t.Context(), path, nil, plan.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		res := eng.Evaluate(t.Context(), p)
		var want []string
		for _, f := range res.Findings {
			want = append(want, strings.Join([]string{f.Rule, f.Title, string(f.Severity), f.Pointer, f.Message}, " | "))
		}
		var got struct {
			Result struct {
				Findings []struct {
					Rule, Title, Severity, Pointer, Msg string
				} `json:"findings"`
				Deny    []json.RawMessage `json:"deny"`
				Warn    []json.RawMessage `json:"warn"`
				Verdict string            `json:"verdict"`
			} `json:"result"`
		}
		body := fmt.Sprintf(`{"input": %s}`, readFile(t, path))
		resp, err := http.Post(base+"/v1/data/planassure/main", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		err = json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d, %v", path, resp.StatusCode, err)
		}
		var have []string
		for _, f := range got.Result.Findings {
			have = append(have, strings.Join([]string{f.Rule, f.Title, f.Severity, f.Pointer, f.Msg}, " | "))
		}
		sort.Strings(want)
		sort.Strings(have)
		if diff := cmp.Diff(want, have); diff != "" {
			t.Errorf("%s: planassure (-) and the OPA server (+) disagree:\n%s", path, diff)
		}
		if got.Result.Verdict != string(res.Verdict) || len(got.Result.Deny) != res.Errors || len(got.Result.Warn) != res.Warnings {
			t.Errorf("%s: OPA verdict %s, %d deny, %d warn; planassure %s, %d errors, %d warnings", path,
				got.Result.Verdict, len(got.Result.Deny), len(got.Result.Warn), res.Verdict, res.Errors, res.Warnings)
		}
	}
}

// freeAddr is a loopback address with a port nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// waitHealthy polls the server's health endpoint until it answers 200, for
// at most a minute.
func waitHealthy(t *testing.T, url string, logs *testutil.Buffer) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the OPA server did not become healthy: %s", logs.String())
		case <-time.After(100 * time.Millisecond):
		}
	}
}
