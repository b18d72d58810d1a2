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
	// one pass over the digits: the common figure is refused by nothing
	point, exponent := -1, false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.':
			if point < 0 {
				point = i
			}
		case 'e', 'E':
			exponent = true
		}
	}
	sign := 0
	if strings.HasPrefix(s, "-") {
		sign = 1
	}
	wholeDigits, fracDigits := len(s)-sign, 0
	if point >= 0 {
		wholeDigits, fracDigits = point-sign, len(s)-point-1
	}
	if !exponent && wholeDigits <= MaxFigureDigits && fracDigits <= MaxFigureDigits {
		return nil
	}
	shown := s
	if len(shown) > 24 {
		shown = shown[:20] + "..."
	}
	if exponent {
		return fmt.Errorf("%s is written with an exponent (e): write the figure in plain digits, e.g. 1500 not 1.5e3", shown)
	}
	if fracDigits > MaxFigureDigits {
		return fmt.Errorf("%s has %d decimal places: round it to %d or fewer (money is in £000, so 3 places is £1)",
			shown, fracDigits, MaxFigureDigits)
	}
	return fmt.Errorf("%s has %d digits before the decimal point, more than the %d a figure may have: check the units (money is in £000)",
		shown, wholeDigits, MaxFigureDigits)
}
