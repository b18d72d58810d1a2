package chart

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
)

func monthly(from string, step string, n int) []string {
	v, _ := Rat(from)
	d, _ := Rat(step)
	var out []string
	for range n {
		out = append(out, v.FloatString(1))
		v = new(big.Rat).Add(v, d)
	}
	return out
}

// inside checks that every text of c lies within the chart's viewBox, its
// width estimated at charW a character (a 15px title at 9 a character).
func inside(t *testing.T, c *Chart) {
	t.Helper()
	check := func(what string, x, w float64, anchor string) {
		left := x
		switch anchor {
		case "end":
			left = x - w
		case "middle":
			left = x - w/2
		}
		if left < 0 || left+w > Width {
			t.Errorf("%s: %s spans %.1f to %.1f, outside 0 to %d", c.ID, what, left, left+w, Width)
		}
	}
	num := func(s string) float64 {
		var f float64
		fmt.Sscan(s, &f)
		return f
	}
	for _, tk := range c.YTicks {
		check("y tick "+tk.Label, num(tk.X), charW*float64(len([]rune(tk.Label))), "end")
	}
	for _, tk := range append(append([]Text{}, c.XTicks...), c.XTicks2...) {
		check("x tick "+tk.Label, num(tk.X), charW*float64(len([]rune(tk.Label))), "middle")
	}
	for _, tk := range c.TitleLines {
		check("title "+tk.Label, num(tk.X), 9*float64(len([]rune(tk.Label))), "middle")
	}
	for _, l := range c.Legend {
		check("legend "+l.Label, num(l.TextX), charW*float64(len([]rune(l.Label))), "start")
	}
	if c.YLabelX == "" || num(c.YLabelX) < 6 {
		t.Errorf("%s: the y axis label at x=%s is cut", c.ID, c.YLabelX)
	}
}

func render(t *testing.T, c *Chart) string {
	t.Helper()
	a, err := c.SVG()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := c.SVG()
	if a != b {
		t.Errorf("%s: two renderings differ", c.ID)
	}
	for _, want := range []string{`role="img"`, `<title id="` + c.ID + `-title">`, `<desc id="` + c.ID + `-desc">`, `viewBox="0 0 480 `} {
		if !strings.Contains(string(a), want) {
			t.Errorf("%s: the SVG lacks %s", c.ID, want)
		}
	}
	return string(a)
}

func TestTrajectoryMonths(t *testing.T) {
	tr := Trajectory{ID: "ae", Title: "A&E within 4 hours", Years: []TrajectoryYear{
		{Year: "2017/18", Plan: "91.0", Monthly: monthly("88.5", "0.2", 12), Standard: "95"},
		{Year: "2018/19", Plan: "95.0", Monthly: monthly("91.5", "0.3", 12), Standard: "95"},
	}}
	c := tr.Chart()
	svg := render(t, c)
	inside(t, c)
	var months, years []string
	for _, x := range c.XTicks {
		months = append(months, x.Label)
	}
	for _, x := range c.XTicks2 {
		years = append(years, x.Label)
	}
	if got, want := strings.Join(months, " "), "Apr Jun Aug Oct Dec Feb Apr Jun Aug Oct Dec Feb"; got != want {
		t.Errorf("month labels %q, want %q", got, want)
	}
	if got := strings.Join(years, " "); got != "2017/18 2018/19" {
		t.Errorf("year labels %q", got)
	}
	for _, want := range []string{"<title>April 2017: 88.5%</title>", "<title>March 2019: 94.8%</title>", "January 2018 90.3%", "standard at least 95%"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the chart lacks %q", want)
		}
	}
	// One year: every month is labelled.
	one := Trajectory{ID: "one", Title: "One year", Years: tr.Years[:1]}.Chart()
	if n := len(one.XTicks); n != 12 || one.XTicks[0].Label != "Apr" || one.XTicks[11].Label != "Mar" {
		t.Errorf("one year: %d month labels, %v", n, one.XTicks)
	}
}

// TestFlatTrajectory is the flat series of the shipped plans (IAPT 6 weeks at
// 75.6% every month, diagnostics at 1.2%): ticks are short exact decimals.
func TestFlatTrajectory(t *testing.T) {
	for _, c := range []struct{ value, standard string }{{"75.6", "75"}, {"1.2", "1"}, {"0", ""}, {"100", "95"}, {"33.3333", ""}} {
		var months []string
		for range 12 {
			months = append(months, c.value)
		}
		ch := Trajectory{ID: "flat", Title: "Flat", Years: []TrajectoryYear{{Year: "2017/18", Plan: c.value, Monthly: months, Standard: c.standard},
			{Year: "2018/19", Plan: c.value, Standard: c.standard}}}.Chart()
		render(t, ch)
		inside(t, ch)
		if len(ch.YTicks) < 3 {
			t.Errorf("flat at %s: %d ticks", c.value, len(ch.YTicks))
		}
		for _, tk := range ch.YTicks {
			label := strings.TrimSuffix(tk.Label, "%")
			if _, frac, ok := strings.Cut(label, "."); ok && len(frac) > 2 {
				t.Errorf("flat at %s: tick %q", c.value, tk.Label)
			}
		}
		lo, hi := ch.yAxis.Lo, ch.yAxis.Hi
		v, _ := Rat(c.value)
		if lo.Cmp(v) >= 0 && v.Sign() > 0 || hi.Cmp(v) <= 0 && v.Cmp(big.NewRat(100, 1)) < 0 {
			t.Errorf("flat at %s: range [%s, %s] does not pad the line", c.value, lo.FloatString(2), hi.FloatString(2))
		}
	}
}

func TestBarsMargin(t *testing.T) {
	b := Bars{ID: "money", Title: "Funding and expenditure", Categories: []Category{{"2016/17", "(forecast outturn)"}, {"2017/18", ""}, {"2018/19", ""}},
		Series: []BarSeries{{Label: "Funding total", Values: []string{"240864", "-1234567", ""}}, {Label: "Expenditure total", Values: []string{"240864", "246750", "252070"}}}}
	c := b.Chart()
	svg := render(t, c)
	inside(t, c)
	if !strings.Contains(svg, "−1,500,000") || !strings.Contains(svg, "Funding total not given") {
		t.Errorf("ticks or missing figure not as expected:\n%s", c.Desc)
	}
	if c.plotLeft < yLabelRoom+charW*float64(len([]rune("−1,500,000"))) {
		t.Errorf("plot left edge %.1f leaves no room for the longest tick label", c.plotLeft)
	}
}

// TestNiceAxisRandom draws ranges of every size and sign: the ticks cover the
// range, are multiples of the step, and their labels read back exactly.
func TestNiceAxisRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		scale := rng.IntN(12) - 6
		a := new(big.Rat).Mul(big.NewRat(rng.Int64N(2000000)-1000000, 1000), pow10(scale))
		b := new(big.Rat).Mul(big.NewRat(rng.Int64N(2000000)-1000000, 1000), pow10(scale))
		if i%10 == 0 {
			b.Set(a) // flat
		}
		ax := NiceAxis(a, b, 5)
		lo, hi := minRat(a, b), maxRat(a, b)
		if ax.Lo.Cmp(lo) > 0 || ax.Hi.Cmp(hi) < 0 {
			t.Fatalf("[%s, %s]: axis [%s, %s] does not cover it", lo.RatString(), hi.RatString(), ax.Lo.RatString(), ax.Hi.RatString())
		}
		if n := len(ax.Ticks); n < 2 || n > 12 {
			t.Fatalf("[%s, %s]: %d ticks", lo.RatString(), hi.RatString(), n)
		}
		for _, tk := range ax.Ticks {
			back, ok := Rat(strings.ReplaceAll(strings.ReplaceAll(tk.Label, ",", ""), "−", "-"))
			if !ok || back.Cmp(tk.Value) != 0 {
				t.Fatalf("[%s, %s]: label %q is not the tick %s", lo.RatString(), hi.RatString(), tk.Label, tk.Value.RatString())
			}
		}
	}
}

// TestTrajectoryMinutes: a trajectory in minutes reads in minutes on its axis,
// its points and its text alternative, and its axis is not held under 100.
func TestTrajectoryMinutes(t *testing.T) {
	tr := Trajectory{ID: "cat2", Title: "Category 2 mean response", LowerIsBetter: true, Unit: "minutes", Years: []TrajectoryYear{
		{Year: "2026/27", Plan: "30", Monthly: monthly("41", "-1", 12), Standard: "25"},
		{Year: "2028/29", Plan: "18", Standard: "18", StandardNote: "judged on the average of the 12 months"},
	}}
	c := tr.Chart()
	svg := render(t, c)
	inside(t, c)
	for _, want := range []string{"Minutes", "minutes by month", "<title>April 2026: 41.0 minutes</title>",
		"plan 30 minutes, by month", "standard at most 25 minutes", "standard at most 18 minutes (judged on the average of the 12 months)"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the chart lacks %q", want)
		}
	}
	for _, tk := range c.YTicks {
		if strings.Contains(tk.Label, "%") {
			t.Errorf("tick %q in percent", tk.Label)
		}
	}
	if strings.Contains(c.Desc, "%") || strings.Contains(svg, "% of patients") {
		t.Errorf("minutes read as a percentage: %s", c.Desc)
	}
	// Above 100 minutes the axis still covers the plan.
	long := Trajectory{ID: "long", Title: "Long", Unit: "minutes", Years: []TrajectoryYear{{Year: "2026/27", Plan: "140", Standard: "25"}}}.Chart()
	if v, _ := Rat(long.YTicks[len(long.YTicks)-1].Label); v == nil || v.Cmp(big.NewRat(140, 1)) < 0 {
		t.Errorf("the axis ends under 140 minutes: %v", long.YTicks)
	}
}
