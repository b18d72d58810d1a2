package main

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const plan = "../../plans/06W-2017-19.json"

func TestTotal(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, plan, 2, false, true, "data.planassure.main"); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`^\s*(\d+) allocs\s+(\d+) µs CPU  data.planassure.main\n$`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("output %q", out.String())
	}
	if n, _ := strconv.Atoi(m[1]); n < 1000 {
		t.Errorf("%d allocations for every rule on a plan: too few to be an evaluation", n)
	}
}

// Every rule file is measured, and what the rules add does not exceed the whole.
func TestMarginal(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the policies once per rule")
	}
	var out bytes.Buffer
	if err := run(&out, plan, 1, true, false, "data.planassure.main"); err != nil {
		t.Fatal(err)
	}
	modules, err := parsePolicies()
	if err != nil {
		t.Fatal(err)
	}
	for file := range modules {
		if strings.HasPrefix(file, "rules/") && !strings.Contains(out.String(), "  "+file+"\n") {
			t.Errorf("no line for %s in\n%s", file, out.String())
		}
	}
	m := regexp.MustCompile(`(?m)^\s*(-?\d+) allocs  data.planassure.main, every rule$`).FindStringSubmatch(out.String())
	last := regexp.MustCompile(`(?m)^\s*(-?\d+) allocs  the rules' own; the rest, (-?\d+), is what they share$`).FindStringSubmatch(out.String())
	if m == nil || last == nil {
		t.Fatalf("output %q", out.String())
	}
	if rest, _ := strconv.Atoi(last[2]); rest < 0 {
		t.Errorf("the rules add more than the whole: %s", last[0])
	}
}

func TestAlone(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, plan, 1, false, false, "data.planassure.main"); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"data.planassure.main", "data.planassure.rules.finance.contingency.deny", "data.planassure.rules.performance.ae_4hr.not_applicable"} {
		if !strings.Contains(out.String(), "  "+q+"\n") {
			t.Errorf("no line for %s", q)
		}
	}
}

func TestBadInput(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, "no-such-plan.json", 1, false, true, "data.planassure.main"); err == nil {
		t.Error("a missing plan file is no error")
	}
	if err := run(&out, plan, 0, false, true, "data.planassure.main"); err == nil {
		t.Error("-n 0 is no error")
	}
}
