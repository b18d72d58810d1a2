package output_test

import (
	"bytes"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/engine/output"
)

var performancePointer = regexp.MustCompile(`^/years/(\d+)/performance/([a-z0-9_]+)/plan$`)

// TestFiguresCurrentRounds checks the figures and charts of the shipped ICB and
// trust plans of the current rounds: each chart's standard is the threshold
// the rule judged the plan by (the finding's expected), a trust's own target
// where the round sets one, and minutes read as minutes.
func TestFiguresCurrentRounds(t *testing.T) {
	rep := shippedReport(t)
	var page bytes.Buffer
	if err := output.HTML(&page, rep); err != nil {
		t.Fatal(err)
	}
	compared, plans := 0, 0
	for _, res := range rep.Results {
		if res.Round != "2025/26" && res.Round != "2026-29" {
			continue
		}
		plans++
		f := res.Figures
		if f == nil {
			t.Fatalf("%s: no figures", res.Plan)
		}
		for _, fd := range res.Findings {
			m := performancePointer.FindStringSubmatch(fd.Pointer)
			if m == nil || fd.Expected == nil || !strings.HasPrefix(fd.Rule, "performance.") {
				continue
			}
			i, _ := strconv.Atoi(m[1])
			year := f.Years[i].Year
			got, ok := standardOf(f, m[2], year)
			if !ok {
				t.Errorf("%s: %s %s: the rule expects %v, the figures draw no standard", res.Plan, m[2], year, fd.Expected)
				continue
			}
			if !sameNumber(got, fmt.Sprint(fd.Expected)) {
				t.Errorf("%s: %s %s: the chart draws %s, the rule expects %v", res.Plan, m[2], year, got, fd.Expected)
			}
			compared++
		}
		for _, mf := range f.Performance {
			want := "%"
			if mf.Key == "cat2_mean_minutes" {
				want = "minutes"
			}
			if mf.Unit != want {
				t.Errorf("%s: %s in %q, want %q", res.Plan, mf.Key, mf.Unit, want)
			}
		}
		for _, y := range f.Years {
			if y.IsPlan() && (y.CumulativeSurplusMin.Pct != "" || y.ContingencyMin.Pct != "") {
				t.Errorf("%s %s: a CCG-era finance threshold in a round that sets none", res.Plan, y.Year)
			}
		}
	}
	if plans < 4 || compared < 4 {
		t.Fatalf("%d plans of the current rounds, %d standards compared with findings: the shipped plans changed", plans, compared)
	}
	// The round's ICB figure is not a trust's standard: a trust is held to its own target.
	for plan, want := range map[string]string{"plans/QJK-2026-29-devon-icb.json": "70", "plans/R9X-2026-29-deficit-trust.json": "65"} {
		for _, res := range rep.Results {
			if res.Plan == plan {
				if got, _ := standardOf(res.Figures, "rtt_18wk", "2026/27"); !sameNumber(got, want) {
					t.Errorf("%s: RTT 18 weeks 2026/27 standard %q, want %s", plan, got, want)
				}
			}
		}
	}
	s := page.String()
	for _, want := range []string{
		"minutes by month",
		"standard at most 25 minutes",
		"Position without deficit support",
		"Financial position against breakeven",
		"the trust&#39;s own improvement target",
		"judged on the average of the 12 months",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if !strings.Contains(cat2Descs(s), "minutes") {
		t.Error("no category 2 chart in minutes on the page")
	}
	for _, bad := range []string{"25%", "plan 30%"} {
		if strings.Contains(cat2Descs(s), bad) {
			t.Errorf("a category 2 chart reads minutes as a percentage: %q", bad)
		}
	}
}

// cat2Descs is the text alternatives of the category 2 charts of a page.
func cat2Descs(page string) string {
	var out []string
	for _, m := range regexp.MustCompile(`(?s)-perf-cat2_mean_minutes-desc">(.*?)</desc>`).FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return strings.Join(out, "\n")
}

func standardOf(f *engine.PlanFigures, key, year string) (string, bool) {
	for _, m := range f.Performance {
		if m.Key != key {
			continue
		}
		for _, y := range m.Years {
			if y.Year == year && y.Standard != "" {
				return y.Standard.String(), true
			}
		}
	}
	return "", false
}

func sameNumber(a, b string) bool {
	x, ok1 := new(big.Rat).SetString(a)
	y, ok2 := new(big.Rat).SetString(b)
	return ok1 && ok2 && x.Cmp(y) == 0
}
