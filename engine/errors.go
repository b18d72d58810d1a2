package engine

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// The causes of a failed evaluation, for errors.Is. The errors returned carry
// the figures (TimeoutError, UnknownRoundError); the engine's words name no
// option of any front end: each adds its own advice (Options.Hint).
var (
	// ErrNoRules is returned by New when the policies define no rule.
	ErrNoRules = errors.New("the policies define no rule under data.planassure.rules")
	// ErrTimeout is an evaluation that took longer than Options.Timeout.
	ErrTimeout = errors.New("evaluation timed out")
	// ErrUnknownRound is a plan of a planning round the policies do not know.
	ErrUnknownRound = errors.New("unknown planning round")
	// ErrUnknownRule is a rule id the policies do not define.
	ErrUnknownRule = errors.New("no rule")
)

// TimeoutError is an evaluation stopped at Options.Timeout.
type TimeoutError struct{ Limit time.Duration }

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("evaluation took longer than %s: the plan is not assured; a local policy may loop over too much", e.Limit)
}

func (e *TimeoutError) Is(target error) bool { return target == ErrTimeout }

// UnknownRoundError is a plan whose submission.round the policies have no
// thresholds for.
type UnknownRoundError struct {
	Round string
	Known []string // the rounds the policies know, sorted
}

func (e *UnknownRoundError) Error() string {
	return fmt.Sprintf("unknown planning round %q: known rounds are %s", e.Round, strings.Join(e.Known, ", "))
}

func (e *UnknownRoundError) Is(target error) bool { return target == ErrUnknownRound }
