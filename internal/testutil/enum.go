package testutil

import (
	"reflect"

	"github.com/invopop/jsonschema"

	"github.com/planassure/planassure/engine"
)

// EnumMapper gives the string types of the engine with a closed set of
// values their enum, for a jsonschema.Reflector: the schemas in docs/schema
// and the service's OpenAPI description.
func EnumMapper(t reflect.Type) *jsonschema.Schema {
	enum := func(vs ...any) *jsonschema.Schema { return &jsonschema.Schema{Type: "string", Enum: vs} }
	switch t {
	case reflect.TypeOf(engine.Severity("")):
		// "" where a finding leaves the rule's default (never in a report)
		return enum(string(engine.SeverityError), string(engine.SeverityWarning))
	case reflect.TypeOf(engine.Outcome("")):
		return enum(string(engine.OutcomePassed), string(engine.OutcomeFailed), string(engine.OutcomeNotApplicable))
	case reflect.TypeOf(engine.Verdict("")):
		var vs []any
		for _, v := range engine.Verdicts {
			vs = append(vs, string(v))
		}
		return enum(append(vs, string(engine.VerdictAbsent))...)
	}
	return nil
}
