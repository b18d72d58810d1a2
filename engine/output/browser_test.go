//go:build browser

package output_test

// The report's browser test: make test-browser (go test -tags browser -run
// Browser ./engine/output). It renders the HTML report of the shipped plans
// in headless Chromium (no driver library: a probe script added to a copy of
// the page measures the laid-out DOM, --dump-dom returns it, --screenshot
// takes the pictures) and checks, at 1400 px and at the width of an A4 page
// with the print styles applied: no tick label has more than 4 decimal
// places, no text of a chart reaches outside its svg, the matrix has a row
// per plan and a column per rule that ran and fits the width of the screen
// and of a landscape A4 page. -screenshot
// writes docs/report-page.png and docs/report-matrix.png.

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/planassure/planassure/internal/testutil"
)

var screenshot = flag.Bool("screenshot", false, "write screenshots of the shipped plans' report to docs/")

// probeScript measures the page as laid out and writes what it found, as
// JSON, into <pre id="probe">. With print set, it first applies the page's
// @media print rules as if printing.
const probeScript = `<script>
(function () {
  var print = %s;
  if (print) {
    var css = "";
    for (var s of document.styleSheets) for (var r of s.cssRules)
      if (r.media && r.media.mediaText === "print") for (var q of r.cssRules) if (!q.cssText.startsWith("@page")) css += q.cssText + "\n";
    var st = document.createElement("style"); st.textContent = css; document.head.appendChild(st);
  }
  var out = {ticks: [], overflow: [], pageOverflow: [], charts: 0, rows: 0, cols: 0, cells: [], matrixOverflow: 0, height: 0, matrixBottom: 0};
  document.querySelectorAll("svg.chart").forEach(function (svg) {
    out.charts++;
    var b = svg.getBoundingClientRect();
    svg.querySelectorAll("text").forEach(function (t) {
      var r = t.getBoundingClientRect();
      if (t.classList.contains("tick")) out.ticks.push(t.textContent);
      if (r.left < b.left - 0.5 || r.right > b.right + 0.5 || r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5)
        out.overflow.push(svg.id + ": " + t.textContent + " [" + [r.left, r.right, r.top, r.bottom].map(Math.round) + "] outside [" + [b.left, b.right, b.top, b.bottom].map(Math.round) + "]");
    });
  });
  var m = document.getElementById("matrix");
  if (m) {
    out.rows = m.tBodies[0].rows.length;
    out.cols = m.querySelectorAll("thead th.rule").length;
    for (var row of m.tBodies[0].rows) out.cells.push(row.querySelectorAll("td.cell").length);
    var w = m.parentElement;
    out.matrixOverflow = w.scrollWidth - w.clientWidth;
    out.matrixBottom = Math.ceil(w.getBoundingClientRect().bottom + window.scrollY);
  }
  out.height = document.documentElement.scrollHeight;
  var width = document.documentElement.clientWidth;
  document.querySelectorAll("body *").forEach(function (e) {
    if (e.closest(".glance") || e.closest("svg")) return;
    var r = e.getBoundingClientRect();
    if (r.right > width + 0.5 && out.pageOverflow.length < 10)
      out.pageOverflow.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + " ends at " + Math.round(r.right) + ": " + e.textContent.slice(0, 60));
  });
  var pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>`

type probe struct {
	Ticks          []string `json:"ticks"`
	Overflow       []string `json:"overflow"`
	PageOverflow   []string `json:"pageOverflow"`
	Charts         int      `json:"charts"`
	Rows, Cols     int
	Cells          []int   `json:"cells"`
	MatrixOverflow float64 `json:"matrixOverflow"`
	Height         int     `json:"height"`
	MatrixBottom   int     `json:"matrixBottom"`
}

// measure opens page with the probe at a window width and returns what it found.
func measure(t *testing.T, bin string, page []byte, width int, print bool) probe {
	t.Helper()
	script := strings.Replace(probeScript, "%s", strconv.FormatBool(print), 1)
	probed := bytes.Replace(page, []byte("</body>"), []byte(script+"</body>"), 1)
	file := filepath.Join(t.TempDir(), "probe.html")
	if err := os.WriteFile(file, probed, 0o600); err != nil {
		t.Fatal(err)
	}
	dom := testutil.Chromium(t, bin, "file://"+file, "--dump-dom", "--window-size="+strconv.Itoa(width)+",1000")
	doc, err := html.Parse(bytes.NewReader(dom))
	if err != nil {
		t.Fatal(err)
	}
	pre := find(doc, func(n *html.Node) bool { return testutil.Attr(n, "id") == "probe" })
	if len(pre) != 1 {
		t.Fatalf("the probe did not run:\n%.2000s", dom)
	}
	var p probe
	if err := json.Unmarshal([]byte(testutil.Text(pre[0])), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBrowserReport(t *testing.T) {
	bin := testutil.ChromiumBin(t)
	r := shippedReport(t)
	for i := range r.Results { // named as "planassure check plans/" names them from the repository root
		r.Results[i].Plan = strings.TrimPrefix(r.Results[i].Plan, "../../")
	}
	page := render(t, "html", r)
	rules := ranRules(r)
	charts := 0
	for _, res := range r.Results {
		if res.Figures != nil {
			charts += financeChartCount(res.Figures) + len(res.Figures.Performance)
		}
	}
	var height, matrixBottom int
	for _, c := range []struct {
		name  string
		width int
		print bool
	}{{"1400 px", 1400, false}, {"A4 print", 680, true}, {"A4 landscape print", 1047, true}} {
		t.Run(c.name, func(t *testing.T) {
			p := measure(t, bin, page, c.width, c.print)
			if p.Charts != charts {
				t.Errorf("%d charts laid out, want %d", p.Charts, charts)
			}
			if len(p.Ticks) == 0 {
				t.Error("no tick label found")
			}
			for _, tick := range p.Ticks {
				s := strings.TrimSuffix(tick, "%")
				if _, frac, ok := strings.Cut(s, "."); ok && len(frac) > 4 {
					t.Errorf("tick label %q has more than 4 decimal places", tick)
				}
			}
			for _, o := range p.Overflow {
				t.Errorf("text outside its chart: %s", o)
			}
			for _, o := range p.PageOverflow {
				t.Errorf("wider than the page (%d px): %s", c.width, o)
			}
			if p.Rows != len(r.Results) {
				t.Errorf("the matrix has %d rows, want one per plan (%d)", p.Rows, len(r.Results))
			}
			if p.Cols != len(rules) {
				t.Errorf("the matrix has %d rule columns, want one per rule that ran (%d)", p.Cols, len(rules))
			}
			for i, n := range p.Cells {
				if n != len(rules) {
					t.Errorf("matrix row %d has %d cells, want %d", i+1, n, len(rules))
				}
			}
			// The matrix prints on a landscape page (@page glance).
			if c.width > 1000 && p.MatrixOverflow > 0 {
				t.Errorf("the matrix is %v px wider than the page at %d px", p.MatrixOverflow, c.width)
			}
			if !c.print {
				height, matrixBottom = p.Height, p.MatrixBottom
			}
		})
	}
	if height == 0 {
		return
	}

	// The screenshots: the whole page, and the top of it down to the matrix's end.
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, page, 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if *screenshot {
		dir = filepath.Join("..", "..", "docs")
	}
	for _, s := range []struct {
		name   string
		height int
	}{{"report-page.png", height}, {"report-matrix.png", matrixBottom + 16}} {
		out, _ := filepath.Abs(filepath.Join(dir, s.name))
		testutil.Chromium(t, bin, "file://"+file, "--screenshot="+out, "--window-size=1400,"+strconv.Itoa(s.height))
		img := readPNG(t, out)
		if *screenshot {
			img = shrinkPNG(t, out)
		}
		if b := img.Bounds(); b.Dx() != 1400 || b.Dy() != s.height {
			t.Errorf("%s is %dx%d, want 1400x%d", s.name, b.Dx(), b.Dy(), s.height)
		}
		t.Logf("wrote %s (%dx%d)", out, img.Bounds().Dx(), img.Bounds().Dy())
	}
}

// shrinkPNG rewrites a screenshot as a paletted PNG of its 256 most frequent
// colours (the page's flat colours exactly, anti-aliased edges to the
// nearest), a quarter of the size, and returns the image.
func shrinkPNG(t *testing.T, path string) image.Image {
	t.Helper()
	img := readPNG(t, path)
	b := img.Bounds()
	count := map[color.RGBA]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			count[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)]++
		}
	}
	colours := make([]color.RGBA, 0, len(count))
	for c := range count {
		colours = append(colours, c)
	}
	slices.SortFunc(colours, func(a, b color.RGBA) int {
		return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a.R, b.R), cmp.Compare(a.G, b.G), cmp.Compare(a.B, b.B), cmp.Compare(a.A, b.A))
	})
	pal := color.Palette{}
	for _, c := range colours[:min(256, len(colours))] {
		pal = append(pal, c)
	}
	index := map[color.RGBA]uint8{}
	out := image.NewPaletted(b, pal)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			i, ok := index[c]
			if !ok {
				i = uint8(pal.Index(c))
				index[c] = i
			}
			out.SetColorIndex(x, y, i)
		}
	}
	g, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(g, out); err != nil {
		t.Fatal(err)
	}
	return out
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}
