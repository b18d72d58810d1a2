package server_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/server"
)

// TestHintNamesNoFlag: the service words the engine's typed errors for its
// users, naming none of the command line's flags.
func TestHintNamesNoFlag(t *testing.T) {
	for _, err := range []error{
		&engine.TimeoutError{Limit: time.Second},
		&engine.UnknownRoundError{Round: "2030/31"},
		fmt.Errorf("read: %w", &plan.TooLargeError{Limit: 100}),
	} {
		h := server.Hint(err)
		if h == "" || strings.Contains(h, "--") {
			t.Errorf("Hint(%v) = %q: want advice naming no flag", err, h)
		}
	}
	if h := server.Hint(fmt.Errorf("something else")); h != "" {
		t.Errorf("Hint of an untyped error = %q, want none", h)
	}
}
