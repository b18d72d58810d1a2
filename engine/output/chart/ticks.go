package chart

import (
	"math/big"
	"strings"
)

// Axis is a value axis: its range [Lo, Hi] and the ticks that cover it, in
// exact decimal steps of 1, 2 or 5 × 10^k. Values are big.Rat, so a tick is
// never a float artefact (1.2000000001); labels carry the decimals of the
// step and no more.
type Axis struct {
	Lo, Hi   *big.Rat
	Step     *big.Rat
	Decimals int // decimal places of every label
	Ticks    []AxisTick
}

// AxisTick is one tick of an Axis: its exact value and its label.
type AxisTick struct {
	Value *big.Rat
	Label string
}

// Rat reads an exact decimal ("75.6", "-1200", "1e3"); ok is false for ""
// or anything that is not a number.
func Rat(s string) (*big.Rat, bool) {
	if s == "" {
		return nil, false
	}
	r, ok := new(big.Rat).SetString(s)
	return r, ok
}

// pow10 is 10^k as a rational, for any integer k.
func pow10(k int) *big.Rat {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(k))), nil)
	if k < 0 {
		return new(big.Rat).SetFrac(big.NewInt(1), p)
	}
	return new(big.Rat).SetInt(p)
}

func abs(k int) int {
	if k < 0 {
		return -k
	}
	return k
}

// magnitude is the k with 10^k <= x < 10^(k+1), for x > 0, found exactly:
// first from the numbers of digits of x's numerator and denominator (off by
// at most one), then corrected, so even 1e100000 takes two steps.
func magnitude(x *big.Rat) int {
	k := len(x.Num().String()) - len(x.Denom().String())
	for pow10(k).Cmp(x) > 0 {
		k--
	}
	for pow10(k+1).Cmp(x) <= 0 {
		k++
	}
	return k
}

// NiceAxis covers [lo, hi] with about n steps (n >= 1) of 1, 2 or 5 × 10^k.
// A flat range (lo == hi) is padded: by a tenth of the value either side, or
// to [0, 1] at zero. lo and hi are not modified.
func NiceAxis(lo, hi *big.Rat, n int) Axis {
	lo, hi = new(big.Rat).Set(lo), new(big.Rat).Set(hi)
	if hi.Cmp(lo) < 0 {
		lo, hi = hi, lo
	}
	if hi.Cmp(lo) == 0 {
		if lo.Sign() == 0 {
			hi.SetInt64(1)
		} else {
			pad := new(big.Rat).Abs(lo)
			pad.Quo(pad, big.NewRat(10, 1))
			lo.Sub(lo, pad)
			hi.Add(hi, pad)
		}
	}
	if n < 1 {
		n = 1
	}
	raw := new(big.Rat).Sub(hi, lo)
	raw.Quo(raw, big.NewRat(int64(n), 1))
	k := magnitude(raw)
	var step *big.Rat
	decimals := 0
	for _, m := range []int64{1, 2, 5, 10} {
		s := new(big.Rat).Mul(big.NewRat(m, 1), pow10(k))
		if s.Cmp(raw) >= 0 {
			step = s
			if m == 10 {
				k++
			}
			break
		}
	}
	if k < 0 {
		decimals = -k
	}
	start := multipleBelow(lo, step)
	end := multipleAbove(hi, step)
	a := Axis{Lo: start, Hi: end, Step: step, Decimals: decimals}
	for v := new(big.Rat).Set(start); v.Cmp(end) <= 0; v = new(big.Rat).Add(v, step) {
		a.Ticks = append(a.Ticks, AxisTick{Value: v, Label: Decimal(v, decimals)})
	}
	return a
}

// multipleBelow is the largest multiple of step at or below x.
func multipleBelow(x, step *big.Rat) *big.Rat {
	q := new(big.Rat).Quo(x, step)
	f := floor(q)
	return new(big.Rat).Mul(new(big.Rat).SetInt(f), step)
}

// multipleAbove is the smallest multiple of step at or above x.
func multipleAbove(x, step *big.Rat) *big.Rat {
	q := new(big.Rat).Quo(x, step)
	f := floor(q)
	if new(big.Rat).SetInt(f).Cmp(q) != 0 {
		f.Add(f, big.NewInt(1))
	}
	return new(big.Rat).Mul(new(big.Rat).SetInt(f), step)
}

func floor(q *big.Rat) *big.Int {
	f := new(big.Int).Div(q.Num(), q.Denom()) // Euclidean: rounds toward -inf for a positive denominator
	return f
}

// Decimal renders v with exactly decimals places, thousands separated by
// commas and a minus sign (U+2212) for negatives: "−1,234.50".
func Decimal(v *big.Rat, decimals int) string {
	s := v.FloatString(decimals)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "−", s[1:]
		if strings.Trim(s, "0.") == "" {
			sign = ""
		}
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}
