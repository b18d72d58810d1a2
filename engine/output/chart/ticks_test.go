package chart

import (
	"math/big"
	"strings"
	"testing"
)

func rat(t *testing.T, s string) *big.Rat {
	t.Helper()
	r, ok := Rat(s)
	if !ok {
		t.Fatalf("Rat(%q) failed", s)
	}
	return r
}

func labels(a Axis) string {
	var out []string
	for _, tk := range a.Ticks {
		out = append(out, tk.Label)
	}
	return strings.Join(out, " ")
}

func TestNiceAxis(t *testing.T) {
	for _, c := range []struct{ lo, hi, want string }{
		{"0", "240864", "0 50,000 100,000 150,000 200,000 250,000"},
		{"-3500", "4200", "−4,000 −2,000 0 2,000 4,000 6,000"},
		{"74.6", "76.6", "74.5 75.0 75.5 76.0 76.5 77.0"},
		// flat series: padded by a tenth either side
		{"75.6", "75.6", "65 70 75 80 85"},
		{"1.2", "1.2", "1.05 1.10 1.15 1.20 1.25 1.30 1.35"},
		{"0", "0", "0.0 0.2 0.4 0.6 0.8 1.0"},
		{"-2", "-2", "−2.2 −2.1 −2.0 −1.9 −1.8"},
		// float artefacts in binary (0.1 + 0.2) do not reach labels
		{"0.1", "0.3", "0.10 0.15 0.20 0.25 0.30"},
		{"0.000001", "0.000003", "0.0000010 0.0000015 0.0000020 0.0000025 0.0000030"},
		{"99.5", "100", "99.5 99.6 99.7 99.8 99.9 100.0"},
		{"1e3", "5e3", "1,000 2,000 3,000 4,000 5,000"},
	} {
		a := NiceAxis(rat(t, c.lo), rat(t, c.hi), 5)
		if got := labels(a); got != c.want {
			t.Errorf("NiceAxis(%s, %s) = %s\nwant %s", c.lo, c.hi, got, c.want)
		}
		lo, hi := rat(t, c.lo), rat(t, c.hi)
		if a.Lo.Cmp(lo) > 0 || a.Hi.Cmp(hi) < 0 {
			t.Errorf("NiceAxis(%s, %s) = [%s, %s] does not cover the values", c.lo, c.hi, a.Lo.FloatString(6), a.Hi.FloatString(6))
		}
		if n := len(a.Ticks); n < 2 || n > 12 {
			t.Errorf("NiceAxis(%s, %s): %d ticks", c.lo, c.hi, n)
		}
	}
}

func TestDecimal(t *testing.T) {
	for _, c := range []struct {
		v    string
		d    int
		want string
	}{
		{"1234567.5", 1, "1,234,567.5"},
		{"-0.04", 1, "0.0"},
		{"-1000", 0, "−1,000"},
		{"12", 2, "12.00"},
	} {
		if got := Decimal(rat(t, c.v), c.d); got != c.want {
			t.Errorf("Decimal(%s, %d) = %q, want %q", c.v, c.d, got, c.want)
		}
	}
}

// TestNiceAxisHuge: a figure of any size is laid out at once, exactly.
func TestNiceAxisHuge(t *testing.T) {
	for _, c := range []struct{ lo, hi, first string }{
		{"0", "1e5000", "0"},
		{"1e-5000", "3e-5000", "0." + strings.Repeat("0", 4999) + "10"},
	} {
		a := NiceAxis(rat(t, c.lo), rat(t, c.hi), 5)
		if len(a.Ticks) < 2 || a.Ticks[0].Label != c.first {
			t.Errorf("NiceAxis(%s, %s): %d ticks, first %.40s", c.lo, c.hi, len(a.Ticks), a.Ticks[0].Label)
		}
	}
}
