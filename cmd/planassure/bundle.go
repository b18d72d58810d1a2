package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/spf13/cobra"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/buildinfo"
	"github.com/planassure/planassure/policies"
)

// bundleRoot is the one namespace the policies live under, and the only root
// the bundle claims on an OPA server it shares with other bundles.
const bundleRoot = "planassure"

func newBundleCmd() *cobra.Command {
	var out, key, alg string
	cmd := &cobra.Command{
		Use:   "bundle -o FILE",
		Short: "Write the built-in rules as an OPA bundle for opa run --server, conftest or any OPA",
		Long: `Write the built-in rules as an OPA bundle (tar.gz): the Rego modules without their
tests, under the one root "planassure", with the policy digest (what planassure
version prints) as the bundle's revision. A stock "opa run --server --bundle FILE"
then answers POST /v1/data/planassure/main with the findings planassure gives
(each with its rule, title and severity) and data.planassure.main.verdict, the
plan's verdict before waivers. With --signing-key the bundle is signed (OPA's
.signatures.json), for "opa run --verification-key".`,
		Example: `  planassure bundle -o planassure.tar.gz
  planassure bundle -o planassure.tar.gz --signing-key private.pem
  opa run --server --bundle planassure.tar.gz`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError{errors.New("bundle needs -o FILE")}
			}
			var b bytes.Buffer
			if err := writeBundle(&b, key, alg); err != nil {
				return err
			}
			if out == "-" {
				_, err := cmd.OutOrStdout().Write(b.Bytes())
				return err
			}
			return os.WriteFile(out, b.Bytes(), 0o644)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&out, "output", "o", "", `bundle file to write ("-" for standard output)`)
	f.StringVar(&key, "signing-key", "", "PEM private key (or HMAC secret) file to sign the bundle with")
	f.StringVar(&alg, "signing-alg", "RS256", "signing algorithm, as opa build --signing-alg (RS256, ES256, HS256 ...)")
	return cmd
}

// policyBundle is the built-in rules as an OPA bundle, tests left out.
func policyBundle() (bundle.Bundle, error) {
	digest, err := engine.PolicyDigest(policies.FS, nil, nil)
	if err != nil {
		return bundle.Bundle{}, err
	}
	var paths []string
	err = fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".rego") && !strings.HasSuffix(p, "_test.rego") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return bundle.Bundle{}, err
	}
	sort.Strings(paths)
	roots := []string{bundleRoot}
	b := bundle.Bundle{
		Manifest: bundle.Manifest{Revision: digest, Roots: &roots,
			Metadata: map[string]any{"name": "planassure", "version": buildinfo.Read().Version}},
		Data: map[string]any{},
	}
	for _, p := range paths {
		raw, err := fs.ReadFile(policies.FS, p)
		if err != nil {
			return bundle.Bundle{}, err
		}
		mod, err := ast.ParseModuleWithOpts(p, string(raw), ast.ParserOptions{ProcessAnnotation: true})
		if err != nil {
			return bundle.Bundle{}, fmt.Errorf("parse %s: %w", p, err)
		}
		if pkg := mod.Package.Path.String(); !strings.HasPrefix(pkg, "data."+bundleRoot+".") {
			return bundle.Bundle{}, fmt.Errorf("%s: package %s is outside the bundle root %s", p, pkg, bundleRoot)
		}
		url := path.Join("/", bundleRoot, p)
		b.Modules = append(b.Modules, bundle.ModuleFile{URL: url, Path: url, Raw: raw, Parsed: mod})
	}
	return b, nil
}

// writeBundle writes the bundle as tar.gz, signed when key names a key file.
func writeBundle(w io.Writer, key, alg string) error {
	b, err := policyBundle()
	if err != nil {
		return err
	}
	if key != "" {
		if _, err := os.Stat(key); err != nil {
			return usageError{fmt.Errorf("--signing-key %s: %w", key, err)}
		}
		if err := b.GenerateSignature(bundle.NewSigningConfig(key, alg, ""), "", false); err != nil {
			return fmt.Errorf("sign bundle: %w", err)
		}
	}
	if err := bundle.NewWriter(w).Write(b); err != nil {
		return fmt.Errorf("write bundle: %w", err)
	}
	return nil
}
