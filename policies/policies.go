// Package policies embeds the assurance rules: plain Rego that the engine, the
// opa CLI and conftest all read the same way.
package policies

import "embed"

// FS holds main.rego (the entrypoint) and its test, lib/ (shared helpers and the planning
// round thresholds) and rules/<area>/<rule>.rego, with their tests.
//
//go:embed *.rego lib rules
var FS embed.FS
