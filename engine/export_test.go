package engine

import (
	"context"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// GateOf is the engine's own value of the performance gate for doc (gate.go),
// as JSON values, and whether it computed one.
func GateOf(ctx context.Context, e *Engine, doc any) (any, bool) {
	return ownGate(ctx, e, doc, gateFor)
}

// IdentityGateOf is the engine's own value of identity.rego's gate for doc,
// as JSON values, and whether it computed one.
func IdentityGateOf(ctx context.Context, e *Engine, doc any) (any, bool) {
	return ownGate(ctx, e, doc, identityGateFor)
}

func ownGate(ctx context.Context, e *Engine, doc any, gate func(topdown.VirtualCache, any) (*ast.Term, bool)) (any, bool) {
	if e.seedFor(ctx, doc) == nil {
		return nil, false
	}
	key, _, _ := kindOf(doc)
	v, ok := gate(e.seeds.kinds[key].cache, doc)
	if !ok {
		return nil, false
	}
	out, err := ast.JSON(v.Value)
	return out, err == nil
}
