package rules

import (
	"fmt"
	"strings"

	"sibase/calc"
)

// CoverageRow is what sibase carries for one province: its rule sets
// since 国办发〔2019〕13号, how many periods they hold and from when, the
// latest period with the status of its figures, and the month the figures
// were last checked through.
type CoverageRow struct {
	Province        PlaceInfo
	Sets            []string
	Periods         int
	First           calc.Month
	LatestFrom      calc.Month
	LatestTo        calc.Month // zero: open-ended
	Status          calc.Status
	ReviewedThrough calc.Month
	Zones           int // variants by city
}

// Coverage lists every province with the rule sets bundled for it since
// 2019 (the founding sets of 2006–2011 are not counted), in code order.
func Coverage() ([]CoverageRow, error) {
	sets, err := Bundled()
	if err != nil {
		return nil, err
	}
	var rows []CoverageRow
	for _, p := range Provinces() {
		row := CoverageRow{Province: p}
		for _, rs := range sets {
			if rs.Region != p.Code || rs.Start().Year < 2019 {
				continue
			}
			row.Sets = append(row.Sets, rs.ID)
			periods := rs.Periods()
			row.Periods += len(periods)
			if row.First.IsZero() || rs.Start().Before(row.First) {
				row.First = rs.Start()
			}
			last := periods[len(periods)-1]
			if last.From.After(row.LatestFrom) {
				row.LatestFrom, row.LatestTo = last.From, last.To
				r, cerr := rs.At(last.From)
				if cerr != nil {
					return nil, cerr
				}
				row.Status, row.ReviewedThrough = r.Status(), rs.ReviewedThrough
				row.Zones = 0
				for _, v := range rs.Variants {
					if len(v.Cities) > 0 {
						row.Zones++
					}
				}
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// CoverageTable writes the rows as the Markdown table docs/COVERAGE.md
// holds and `rules -coverage` prints.
func CoverageTable(rows []CoverageRow) string {
	var b strings.Builder
	b.WriteString("| code | province | rule sets | periods | from | latest period | status | zones | reviewed through |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, r := range rows {
		if len(r.Sets) == 0 {
			fmt.Fprintf(&b, "| %s | %s %s | — | 0 | — | — | — | — | — |\n", r.Province.Code, r.Province.Name, r.Province.NameEN)
			continue
		}
		to := r.LatestTo.String()
		if to == "" {
			to = "…"
		}
		fmt.Fprintf(&b, "| %s | %s %s | %s | %d | %s | %s – %s | %s | %d | %s |\n", r.Province.Code, r.Province.Name, r.Province.NameEN,
			strings.Join(r.Sets, ", "), r.Periods, r.First, r.LatestFrom, to, r.Status, r.Zones, r.ReviewedThrough)
	}
	return b.String()
}
