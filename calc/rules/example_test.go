package rules

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"sibase/calc"
)

// The worked example of docs/RULES.md: Dalian, insurance year 2009-07 to
// 2010-06, under 辽社险函〔2006〕89号. It is not bundled; these tests keep
// the file, the doc's copy of it and the figures the doc quotes in step.
const (
	exampleFile   = "../../testdata/rules/dalian-2009.json"
	docFile       = "../../docs/RULES.md"
	exampleMarker = "<!-- example: testdata/rules/dalian-2009.json -->"
)

func readExample(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(exampleFile)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func parseExample(t *testing.T) *calc.RuleSet {
	t.Helper()
	rs, err := Parse("dalian-2009.json", readExample(t))
	if err != nil {
		t.Fatalf("Parse(dalian-2009.json): got error %v, want none", err)
	}
	return rs
}

func TestExampleParses(t *testing.T) {
	rs := parseExample(t)
	for _, c := range []struct{ name, got, want string }{
		{"id", rs.ID, "dalian-2009"},
		{"region", rs.Region, "210200"},
		{"status", string(rs.Status), string(calc.StatusSecondary)},
		{"start", rs.Start().String(), "2009-07"},
		{"until", rs.Until.String(), "2010-06"},
		{"average", rs.Params.Average[0].Amount.String(), "2859"},
		{"flexible values", strconv.Itoa(len(rs.Params.Flexible)), "0"},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, c.got, c.want)
		}
	}
}

// docExample returns the ```json block that follows exampleMarker in
// docs/RULES.md.
func docExample(t *testing.T) []byte {
	t.Helper()
	doc, err := os.ReadFile(docFile)
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := bytes.Cut(doc, []byte(exampleMarker+"\n"))
	if !ok {
		t.Fatalf("%s: got no line %q, want one", docFile, exampleMarker)
	}
	body, ok := bytes.CutPrefix(after, []byte("```json\n"))
	if !ok {
		t.Fatalf("%s: got no ```json fence right after %q, want one", docFile, exampleMarker)
	}
	block, _, ok := bytes.Cut(body, []byte("\n```"))
	if !ok {
		t.Fatalf("%s: got an unclosed ```json fence after %q, want it closed", docFile, exampleMarker)
	}
	return block
}

func TestExampleInDocMatchesFile(t *testing.T) {
	got := bytes.TrimSpace(docExample(t))
	want := bytes.TrimSpace(readExample(t))
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("docs/RULES.md example differs from %s at line %d: got %q, want %q", exampleFile, i+1, g, w)
			}
		}
	}
}

func TestExampleFigures(t *testing.T) {
	rs := parseExample(t)
	d1500 := decimal.RequireFromString("1500")
	d9000 := decimal.RequireFromString("9000")
	d2000 := decimal.RequireFromString("2000")
	for _, c := range []struct {
		month   string
		wage    *decimal.Decimal
		base    string
		outcome calc.Outcome
	}{
		{"2009-07", &d1500, "1715.40", calc.OutcomeRaisedToFloor},
		{"2009-09", &d1500, "1715.40", calc.OutcomeRaisedToFloor},
		{"2010-06", &d9000, "8577.00", calc.OutcomeCutToCap},
		{"2009-09", &d2000, "2000", calc.OutcomeAsDeclared},
		{"2009-09", nil, "2859", calc.OutcomeAverage}, // income unknown: 89号 二(一)
	} {
		r, err := rs.At(calc.MustMonth(c.month))
		if err != nil {
			t.Fatalf("At(%s): got error %v, want none", c.month, err)
		}
		lim, err := r.Limits()
		if err != nil {
			t.Fatalf("%s Limits: got error %v, want none", c.month, err)
		}
		if want := decimal.RequireFromString("1715.40"); !lim.Floor.Equal(want) {
			t.Errorf("%s floor: got %s, want %s", c.month, lim.Floor, want)
		}
		if want := decimal.RequireFromString("8577.00"); !lim.Cap.Equal(want) {
			t.Errorf("%s cap: got %s, want %s", c.month, lim.Cap, want)
		}
		res, err := r.EmployeeBase(calc.Pension, calc.WageInput{MonthlyWage: c.wage}, "worker")
		if err != nil {
			t.Fatalf("%s EmployeeBase: got error %v, want none", c.month, err)
		}
		if want := decimal.RequireFromString(c.base); !res.Base.Equal(want) {
			t.Errorf("%s base: got %s, want %s", c.month, res.Base, want)
		}
		if res.Outcome != c.outcome {
			t.Errorf("%s outcome: got %s, want %s", c.month, res.Outcome, c.outcome)
		}
	}
}

func TestExampleOutOfRange(t *testing.T) {
	rs := parseExample(t)
	for _, m := range []string{"2009-06", "2010-07"} {
		_, err := rs.At(calc.MustMonth(m))
		if err == nil {
			t.Errorf("At(%s): got no error, want %s", m, calc.CodeDateOutOfRange)
			continue
		}
		if err.Code != calc.CodeDateOutOfRange {
			t.Errorf("At(%s): got code %s, want %s", m, err.Code, calc.CodeDateOutOfRange)
		}
	}
}

// TestExampleNoFlexible: the example carries no flexible-worker range
// (docs/RULES.md explains why), so a flexible worker's base is refused
// rather than guessed.
func TestExampleNoFlexible(t *testing.T) {
	r, err := parseExample(t).At(calc.MustMonth("2009-09"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Flexible != nil {
		t.Errorf("flexible at 2009-09: got %+v, want nil", r.Flexible)
	}
}

// remove marks a path to delete in a broken variant.
type remove struct{}

// edit sets (or, for remove{}, deletes) the value at a dotted path such as
// "params.floor.0.cite.doc"; numeric segments index arrays.
func edit(t *testing.T, doc map[string]any, path string, v any) {
	t.Helper()
	segs := strings.Split(path, ".")
	var cur any = doc
	for i, s := range segs {
		last := i == len(segs)-1
		switch c := cur.(type) {
		case map[string]any:
			if last {
				if _, del := v.(remove); del {
					if _, ok := c[s]; !ok {
						t.Fatalf("edit %s: got no field %q, want one", path, s)
					}
					delete(c, s)
				} else {
					c[s] = v
				}
				return
			}
			cur = c[s]
		case []any:
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 || n >= len(c) {
				t.Fatalf("edit %s: got index %q for an array of %d, want a valid index", path, s, len(c))
			}
			if last {
				c[n] = v
				return
			}
			cur = c[n]
		default:
			t.Fatalf("edit %s: got %T at %q, want an object or array", path, cur, s)
		}
	}
}

func TestExampleBrokenVariants(t *testing.T) {
	orig := readExample(t)
	for _, c := range []struct {
		name   string
		change func(t *testing.T, doc map[string]any)
		want   []string // substrings the error must contain
	}{
		{"floor without cite.doc", func(t *testing.T, d map[string]any) {
			edit(t, d, "params.floor.0.cite.doc", remove{})
		}, []string{"params.floor[0].cite.doc", "every parameter must cite its document"}},
		{"cap ratio below floor ratio", func(t *testing.T, d map[string]any) {
			edit(t, d, "params.cap.0.ratio", "0.5")
		}, []string{"params.floor", "the floor ratio is not below the cap ratio"}},
		{"second average not later than the first", func(t *testing.T, d map[string]any) {
			avg := d["params"].(map[string]any)["average"].([]any)
			second := map[string]any{"from": "2009-07", "kind": "in_service", "scope": "city", "wage_year": 2008,
				"cite": map[string]any{"doc": "辽社险函〔2006〕89号", "clause": "二(一)"}}
			d["params"].(map[string]any)["average"] = append(avg, second)
		}, []string{"params.average[1].from", "must be later than the previous value's"}},
		{"average value after until", func(t *testing.T, d map[string]any) {
			avg := d["params"].(map[string]any)["average"].([]any)
			second := map[string]any{"from": "2010-07", "kind": "in_service", "scope": "city", "wage_year": 2009,
				"cite": map[string]any{"doc": "辽社险函〔2006〕89号", "clause": "二(一)"}}
			d["params"].(map[string]any)["average"] = append(avg, second)
		}, []string{"params.average[1].from", "is after the set's last month"}},
		{"cap starting after the set", func(t *testing.T, d map[string]any) {
			edit(t, d, "params.cap.0.from", "2009-08")
		}, []string{"params.cap[0].from", "must start at the set's first month, 2009-07"}},
		{"status draft", func(t *testing.T, d map[string]any) {
			edit(t, d, "status", "draft")
		}, []string{"status", "must be official, provisional, secondary_source or unverified"}},
		{"missing reviewed_through", func(t *testing.T, d map[string]any) {
			edit(t, d, "reviewed_through", remove{})
		}, []string{"reviewed_through", "must give the month"}},
		{"unknown field flor", func(t *testing.T, d map[string]any) {
			p := d["params"].(map[string]any)
			p["flor"] = p["floor"]
			delete(p, "floor")
		}, []string{`unknown field "flor"`}},
		{"region not six digits", func(t *testing.T, d map[string]any) {
			edit(t, d, "region", "2102")
		}, []string{"region", "six-digit GB/T 2260 code"}},
		{"month written 2009-7", func(t *testing.T, d map[string]any) {
			edit(t, d, "until", "2010-6")
		}, []string{"YYYY-MM", "2010-6"}},
		{"bundled average without source", func(t *testing.T, d map[string]any) {
			edit(t, d, "params.average.0.source", remove{})
		}, []string{"params.average[0].source", "a bundled average must name its source"}},
		{"source grade unknown", func(t *testing.T, d map[string]any) {
			edit(t, d, "params.average.0.source.grade", "likely")
		}, []string{"params.average[0].source.grade", "must be official, secondary or unverified"}},
		{"a secondary source without its address", func(t *testing.T, d map[string]any) {
			edit(t, d, "params.average.0.source.grade", "secondary")
		}, []string{"params.average[0].source.url", "a source needs its address"}},
		{"floor with neither ratio nor amount", func(t *testing.T, d map[string]any) {
			edit(t, d, "params.floor.0.ratio", remove{})
		}, []string{"params.floor[0]", "needs a ratio or an amount"}},
		{"rounding mode bankers", func(t *testing.T, d map[string]any) {
			edit(t, d, "params.rounding.0.mode", "bankers")
		}, []string{"params.rounding[0].mode", "half_up, up or down"}},
		{"rounding to 3 places", func(t *testing.T, d map[string]any) {
			edit(t, d, "params.rounding.0.places", 3)
		}, []string{"params.rounding[0].places", "0 (yuan), 1 (jiao) or 2 (fen)"}},
		{"unknown individual method", func(t *testing.T, d map[string]any) {
			edit(t, d, "params.bases.pension.0.individual.method", "capped")
		}, []string{"params.bases.pension[0].individual.method", "unknown method"}},
		{"unknown employer kind", func(t *testing.T, d map[string]any) {
			unit := d["params"].(map[string]any)["bases"].(map[string]any)["pension"].([]any)[0].(map[string]any)["unit"].(map[string]any)
			unit["company"] = unit["enterprise"]
		}, []string{"params.bases.pension[0].unit.company", "unknown employer kind"}},
		{"rate written as a percentage", func(t *testing.T, d map[string]any) {
			edit(t, d, "params.rates.pension.0.individual.rate", "8")
		}, []string{"params.rates.pension[0].individual.rate", "above 0 and below 1"}},
		{"no pension bases", func(t *testing.T, d map[string]any) {
			edit(t, d, "params.bases.pension", remove{})
		}, []string{"params.bases.pension", "must set the pension bases"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal(orig, &doc); err != nil {
				t.Fatal(err)
			}
			c.change(t, doc)
			data, err := json.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			_, perr := Parse("dalian-2009.json", data)
			if perr == nil {
				t.Fatalf("Parse: got no error, want one containing %q", c.want)
			}
			msg := perr.Error()
			if !strings.HasPrefix(msg, "dalian-2009.json: ") {
				t.Errorf("error: got %q, want it to start with the file name", msg)
			}
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error: got %q, want it to contain %q", msg, w)
				}
			}
		})
	}
}
