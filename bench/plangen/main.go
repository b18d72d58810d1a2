// Command plangen writes synthetic plan submissions for benchmarks: N plans in
// plan-format v1, every one accepted by plan.ReadJSON, the same files for the
// same seed. The plans are modelled on plans/06W-2017-19.json: a 2017-19
// submission (2016/17 forecast outturn and two plan years) or a 2016/17 one
// (2015/16 outturn and one plan year), with finance lines that satisfy every
// identity the rules check, monthly performance trajectories, the nine
// must-dos with milestones, activity built from the previous year, and a risk
// register. About 30% of plans breach one to three rules, a mix of errors and
// warnings; each plan records the rules it was built to breach under
// x_generator.breaches.
//
//	go run ./bench/plangen -n 1000 -seed 1 -out .bench/plans-1000 [-input .bench/input-1000.json]
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func main() {
	n := flag.Int("n", 1000, "number of plans")
	seed := flag.Uint64("seed", 1, "random seed: the same seed writes the same plans")
	out := flag.String("out", "", "directory to write the plans into (created)")
	input := flag.String("input", "", "also write every plan as one JSON array to this file (an input for opa eval)")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: plangen -n N -seed S -out DIR")
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "plangen:", err)
		os.Exit(1)
	}
	var all bytes.Buffer
	all.WriteString("[")
	for i := range *n {
		b, err := Generate(*seed, i)
		if err != nil {
			fmt.Fprintln(os.Stderr, "plangen:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(filepath.Join(*out, FileName(i)), b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "plangen:", err)
			os.Exit(1)
		}
		if *input != "" {
			if i > 0 {
				all.WriteString(",")
			}
			all.Write(b)
		}
	}
	if *input != "" {
		all.WriteString("]\n")
		if err := os.WriteFile(*input, all.Bytes(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "plangen:", err)
			os.Exit(1)
		}
	}
}

// FileName is the name of plan i.
func FileName(i int) string { return fmt.Sprintf("plan-%06d.json", i) }

// Generate returns plan i of the set for seed, as indented JSON. Each plan has
// its own stream (PCG seeded with seed and i), so plan i is the same whatever N.
func Generate(seed uint64, i int) ([]byte, error) {
	r := rand.New(rand.NewPCG(seed, uint64(i)*0x9e3779b97f4a7c15+1))
	p := build(r, seed, i)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ---- the document (field order as in the shipped plans) ----

type plan struct {
	SchemaVersion string     `json:"schema_version"`
	Submission    submission `json:"submission"`
	Organisation  org        `json:"organisation"`
	Years         []year     `json:"years"`
	MustDos       []mustDo   `json:"must_dos"`
	Risks         []risk     `json:"risks"`
	SignOff       signOff    `json:"sign_off"`
	Notes         []string   `json:"notes"`
	Generator     generator  `json:"x_generator"`
}

type generator struct {
	Seed     uint64   `json:"seed"`
	Index    int      `json:"index"`
	Breaches []string `json:"breaches"`
}

type submission struct {
	Round       string `json:"round"`
	Version     string `json:"version"`
	Status      string `json:"status"`
	SubmittedOn string `json:"submitted_on"`
}

type org struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	Type       string `json:"type"`
	STP        string `json:"stp"`
	Region     string `json:"region"`
	Population int64  `json:"population"`
}

type year struct {
	Year        string             `json:"year"`
	Basis       string             `json:"basis"`
	Finance     finance            `json:"finance"`
	Activity    map[string]any     `json:"activity"`
	Performance map[string]*metric `json:"performance,omitempty"`
}

type finance struct {
	Funding struct {
		RecurrentProgramme    int64 `json:"recurrent_programme"`
		NonRecurrentProgramme int64 `json:"non_recurrent_programme"`
		ReturnOfExcessSurplus int64 `json:"return_of_excess_surplus"`
		RunningCost           int64 `json:"running_cost"`
		Total                 int64 `json:"total"`
	} `json:"funding"`
	Expenditure struct {
		Acute                  int64 `json:"acute"`
		MentalHealth           int64 `json:"mental_health"`
		Community              int64 `json:"community"`
		ContinuingHealthcare   int64 `json:"continuing_healthcare"`
		PrimaryCarePrescribing int64 `json:"primary_care_prescribing"`
		OtherProgramme         int64 `json:"other_programme"`
		RunningCosts           int64 `json:"running_costs"`
		Total                  int64 `json:"total"`
	} `json:"expenditure"`
	QIPP struct {
		Identified   int64 `json:"identified"`
		Unidentified int64 `json:"unidentified"`
	} `json:"qipp"`
	Reserves struct {
		NonRecurrent            int64 `json:"non_recurrent"`
		NonRecurrentUncommitted int64 `json:"non_recurrent_uncommitted"`
		Contingency             int64 `json:"contingency"`
	} `json:"reserves"`
	Surplus struct {
		InYear                   int64  `json:"in_year"`
		ControlTotal             *int64 `json:"control_total,omitempty"`
		CumulativeBroughtForward int64  `json:"cumulative_brought_forward"`
		CumulativeCarriedForward int64  `json:"cumulative_carried_forward"`
	} `json:"surplus"`
	PrimaryCareTransformation int64 `json:"primary_care_transformation"`
}

// activityLine is a plan year's activity line built from the previous year's total.
type activityLine struct {
	Plan             int64 `json:"plan"`
	Growth           int64 `json:"growth"`
	QIPP             int64 `json:"qipp"`
	BacklogClearance int64 `json:"backlog_clearance"`
}

type metric struct {
	Plan         json.Number   `json:"plan"`
	Monthly      []json.Number `json:"monthly"`
	RecoveryPlan string        `json:"recovery_plan,omitempty"`
}

type mustDo struct {
	Number     int         `json:"number"`
	Summary    string      `json:"summary"`
	Lead       string      `json:"lead"`
	Milestones []milestone `json:"milestones"`
	Metrics    []string    `json:"metrics"`
}

type milestone struct {
	Description string `json:"description"`
	Due         string `json:"due"`
	Status      string `json:"status"`
}

type risk struct {
	Description string `json:"description"`
	Rating      string `json:"rating"`
	Mitigation  string `json:"mitigation,omitempty"`
}

type signOff struct {
	GoverningBodyApprovedOn string `json:"governing_body_approved_on"`
	AccountableOfficer      string `json:"accountable_officer"`
}

// ---- rounds and thresholds (policies/lib/rounds.rego) ----

type round struct {
	name      string
	years     []string // baseline first
	basis0    string   // basis of the baseline year
	submitted string   // national deadline, YYYY-MM-DD
	approved  string   // governing body approval, on or before submitted
	uncommBP  int64    // uncommitted reserve, basis points of allocation
	perHead   bool     // GP Forward View investment of 3 per head
}

var rounds = []round{
	{name: "2017-19", years: []string{"2016/17", "2017/18", "2018/19"}, basis0: "forecast_outturn",
		submitted: "2016-12-23", approved: "2016-12-20", uncommBP: 50, perHead: true},
	{name: "2016/17", years: []string{"2015/16", "2016/17"}, basis0: "forecast_outturn",
		submitted: "2016-04-11", approved: "2016-03-30", uncommBP: 100},
}

// metrics in plan-format order, with the tenths of the threshold per round and
// year (0: no threshold) and whether lower is better.
var metricKeys = []string{"ae_4hr", "rtt_18wk", "cancer_2ww", "cancer_31d", "cancer_62d", "diagnostics_6wk",
	"iapt_access", "iapt_recovery", "iapt_6wk", "iapt_18wk", "eip_2wk", "dementia_diagnosis",
	"cyp_mh_access", "cyp_eating_disorders"}

// threshold returns the standard in tenths of a percent, 0 when the round sets none.
func threshold(rnd, fy, key string) int64 {
	common := map[string]int64{"ae_4hr": 950, "rtt_18wk": 920, "cancer_2ww": 930, "cancer_31d": 960,
		"cancer_62d": 850, "diagnostics_6wk": 10, "iapt_recovery": 500, "iapt_6wk": 750, "iapt_18wk": 950,
		"dementia_diagnosis": 667}
	if t, ok := common[key]; ok {
		return t
	}
	switch rnd {
	case "2016/17":
		return map[string]int64{"iapt_access": 150, "eip_2wk": 500}[key]
	default:
		switch key {
		case "iapt_access":
			return map[string]int64{"2017/18": 168, "2018/19": 190}[fy]
		case "eip_2wk":
			return map[string]int64{"2017/18": 500, "2018/19": 530}[fy]
		case "cyp_mh_access":
			return map[string]int64{"2018/19": 320}[fy]
		case "cyp_eating_disorders":
			return 950
		}
	}
	return 0
}

// a plausible level in tenths for a metric without a standard this year
var typical = map[string]int64{"cyp_mh_access": 280, "cyp_eating_disorders": 880, "iapt_access": 150, "eip_2wk": 480}

var activityKeys = []string{"gp_referrals", "other_referrals", "first_outpatients", "follow_up_outpatients",
	"elective_admissions", "non_elective_admissions", "ae_attendances"}

// activity per head of population, per thousand
var activityPerThousand = map[string]float64{"gp_referrals": 183, "other_referrals": 131, "first_outpatients": 246,
	"follow_up_outpatients": 453, "elective_admissions": 106, "non_elective_admissions": 91, "ae_attendances": 230}

// ---- breaches ----

// breach kinds: each breaks exactly one rule, named by its id (performance.*
// picks a metric). Errors and warnings both appear.
var breachKinds = []string{
	"finance.contingency", "finance.uncommitted_reserve", "finance.non_recurrent_reserve",
	"finance.qipp_stretch", "finance.unidentified_qipp", "finance.running_costs",
	"finance.mental_health_investment", "finance.cumulative_surplus", "finance.funding_total",
	"finance.expenditure_total", "finance.in_year_surplus", "finance.control_total",
	"finance.excess_surplus_drawdown", "finance.cumulative_chain", "finance.primary_care_transformation",
	"activity.identity", "activity.finance_alignment",
	"performance", "performance", "performance", "performance+recovery", "performance+recovery", "performance+monthly",
	"must_dos.lead", "must_dos.metrics_linked", "must_dos.overdue_milestones", "must_dos.all_answered", "must_dos.milestones",
	"governance.red_risks_mitigated", "governance.sign_off",
}

// conflicts are breach kinds that cannot go together: a carried-forward surplus
// below 1% is built without a drawdown.
var conflicts = map[string]string{
	"finance.cumulative_surplus":      "finance.excess_surplus_drawdown",
	"finance.excess_surplus_drawdown": "finance.cumulative_surplus",
}

type gen struct {
	r      *rand.Rand
	rnd    round
	breach map[string]int // kind -> plan year index (into years) it applies to
	perf   map[string]string
	ids    map[string]bool
}

func (g *gen) between(lo, hi int64) int64 { return lo + g.r.Int64N(hi-lo+1) }
func (g *gen) pick(s []string) string     { return s[g.r.IntN(len(s))] }
func (g *gen) chance(p float64) bool      { return g.r.Float64() < p }

// hit reports whether breach kind applies to years[y].
func (g *gen) hit(kind string, y int) bool {
	at, ok := g.breach[kind]
	return ok && at == y
}

// kinds returns the breach kinds of the plan, sorted (map order is random).
func (g *gen) kinds() []string {
	out := make([]string, 0, len(g.breach))
	for k := range g.breach {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// ceilBP is the least integer at least bp basis points of x (x >= 0).
func ceilBP(x, bp int64) int64 { return (x*bp + 9999) / 10000 }

func floorBP(x, bp int64) int64 { return x * bp / 10000 }

func build(r *rand.Rand, seed uint64, idx int) plan {
	g := &gen{r: r, breach: map[string]int{}, perf: map[string]string{}, ids: map[string]bool{}}
	g.rnd = rounds[0]
	if g.chance(0.35) {
		g.rnd = rounds[1]
	}
	nYears := len(g.rnd.years)
	firstPlan := 1

	// about 30% of plans breach 1 to 3 rules
	if g.chance(0.30) {
		k := 1
		if x := g.r.Float64(); x > 0.85 {
			k = 3
		} else if x > 0.55 {
			k = 2
		}
		for len(g.breach) < k {
			kind := g.pick(breachKinds)
			if kind == "finance.non_recurrent_reserve" && g.rnd.uncommBP >= 100 {
				continue // below 1% it would breach the uncommitted reserve too
			}
			if kind == "finance.primary_care_transformation" && !g.rnd.perHead {
				continue
			}
			if _, dup := g.breach[kind]; dup {
				continue
			}
			if conflicts[kind] != "" {
				if _, both := g.breach[conflicts[kind]]; both {
					continue // the one would hide the other
				}
			}
			at := firstPlan + g.r.IntN(nYears-firstPlan)
			if strings.HasPrefix(kind, "performance") {
				key := g.pick(metricKeys)
				if threshold(g.rnd.name, g.rnd.years[at], key) == 0 || g.ids["performance."+key] {
					continue
				}
				g.perf[kind] = key
				g.ids["performance."+key] = true
			} else {
				g.ids[kind] = true
			}
			g.breach[kind] = at
		}
	}

	place := places[g.r.IntN(len(places))]
	code := fmt.Sprintf("%02d%c", g.r.IntN(100), 'A'+rune(g.r.IntN(26)))
	pop := g.between(80, 900) * 1000
	p := plan{
		SchemaVersion: "1",
		Submission: submission{Round: g.rnd.name, Version: fmt.Sprintf("V%d Final", g.between(3, 20)), Status: "final",
			SubmittedOn: g.rnd.submitted},
		Organisation: org{Code: code, Name: "NHS " + place.name + " CCG", Type: "ccg", STP: place.stp,
			Region: place.region, Population: pop},
		SignOff: signOff{GoverningBodyApprovedOn: g.rnd.approved, AccountableOfficer: "Chief Officer, NHS " + place.name + " CCG"},
	}
	if g.chance(0.2) {
		p.Submission.SubmittedOn = g.rnd.submitted[:8] + fmt.Sprintf("%02d", g.between(20, 23))
	}
	if _, ok := g.breach["governance.sign_off"]; ok {
		p.SignOff.GoverningBodyApprovedOn = "2017-01-12"
		if g.rnd.name == "2016/17" {
			p.SignOff.GoverningBodyApprovedOn = "2016-04-27"
		}
	}

	g.years(&p, pop)
	p.MustDos = g.mustDos(place.name)
	p.Risks = g.risks()
	p.Notes = []string{
		fmt.Sprintf("Synthetic plan %d of the planassure benchmark set (seed %d), modelled on plans/06W-2017-19.json.", idx, seed),
		fmt.Sprintf("organisation.population: %d registered patients.", pop),
		"Money in £000; expenditure.other_programme is the balancing line and holds the reserves and contingency.",
		"activity: each plan-year line is the previous year's total plus growth, QIPP and backlog clearance.",
		"performance: monthly trajectories from April to March end at the planned year-end level.",
	}
	ids := make([]string, 0, len(g.ids))
	for id := range g.ids {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	p.Generator = generator{Seed: seed, Index: idx, Breaches: ids}
	return p
}

func (g *gen) years(p *plan, pop int64) {
	rnd := g.rnd
	var prev *year
	rp := pop * g.between(1050, 1350) / 1000 // £000 of recurrent programme allocation per head
	rc := pop * g.between(190, 240) / 10000
	// baseline expenditure shares, per mille of expenditure
	shares := map[string]int64{"acute": g.between(500, 540), "mh": g.between(100, 115), "community": g.between(90, 110),
		"chc": g.between(70, 90), "presc": g.between(130, 150)}
	var pctInvested int64
	for y, fy := range rnd.years {
		yr := year{Year: fy, Basis: "plan", Activity: map[string]any{}}
		plan := y > 0
		if !plan {
			yr.Basis = rnd.basis0
		} else {
			rp = rp * g.between(10180, 10320) / 10000 // recurrent uplift 1.8% to 3.2%
		}
		f := &yr.Finance
		f.Funding.RecurrentProgramme = rp
		if g.chance(0.25) {
			f.Funding.NonRecurrentProgramme = g.between(1, 40) * 50
		}
		f.Funding.RunningCost = rc
		alloc := f.Funding.RecurrentProgramme + f.Funding.NonRecurrentProgramme + f.Funding.RunningCost

		// surplus chain
		if prev == nil {
			f.Surplus.CumulativeBroughtForward = ceilBP(alloc, g.between(100, 220))
			f.Surplus.InYear = 0
		} else {
			f.Surplus.CumulativeBroughtForward = prev.Finance.Surplus.CumulativeCarriedForward
			if g.hit("finance.cumulative_chain", y) {
				f.Surplus.CumulativeBroughtForward += g.between(20, 400)
			}
			f.Surplus.InYear = 0
			if g.chance(0.4) {
				f.Surplus.InYear = ceilBP(alloc, g.between(1, 40))
			}
			bf := f.Surplus.CumulativeBroughtForward
			need := ceilBP(alloc, 100) // 1% of allocation carried forward
			if !g.hit("finance.cumulative_surplus", y) {
				if bf+f.Surplus.InYear < need {
					f.Surplus.InYear = need - bf + g.between(0, 300)
				}
				// return of excess surplus: what is above 1% may be drawn down
				if room := bf - need; room > 0 && g.chance(0.35) && room <= bf+f.Surplus.InYear-need {
					f.Funding.ReturnOfExcessSurplus = g.between(1, room)
				}
				if g.hit("finance.excess_surplus_drawdown", y) {
					room := max(bf-need, 0)
					f.Funding.ReturnOfExcessSurplus = room + g.between(100, 900)
					if short := need - (bf + f.Surplus.InYear - f.Funding.ReturnOfExcessSurplus); short > 0 {
						f.Surplus.InYear += short + g.between(0, 200)
					}
				}
			} else {
				// carried forward below 1% of allocation
				f.Surplus.InYear = floorBP(alloc, g.between(20, 80)) - bf
			}
			if g.chance(0.3) || g.hit("finance.control_total", y) {
				ct := int64(0)
				if f.Surplus.InYear < 0 {
					ct = f.Surplus.InYear
				}
				if g.hit("finance.control_total", y) {
					ct = f.Surplus.InYear + g.between(601, 1500) // above any overstatement below
				}
				f.Surplus.ControlTotal = &ct
			}
		}
		statedInYear := f.Surplus.InYear
		if g.hit("finance.in_year_surplus", y) {
			statedInYear += g.between(50, 600) // overstated: the chain uses the stated figure
		}
		f.Surplus.CumulativeCarriedForward = f.Surplus.CumulativeBroughtForward + statedInYear - f.Funding.ReturnOfExcessSurplus

		f.Funding.Total = f.Funding.RecurrentProgramme + f.Funding.NonRecurrentProgramme + f.Funding.ReturnOfExcessSurplus + f.Funding.RunningCost
		if g.hit("finance.funding_total", y) {
			f.Funding.Total += g.between(5, 500)
		}

		// QIPP and reserves
		if plan {
			f.QIPP.Identified = floorBP(alloc, g.between(100, 290))
			if g.hit("finance.qipp_stretch", y) {
				f.QIPP.Identified = ceilBP(alloc, g.between(320, 420))
			}
			if g.hit("finance.unidentified_qipp", y) {
				f.QIPP.Unidentified = f.QIPP.Identified * g.between(10, 40) / 100
				f.QIPP.Identified -= f.QIPP.Unidentified
			}
		}
		f.Reserves.NonRecurrent = ceilBP(alloc, g.between(100, 130))
		f.Reserves.NonRecurrentUncommitted = ceilBP(alloc, rnd.uncommBP)
		f.Reserves.Contingency = ceilBP(alloc, g.between(50, 70))
		if g.hit("finance.contingency", y) {
			f.Reserves.Contingency = floorBP(alloc, g.between(20, 45))
		}
		if g.hit("finance.uncommitted_reserve", y) {
			f.Reserves.NonRecurrentUncommitted = floorBP(alloc, rnd.uncommBP-g.between(10, 40))
		}
		if g.hit("finance.non_recurrent_reserve", y) {
			f.Reserves.NonRecurrent = floorBP(alloc, g.between(rnd.uncommBP+10, 95))
		}

		// primary care transformation: 3 per head over the plan years
		if plan {
			nPlan := int64(len(rnd.years) - 1)
			need := (3*pop + 999) / 1000
			f.PrimaryCareTransformation = (need+nPlan-1)/nPlan + g.between(0, 60)
			if g.hit("finance.primary_care_transformation", y) {
				f.PrimaryCareTransformation = 0
			}
			pctInvested += f.PrimaryCareTransformation
		} else {
			f.PrimaryCareTransformation = 0
		}
		if plan && y == len(rnd.years)-1 && pctInvested*1000 < 3*pop && !g.hit("finance.primary_care_transformation", y) {
			if _, ok := g.breach["finance.primary_care_transformation"]; !ok {
				f.PrimaryCareTransformation += (3*pop-pctInvested*1000)/1000 + 1
			}
		}

		// activity
		var admissionsPrev, admissions int64
		for _, key := range activityKeys {
			if prev == nil {
				v := int64(float64(pop) * activityPerThousand[key] / 1000 * (0.85 + 0.3*g.r.Float64()))
				yr.Activity[key] = v
				continue
			}
			before := total(prev.Activity[key])
			l := activityLine{Growth: before * g.between(200, 500) / 10000, QIPP: -(before * g.between(0, 600) / 10000)}
			if g.chance(0.3) {
				l.BacklogClearance = before * g.between(10, 300) / 10000
			}
			l.Plan = before + l.Growth + l.QIPP + l.BacklogClearance
			if key == "gp_referrals" && g.hit("activity.identity", y) {
				l.Plan += g.between(50, 500)
			}
			if g.chance(0.08) && !(key == "gp_referrals" && g.hit("activity.identity", y)) {
				yr.Activity[key] = l.Plan // a plain count: no components given
			} else {
				yr.Activity[key] = l
			}
		}
		for _, key := range []string{"elective_admissions", "non_elective_admissions"} {
			admissions += total(yr.Activity[key])
			if prev != nil {
				admissionsPrev += total(prev.Activity[key])
			}
		}

		// expenditure: total from the in-year identity, other_programme balances
		e := &f.Expenditure
		e.Total = f.Funding.Total + f.QIPP.Identified + f.QIPP.Unidentified - f.Surplus.InYear
		e.RunningCosts = rc - rc*g.between(0, 100)/10000
		if g.hit("finance.running_costs", y) {
			e.RunningCosts = rc + g.between(10, 200)
		}
		if prev == nil {
			e.Acute = e.Total * shares["acute"] / 1000
			e.MentalHealth = e.Total * shares["mh"] / 1000
			e.Community = e.Total * shares["community"] / 1000
			e.ContinuingHealthcare = e.Total * shares["chc"] / 1000
			e.PrimaryCarePrescribing = e.Total * shares["presc"] / 1000
		} else {
			pe := prev.Finance.Expenditure
			// acute grows with admissions, within 3 points (the rule allows 5)
			growthBP := (admissions - admissionsPrev) * 10000 / admissionsPrev
			gap := g.between(-250, 250)
			if g.hit("activity.finance_alignment", y) {
				gap = g.between(700, 1000)
			}
			e.Acute = pe.Acute * (10000 + growthBP + gap) / 10000
			// mental health grows at least as fast as the recurrent allocation
			prevRP := prev.Finance.Funding.RecurrentProgramme
			e.MentalHealth = (pe.MentalHealth*rp+prevRP-1)/prevRP + pe.MentalHealth*g.between(0, 150)/10000
			if g.hit("finance.mental_health_investment", y) {
				e.MentalHealth = pe.MentalHealth * (10000 + (rp-prevRP)*10000/prevRP - g.between(60, 150)) / 10000
			}
			e.Community = pe.Community * g.between(10100, 10400) / 10000
			e.ContinuingHealthcare = pe.ContinuingHealthcare * g.between(10300, 10900) / 10000
			e.PrimaryCarePrescribing = pe.PrimaryCarePrescribing * g.between(10100, 10400) / 10000
		}
		e.OtherProgramme = e.Total - (e.Acute + e.MentalHealth + e.Community + e.ContinuingHealthcare +
			e.PrimaryCarePrescribing + e.RunningCosts)
		if g.hit("finance.expenditure_total", y) {
			e.OtherProgramme += g.between(5, 800)
		}
		f.Surplus.InYear = statedInYear

		if plan {
			yr.Performance = g.performance(fy)
		}
		p.Years = append(p.Years, yr)
		prev = &p.Years[len(p.Years)-1]
	}
}

func total(v any) int64 {
	switch l := v.(type) {
	case int64:
		return l
	case activityLine:
		return l.Plan
	}
	panic(fmt.Sprintf("activity line %T", v))
}

// tenths renders tenths of a percent as a JSON number with one decimal.
func tenths(t int64) json.Number {
	return json.Number(strconv.FormatInt(t/10, 10) + "." + strconv.FormatInt(t%10, 10))
}

func (g *gen) performance(fy string) map[string]*metric {
	out := map[string]*metric{}
	y := indexOf(g.rnd.years, fy)
	for _, key := range metricKeys {
		t := threshold(g.rnd.name, fy, key)
		lower := key == "diagnostics_6wk"
		var level int64
		switch {
		case lower:
			level = t - g.between(1, 5)
		case t == 0:
			level = typical[key] + g.between(-20, 40)
		default:
			level = min(t+g.between(0, 40), 999)
		}
		m := &metric{}
		kind := ""
		for _, k := range g.kinds() {
			if g.perf[k] == key && g.hit(k, y) {
				kind = k
			}
		}
		switch kind {
		case "performance", "performance+recovery":
			if lower {
				level = t + g.between(1, 6)
			} else {
				level = t - g.between(5, 60)
			}
			if kind == "performance+recovery" {
				m.RecoveryPlan = fmt.Sprintf("Recovery plan agreed with the lead provider and NHS England to reach the %s%% standard by March %s, with a monthly trajectory reviewed at the contract board",
					strings.TrimSuffix(string(tenths(t)), ".0"), "20"+fy[5:])
			}
		}
		// monthly: April to March, ending at the plan
		start := level - g.between(0, 30)
		if lower {
			start = level + g.between(0, 5)
		}
		start = max(start, 0)
		m.Monthly = make([]json.Number, 12)
		for j := range 12 {
			m.Monthly[j] = tenths(start + (level-start)*int64(j)/11)
		}
		if kind == "performance+monthly" {
			// the trajectory ends away from the plan (level is met, the March figure is not the plan)
			m.Monthly[11] = tenths(level + 5)
			if level+5 > 1000 {
				m.Monthly[11] = tenths(level - 5)
			}
		}
		m.Plan = tenths(level)
		out[key] = m
	}
	return out
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// ---- must-dos and risks ----

var mustDoText = []struct{ summary, lead string }{
	{"Implement the %s STP through its delivery and enabling workstreams, each with success measures and KPIs; deliver it locally through a new model of care with the member practices.", "Chief Officer, NHS %s CCG (STP partner)"},
	{"Deliver the NHS England control total and business rules: 1%% cumulative surplus, 1%% non-recurrent reserve, 0.5%% contingency, QIPP programme and the Mental Health Investment Standard.", "Chief Finance Officer, NHS %s CCG"},
	{"Sustain general practice through the GP Forward View: investment per head for practice resilience, workforce, extended access and estates; move to delegated primary care commissioning.", "Director of Primary Care, NHS %s CCG"},
	{"Recover and sustain the 4-hour A&E standard through the system recovery plan: front-door streaming, integrated 111 clinical hub, ambulance conveyance reduction.", "Director of Commissioning, NHS %s CCG"},
	{"Recover RTT to 92%% by reducing provider backlogs and balancing demand and capacity; elective demand management and RightCare on elective pathways.", "Director of Commissioning, NHS %s CCG"},
	{"Deliver the 62-day cancer standard and earlier diagnosis through the Cancer Alliance: best-practice pathways, diagnostic capacity, screening uptake.", "Director of Commissioning, NHS %s CCG"},
	{"Deliver the Five Year Forward View for Mental Health: IAPT expansion, early intervention in psychosis within two weeks, children and young people's access and eating disorder services.", "Director of Mental Health Commissioning, NHS %s CCG"},
	{"Deliver the Transforming Care Partnership plan: enhanced community provision for people with learning disabilities and/or autism and fewer inpatient placements.", "Director of Commissioning, NHS %s CCG"},
	{"Improve quality: clinical quality review meetings, quality and patient safety committee, safeguarding and infection control; support for organisations in special measures.", "Director of Quality and Patient Safety, NHS %s CCG"},
}

var requiredMetrics = map[int][]string{4: {"ae_4hr"}, 5: {"rtt_18wk"}, 6: {"cancer_62d"}, 7: {"eip_2wk", "iapt_6wk", "iapt_18wk"}}

var milestoneText = []string{
	"Programme plan agreed by the governing body", "Business case approved and contracts varied",
	"Service specification agreed with providers", "Pilot evaluated and roll-out agreed",
	"Trajectory reviewed at the contract board", "Standard achieved and sustained for a quarter",
	"Workforce plan agreed with the STP", "Year-end delivery confirmed",
}

// date formats a day of the plan period: m months after April of the first plan year.
func date(firstYear, m, day int) string {
	y, mo := firstYear+(3+m)/12, (3+m)%12+1
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, day)
}

func (g *gen) mustDos(place string) []mustDo {
	first, _ := strconv.Atoi(g.rnd.years[1][:4])
	months := 12 * (len(g.rnd.years) - 1)
	out := make([]mustDo, 9)
	for n := 1; n <= 9; n++ {
		t := mustDoText[n-1]
		md := mustDo{Number: n, Summary: fmt.Sprintf(t.summary, place), Lead: fmt.Sprintf(t.lead, place), Metrics: []string{}}
		md.Metrics = append(md.Metrics, requiredMetrics[n]...)
		if n == 7 && g.chance(0.5) {
			md.Metrics = append(md.Metrics, "iapt_access")
		}
		// milestones inside the plan period and after submission (the 2016/17 round submits in April)
		k := int(g.between(2, 3))
		for j := range k {
			m := int(g.between(int64(j*months/k)+1, int64((j+1)*months/k)-1))
			md.Milestones = append(md.Milestones, milestone{Description: g.pick(milestoneText), Due: date(first, m, int(g.between(1, 28))),
				Status: g.pick([]string{"not_started", "not_started", "on_track"})})
		}
		out[n-1] = md
	}
	for _, kind := range g.kinds() {
		switch kind {
		case "must_dos.lead":
			out[g.r.IntN(9)].Lead = ""
		case "must_dos.metrics_linked":
			n := 4 + g.r.IntN(4)
			out[n-1].Metrics = out[n-1].Metrics[1:]
		case "must_dos.all_answered":
			out[g.r.IntN(9)].Summary = " "
		case "must_dos.milestones":
			md := &out[g.r.IntN(9)]
			for j := range md.Milestones {
				md.Milestones[j].Due = date(first, months+int(g.between(1, 9)), 15)
			}
		case "must_dos.overdue_milestones":
			md := &out[g.r.IntN(9)]
			sub := g.rnd.submitted
			md.Milestones = append([]milestone{{Description: "Engagement with member practices and the public completed",
				Due: sub[:5] + "02-28", Status: g.pick([]string{"at_risk", "on_track", "not_started"})}}, md.Milestones...)
		}
	}
	return out
}

var riskText = []struct{ desc, mitigation string }{
	{"Delivery of the QIPP programme in full, a challenging savings target", "Schemes each with project documentation and milestones; RightCare opportunities; contingency and uncommitted risk reserve"},
	{"Clearance of RTT backlogs at the main acute provider may be a significant non-recurrent cost pressure", "Backlog assessment with the Intensive Support Team; demand management; capacity at neighbouring providers"},
	{"Constraining acute activity and cost growth within the contracted financial envelope", "Activity and finance planned together; demand management schemes in the activity plan; contingency"},
	{"Continuing healthcare and funded nursing care price pressures", "Joint review of packages with the local authority; CHC framework compliance audit"},
	{"Constitutional standards not met by local providers at the time of writing", "System-wide recovery plan and remedial action plans with trajectories, monitored through contract quality schedules"},
	{"Workforce shortages in general practice and community services", "STP workforce workstream; GP retention scheme; new roles in primary care"},
	{"Prescribing cost growth above plan (category M and no-cheaper-stock-obtainable prices)", "Medicines optimisation team; practice prescribing incentive scheme"},
}

func (g *gen) risks() []risk {
	n := int(g.between(2, 6))
	perm := g.r.Perm(len(riskText))[:n]
	out := make([]risk, n)
	for i, j := range perm {
		out[i] = risk{Description: riskText[j].desc, Rating: g.pick([]string{"red", "amber", "amber", "green"}), Mitigation: riskText[j].mitigation}
	}
	if _, ok := g.breach["governance.red_risks_mitigated"]; ok {
		i := g.r.IntN(n)
		out[i].Rating, out[i].Mitigation = "red", ""
	}
	return out
}

var places = []struct{ name, stp, region string }{
	{"Norwich", "Norfolk and Waveney", "Midlands and East"}, {"South Norfolk", "Norfolk and Waveney", "Midlands and East"},
	{"Ipswich and East Suffolk", "Suffolk and North East Essex", "Midlands and East"}, {"Southwark", "South East London", "London"},
	{"Lambeth", "South East London", "London"}, {"Bristol", "Bristol, North Somerset and South Gloucestershire", "South"},
	{"Leeds North", "West Yorkshire and Harrogate", "North"}, {"Sheffield", "South Yorkshire and Bassetlaw", "North"},
	{"Central Manchester", "Greater Manchester", "North"}, {"Nottingham City", "Nottinghamshire", "Midlands and East"},
	{"Brighton and Hove", "Sussex and East Surrey", "South"}, {"Cambridgeshire and Peterborough", "Cambridgeshire and Peterborough", "Midlands and East"},
	{"North Somerset", "Bristol, North Somerset and South Gloucestershire", "South"}, {"Newcastle Gateshead", "Northumberland, Tyne and Wear", "North"},
	{"Oxfordshire", "Buckinghamshire, Oxfordshire and Berkshire West", "South"}, {"Camden", "North Central London", "London"},
}
