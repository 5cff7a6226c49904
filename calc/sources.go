package calc

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// MaxQuoteRunes bounds a source's verbatim quote.
const MaxQuoteRunes = 200

// sourced is one published figure and where it was published, as the
// validator checks it: the quote must hold the figure.
type sourced struct {
	field   string
	figure  decimal.Decimal
	percent bool // a ratio: the quote may write it as a percentage
	src     *Source
}

// eachSource calls f with every source of the rule set, its JSON path and
// the figures it must quote.
func (rs *RuleSet) eachSource(f func(sourced)) {
	bound := func(field string, b *Bound) {
		if b == nil {
			return
		}
		if b.Source != nil {
			switch {
			case b.Amount != nil:
				f(sourced{field + ".source", *b.Amount, false, b.Source})
				if b.Ratio != nil && b.RatioSource == nil {
					f(sourced{field + ".source", *b.Ratio, true, b.Source})
				}
			case b.Ratio != nil:
				f(sourced{field + ".source", *b.Ratio, true, b.Source})
			}
		}
		if b.RatioSource != nil && b.Ratio != nil {
			f(sourced{field + ".ratio_source", *b.Ratio, true, b.RatioSource})
		}
	}
	average := func(field string, a *Average) {
		if a.Source == nil {
			return
		}
		switch {
		case a.Annual != nil:
			f(sourced{field + ".source", *a.Annual, false, a.Source})
		case a.Amount != nil:
			f(sourced{field + ".source", *a.Amount, false, a.Source})
		default:
			f(sourced{field: field + ".source", src: a.Source})
		}
	}
	flexible := func(field string, fr *FlexibleRange) {
		bound(field+".min", &fr.Min)
		bound(field+".max", &fr.Max)
		bound(field+".default", fr.Default)
		if t := fr.Tiers; t != nil && len(t.Sources) > 0 {
			// Each tier is checked against the quote that holds it (the
			// first source when none does, which then fails the check).
			holder := func(fig decimal.Decimal, pct bool) *Source {
				for _, s := range t.Sources {
					if QuoteHolds(s.Quote, fig, pct) {
						return s
					}
				}
				return t.Sources[0]
			}
			for i, s := range t.Sources {
				f(sourced{field: fmt.Sprintf("%s.tiers.sources[%d]", field, i), src: s})
			}
			for i, a := range t.Amounts {
				f(sourced{fmt.Sprintf("%s.tiers.amounts[%d]", field, i), a, false, holder(a, false)})
			}
			for i, r := range t.Ratios {
				f(sourced{fmt.Sprintf("%s.tiers.ratios[%d]", field, i), r, true, holder(r, true)})
			}
		}
	}
	params := func(prefix string, avg []DatedAverage, floor, cap []DatedBound, flex []FlexibleRange) {
		for i := range avg {
			average(fmt.Sprintf("%s.average[%d]", prefix, i), &avg[i].Average)
		}
		for i := range floor {
			bound(fmt.Sprintf("%s.floor[%d]", prefix, i), &floor[i].Bound)
		}
		for i := range cap {
			bound(fmt.Sprintf("%s.cap[%d]", prefix, i), &cap[i].Bound)
		}
		for i := range flex {
			flexible(fmt.Sprintf("%s.flexible[%d]", prefix, i), &flex[i])
		}
	}
	p := &rs.Params
	params("params", p.Average, p.Floor, p.Cap, p.Flexible)
	for _, ins := range sortedKeys(p.Bases) {
		for i := range p.Bases[ins] {
			s := &p.Bases[ins][i]
			bound(fmt.Sprintf("params.bases.%s[%d].floor", ins, i), s.Floor)
			bound(fmt.Sprintf("params.bases.%s[%d].cap", ins, i), s.Cap)
		}
	}
	for _, ins := range sortedKeys(p.Rates) {
		for i := range p.Rates[ins] {
			rs := &p.Rates[ins][i]
			for _, x := range []struct {
				name string
				r    *Rate
			}{{"unit", rs.Unit}, {"individual", rs.Individual}, {"institution", rs.Institution}, {"flexible", rs.Flexible}} {
				if x.r != nil && x.r.Source != nil {
					f(sourced{fmt.Sprintf("params.rates.%s[%d].%s.source", ins, i, x.name), x.r.Rate, true, x.r.Source})
				}
			}
		}
	}
	for i := range rs.Variants {
		v := &rs.Variants[i].Params
		params(fmt.Sprintf("variants[%d].params", i), v.Average, v.Floor, v.Cap, v.Flexible)
	}
}

// SourcedFigure is one published figure with its source, as Figures
// lists them: Field is its JSON path in the rule file; Percent says the
// figure is a ratio (a quote may write it as a percentage).
type SourcedFigure struct {
	Field   string
	Figure  decimal.Decimal
	Percent bool
	Source  *Source
}

// Figures lists every figure of the rule set that names a source.
func (rs *RuleSet) Figures() []SourcedFigure {
	var out []SourcedFigure
	rs.eachSource(func(s sourced) {
		out = append(out, SourcedFigure{Field: s.field, Figure: s.figure, Percent: s.percent, Source: s.src})
	})
	return out
}

// ResolveSources fills every figure's source from the rule set's Sources
// entry it names by Ref (fields given on the figure win), or says which
// Ref names nothing.
func (rs *RuleSet) ResolveSources() *Error {
	var err *Error
	seen := map[*Source]bool{}
	rs.eachSource(func(s sourced) {
		if err != nil || s.src.Ref == "" || seen[s.src] {
			return
		}
		seen[s.src] = true
		named, ok := rs.Sources[s.src.Ref]
		if !ok {
			err = newError(CodeRuleInvalid, s.field+".ref", "规则集 "+rs.ID+" 的 "+s.field+".ref：sources 中没有“"+s.src.Ref+"”。",
				"Rule set "+rs.ID+", "+s.field+".ref: sources has no "+s.src.Ref+".")
			return
		}
		fill := func(dst *string, v string) {
			if *dst == "" {
				*dst = v
			}
		}
		fill(&s.src.Doc, named.Doc)
		fill(&s.src.Title, named.Title)
		fill(&s.src.Issuer, named.Issuer)
		fill(&s.src.Date, named.Date)
		fill(&s.src.URL, named.URL)
		fill(&s.src.Via, named.Via)
		fill(&s.src.Quote, named.Quote)
		fill(&s.src.Note, named.Note)
		fill(&s.src.Grade, named.Grade)
	})
	return err
}

// number matches a figure as notices write it: digits with an optional
// decimal part (thousands separators and full-width digits are removed
// before matching).
//
// A number grouped by thousands ("4,775.00") is read whole; the Chinese
// comma "，" is punctuation, never a separator ("上限20991，2025年").
// Compiled on first use: the browser never checks quotes, and compiling
// it at start-up cost the app 28 ms.
var number = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?`)
})

// QuoteHolds reports whether a verbatim quote contains the figure: as an
// amount ("4775", "4,775元", "４７７５", "4775.00"), or, for a ratio, as
// itself or as a percentage ("0.6", "60%").
func QuoteHolds(quote string, figure decimal.Decimal, percent bool) bool {
	q := strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		}
		return r
	}, quote)
	for _, m := range number().FindAllString(q, -1) {
		d, err := decimal.NewFromString(strings.ReplaceAll(m, ",", ""))
		if err != nil {
			continue
		}
		if d.Equal(figure) || (percent && d.Equal(figure.Shift(2))) {
			return true
		}
	}
	return false
}

// checkSources holds every source of the newer grades to the house rules:
// named, with its issuer (for official and secondary), address and grade,
// and a quote of at most MaxQuoteRunes characters that holds its figure.
func (v *validator) checkSources() {
	v.rs.eachSource(func(s sourced) {
		src := s.src
		switch src.Grade {
		case GradeOfficial, GradeSecondary, GradeUnverified:
		default:
			return // the older grades are checked by source()
		}
		switch {
		case src.Name() == "":
			v.fail(s.field+".doc", "来源须注明文号或标题", "a source needs its document number or title")
		case src.URL == "":
			v.fail(s.field+".url", "来源须注明地址", "a source needs its address")
		case src.Grade != GradeUnverified && src.Issuer == "":
			v.fail(s.field+".issuer", "正式或转载来源须注明发文机关", "an official or secondary source needs its issuer")
		case src.Quote == "":
			v.fail(s.field+".quote", "来源须摘录含有该数字的原文", "a source needs a verbatim quote holding the figure")
		case utf8.RuneCountInString(src.Quote) > MaxQuoteRunes:
			v.fail(s.field+".quote", fmt.Sprintf("摘录不超过 %d 字", MaxQuoteRunes), fmt.Sprintf("a quote is at most %d characters", MaxQuoteRunes))
		case s.field != "" && !s.figure.IsZero() && !QuoteHolds(src.Quote, s.figure, s.percent):
			v.fail(s.field+".quote", "摘录中没有数字 "+s.figure.String(), "the quote does not hold the figure "+s.figure.String())
		}
	})
}
