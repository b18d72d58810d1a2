package server_test

import (
	"bytes"
	"mime/multipart"
	"net/textproto"
	"strings"
	"testing"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/server"
	"github.com/planassure/planassure/workbook"
)

// exportedPlan is a shipped plan as the workbook export writes it.
func exportedPlan(t *testing.T, name string) []byte {
	t.Helper()
	doc, err := workbook.DecodeJSON(readPlan(t, name))
	if err != nil {
		t.Fatal(err)
	}
	f, err := workbook.Export(doc)
	if err != nil {
		t.Fatal(err)
	}
	b, err := workbook.Bytes(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCheckWorkbookUploads posts workbooks: as a multipart file named .xlsx,
// as a part with the workbook content type and another name, and as the
// body; each is checked as its JSON is, findings naming their cell.
func TestCheckWorkbookUploads(t *testing.T) {
	ts := newServer(t, server.Config{})
	const plan = "06W-2017-19.json"
	x := exportedPlan(t, plan)

	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("plans", "06W.xlsx")
	fw.Write(x)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="plans"; filename="06W from email"`)
	h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	pw, _ := mw.CreatePart(h)
	pw.Write(x)
	fw, _ = mw.CreateFormFile("plans", "broken.xlsx")
	fw.Write(x[:len(x)/2])
	fw, _ = mw.CreateFormFile("plans", plan)
	fw.Write(readPlan(t, plan))
	mw.Close()
	resp, body := do(t, "POST", ts.URL+"/v1/check", mw.FormDataContentType(), &buf)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	rep := decodeReport(t, body)
	if len(rep.Results) != 4 {
		t.Fatalf("%d results", len(rep.Results))
	}
	byName := map[string]engine.Result{}
	for _, r := range rep.Results {
		byName[r.Plan] = r
	}
	j := byName[plan]
	for _, name := range []string{"06W.xlsx", "06W from email.xlsx"} {
		w, ok := byName[name]
		if !ok {
			t.Fatalf("no result for %s: %s", name, body)
		}
		if w.Verdict != j.Verdict || len(w.Findings) != len(j.Findings) || len(w.Findings) == 0 {
			t.Errorf("%s: %s with %d findings, JSON %s with %d", name, w.Verdict, len(w.Findings), j.Verdict, len(j.Findings))
			continue
		}
		if w.Findings[0].Cell == "" || j.Findings[0].Cell != "" {
			t.Errorf("%s: cells %q (workbook), %q (JSON)", name, w.Findings[0].Cell, j.Findings[0].Cell)
		}
	}
	if b := byName["broken.xlsx"]; b.Verdict != engine.VerdictError || !strings.Contains(b.Problems[0].Message, "damaged") {
		t.Errorf("broken workbook: %s %v", b.Verdict, b.Problems)
	}

	resp, body = do(t, "POST", ts.URL+"/v1/check", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.NewReader(x))
	if resp.StatusCode != 200 {
		t.Fatalf("workbook body: status %d: %s", resp.StatusCode, body)
	}
	if r := decodeReport(t, body).Results[0]; r.Verdict != j.Verdict || len(r.Findings) != len(j.Findings) {
		t.Errorf("workbook body: %s, %d findings", r.Verdict, len(r.Findings))
	}

	resp, page := do(t, "GET", ts.URL+"/", "", nil)
	if resp.StatusCode != 200 || !strings.Contains(string(page), `accept=".xlsx,`) {
		t.Errorf("the upload page does not offer workbooks")
	}
}
