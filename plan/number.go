package plan

import (
	"encoding/json"
	"fmt"
	"strings"
)

// MaxFigureDigits is the most digits a number in a plan may have before, and
// after, its decimal point: a 30-digit figure is far beyond any budget in £000,
// and 30 decimal places far below a penny, yet every such figure is still read
// and compared exactly.
const MaxFigureDigits = 30

// checkNumber refuses numbers the rules could not compare exactly: written with
// an exponent, or with more than MaxFigureDigits digits either side of the point.
func checkNumber(n json.Number) error {
	s := string(n)
	shown := s
	if len(shown) > 24 {
		shown = shown[:20] + "..."
	}
	if strings.ContainsAny(s, "eE") {
		return fmt.Errorf("%s is written with an exponent (e): write the figure in plain digits, e.g. 1500 not 1.5e3", shown)
	}
	whole, frac, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	if len(frac) > MaxFigureDigits {
		return fmt.Errorf("%s has %d decimal places: round it to %d or fewer (money is in £000, so 3 places is £1)",
			shown, len(frac), MaxFigureDigits)
	}
	if len(whole) > MaxFigureDigits {
		return fmt.Errorf("%s has %d digits before the decimal point, more than the %d a figure may have: check the units (money is in £000)",
			shown, len(whole), MaxFigureDigits)
	}
	return nil
}
