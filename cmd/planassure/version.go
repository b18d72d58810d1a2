package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/internal/buildinfo"
	"github.com/planassure/planassure/policies"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version, the VCS revision and the digest of the built-in rules",
		Long: `Print the module version and the VCS revision planassure was built from (a build
from a clone says "(devel)"), and the digest of its built-in rules: the same
figures the JSON, SARIF and HTML reports carry, so that a verdict can be traced
to the build and the exact rules that made it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			text, err := versionText()
			if err != nil {
				return err
			}
			_, err = io.WriteString(cmd.OutOrStdout(), text)
			return err
		},
	}
}

// versionText is the build and the built-in rules' digest, as lines.
func versionText() (string, error) {
	bi := buildinfo.Read()
	digest, err := engine.PolicyDigest(policies.FS, nil, nil)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "planassure %s\n", bi.Version)
	if bi.Revision != "" {
		fmt.Fprintf(&b, "revision: %s\nmodified: %t\n", bi.Revision, bi.Modified)
	}
	fmt.Fprintf(&b, "policy digest: %s\n", digest)
	return b.String(), nil
}
