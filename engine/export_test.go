package engine

import (
	"context"

	"github.com/open-policy-agent/opa/v1/ast"
)

// GateOf is the engine's own value of the performance gate for doc (gate.go),
// as JSON values, and whether it computed one.
func GateOf(ctx context.Context, e *Engine, doc any) (any, bool) {
	return ownGate(ctx, e, doc, func(g gates) gate {
		if g.performance == nil {
			return nil
		}
		return g.performance
	})
}

// IdentityGateOf is the engine's own value of identity.rego's gate for doc,
// as JSON values, and whether it computed one.
func IdentityGateOf(ctx context.Context, e *Engine, doc any) (any, bool) {
	return ownGate(ctx, e, doc, func(g gates) gate {
		if g.identity == nil {
			return nil
		}
		return g.identity
	})
}

type gate interface{ unsound(doc any) *ast.Term }

func ownGate(ctx context.Context, e *Engine, doc any, pick func(gates) gate) (any, bool) {
	if e.seedFor(ctx, doc) == nil {
		return nil, false
	}
	key, _, _ := kindOf(doc)
	g := pick(e.seeds.kinds[key].gates)
	if g == nil {
		return nil, false
	}
	out, err := ast.JSON(g.unsound(doc).Value)
	return out, err == nil
}

// GoBuildID is goBuildID, for tests.
var GoBuildID = goBuildID
