package engine

import (
	"context"

	"github.com/open-policy-agent/opa/v1/ast"
)

// GateOf is the engine's own value of the performance gate for doc (gate.go),
// as JSON values, and whether it computed one.
func GateOf(ctx context.Context, e *Engine, doc any) (any, bool) {
	if e.seedFor(ctx, doc) == nil {
		return nil, false
	}
	key, _, _ := kindOf(doc)
	gate, ok := gateFor(e.seeds.kinds[key].cache, doc)
	if !ok {
		return nil, false
	}
	v, err := ast.JSON(gate.Value)
	return v, err == nil
}

// IdentityGateOf is the engine's own value of identity.rego's gate for doc,
// as JSON values, and whether it computed one.
func IdentityGateOf(ctx context.Context, e *Engine, doc any) (any, bool) {
	if e.seedFor(ctx, doc) == nil {
		return nil, false
	}
	key, _, _ := kindOf(doc)
	gate, ok := identityGateFor(e.seeds.kinds[key].cache, doc)
	if !ok {
		return nil, false
	}
	v, err := ast.JSON(gate.Value)
	return v, err == nil
}
