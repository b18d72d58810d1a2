package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/planassure/planassure/engine"
)

// TestCheckFootprint checks a footprint built to break every footprint rule
// beside its member plans: with --footprint its result lists the members and
// its findings compare the CCG's own plan; without, it is checked alone.
func TestCheckFootprint(t *testing.T) {
	t.Chdir("../..")
	results := func(args ...string) map[string]engine.Result {
		t.Helper()
		code, out, errOut := runIn(t, "", append([]string{"check", "-o", "json"}, args...)...)
		if code != 1 || errOut != "" {
			t.Fatalf("exit %d, stderr %q; want 1 (the footprint is not assured)", code, errOut)
		}
		var rep engine.Report
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		byPlan := map[string]engine.Result{}
		for _, r := range rep.Results {
			byPlan[r.Plan] = r
		}
		return byPlan
	}
	const fp = "testdata/footprint/E54000099-broken.json"
	grouped := results("--footprint", "testdata/footprint")
	res := grouped[fp]
	if res.Kind != engine.KindFootprint || res.Verdict != engine.VerdictNotAssured {
		t.Fatalf("footprint: kind %q verdict %q, want footprint not_assured", res.Kind, res.Verdict)
	}
	fired := map[string]bool{}
	for _, f := range res.Findings {
		fired[f.Rule] = true
	}
	for _, id := range []string{"footprint.aggregate_balance", "footprint.system_control_total",
		"footprint.member_consistency", "footprint.provider_control_totals", "footprint.unconfirmed_funding"} {
		if !fired[id] {
			t.Errorf("%s did not fire on the footprint built to break it", id)
		}
	}
	var members []string
	for _, m := range res.Members {
		members = append(members, m.Plan+" "+string(m.Verdict))
	}
	want := []string{"testdata/footprint/00X-member.json assured", "testdata/footprint/99Q-not-a-member.json assured"}
	if !slices.Equal(members, want) {
		t.Errorf("members %q, want %q", members, want)
	}
	messages := func(r engine.Result) string {
		var b strings.Builder
		for _, f := range r.Findings {
			b.WriteString(f.Message + "\n")
		}
		return b.String()
	}
	for _, s := range []string{"its own plan an in-year surplus of 0", "NHS Elsewhere CCG (99Q) names this footprint"} {
		if !strings.Contains(messages(res), s) {
			t.Errorf("with --footprint, no finding says %q:\n%s", s, messages(res))
		}
	}
	for plan, r := range grouped {
		if plan == fp {
			continue
		}
		if r.Kind != "" || len(r.Findings) != 0 {
			t.Errorf("%s: kind %q, %d findings; a member plan is checked by the plan rules only", plan, r.Kind, len(r.Findings))
		}
	}

	alone := results("testdata/footprint")[fp]
	if len(alone.Members) != 0 || strings.Contains(messages(alone), "its own plan") || strings.Contains(messages(alone), "99Q") {
		t.Errorf("without --footprint the footprint is checked alone; got members %v and findings:\n%s", alone.Members, messages(alone))
	}

	_, table, _ := runIn(t, "", "check", "--footprint", "testdata/footprint")
	for _, s := range []string{"E54000099 Fixture (footprint)", `members of testdata/footprint/E54000099-broken.json (organisation.stp "Fixture"):`} {
		if !strings.Contains(table, s) {
			t.Errorf("table has no %q:\n%s", s, table)
		}
	}
}

// TestSomersetFootprint fixes what the Somerset STP's own figures imply.
func TestSomersetFootprint(t *testing.T) {
	t.Chdir("../..")
	code, out, _ := runIn(t, "", "check", "-o", "json", "plans/E54000038-2016-17-somerset.json")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	var rep engine.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	res := rep.Results[0]
	if res.Verdict != engine.VerdictNotAssured {
		t.Errorf("verdict %s, want not_assured", res.Verdict)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Rule+" "+f.Pointer+" "+engine.Number(f.Actual))
	}
	want := []string{
		"footprint.aggregate_balance /footprint/years/1/members -33000",
		"footprint.member_consistency /footprint/years/0/stated/nhs -29900",
		"footprint.provider_control_totals /footprint/years/1/members/1/control_total ",
		"footprint.provider_control_totals /footprint/years/1/members/2/control_total ",
		"footprint.provider_control_totals /footprint/years/1/members/3/control_total ",
		"footprint.unconfirmed_funding /footprint/years/1/unconfirmed_funding/0/amount 7000",
		"footprint.unconfirmed_funding /footprint/years/2/unconfirmed_funding/0/amount 37000",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
