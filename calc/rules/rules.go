// Package rules holds sibase's bundled rule sets as JSON data files,
// embedded in every binary, with their loader, and the places they apply
// to (places.go).
//
// One file per place and governing document, named REGION-ID.json by its
// GB/T 2260 region code and its id (data/430000-hunan.json). The founding
// sets:
//
//	210000-liaoning-2006    辽宁省 2006–2010, 辽社险函〔2006〕89号 (the city's average is entered by the user)
//	210100-shenyang-2009    沈阳市 2009-07–2010-06, 89号 with Shenyang's published figures (secondary source)
//	230600-daqing-2011      大庆市 2011, 庆社险函〔2011〕3号 (Heilongjiang's 2010 average is entered by the user)
//	000000-national-2019    全国模板 from 2019-05, 国办发〔2019〕13号 (the province's full-caliber average is entered)
//
// and one for each of the 31 provinces since 国办发〔2019〕13号, with
// their published figures and sources. A file is decoded only when a
// request needs it (the name says which region it serves), so start-up
// parses none. docs/RULES.md describes the format.
//
// Example:
//
//	set, _ := rules.ByID("liaoning-2006")
//	r, _ := set.At(calc.MustMonth("2007-05"))
//	fmt.Println(r.Flexible.Min.Ratio) // 0.7
package rules

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"sibase/calc"
)

// entry is one bundled file, known by its name before it is decoded.
type entry struct {
	file, region, id string
}

// entries lists the bundled files from their names alone.
var entries = sync.OnceValue(func() []entry {
	// embed.FS's own ReadDir, not fs.Glob: the browser's copy is smaller
	// without io/fs's pattern matching.
	names := dataNames()
	out := make([]entry, 0, len(names))
	for _, name := range names {
		base, ok := strings.CutSuffix(name, ".json")
		if !ok || len(base) < 8 || base[6] != '-' {
			continue // places.json
		}
		out = append(out, entry{file: dataDir + "/" + name, region: base[:6], id: base[7:]})
	}
	return out
})

// cache holds the files decoded so far: file name → *loaded.
var cache sync.Map

type loaded struct {
	once sync.Once
	set  *calc.RuleSet
	err  error
}

// load decodes (once) and validates one bundled file; a broken bundled
// file is a build defect, returned as an error naming the file and field.
func load(e entry) (*calc.RuleSet, error) {
	v, _ := cache.LoadOrStore(e.file, &loaded{})
	l := v.(*loaded)
	l.once.Do(func() {
		data, err := dataFile(e.file)
		if err != nil {
			l.err = err
			return
		}
		name := strings.TrimPrefix(e.file, dataDir+"/")
		l.set, l.err = parse(name, data, checkBundled)
		if l.err == nil && (l.set.ID != e.id || l.set.Region != e.region) {
			l.err = fmt.Errorf("%s: holds rule set %s for region %s; the file must be named %s-%s.json", name, l.set.ID, l.set.Region, l.set.Region, l.set.ID)
		}
	})
	return l.set, l.err
}

// Bundled returns every embedded rule set, sorted by region then start
// month, decoding each file not decoded yet. Callers must not modify the
// returned sets.
func Bundled() ([]*calc.RuleSet, error) {
	var sets []*calc.RuleSet
	for _, e := range entries() {
		rs, err := load(e)
		if err != nil {
			return nil, err
		}
		sets = append(sets, rs)
	}
	sortSets(sets)
	return sets, nil
}

// sortSets orders rule sets by region, then start month. An insertion
// sort over a few dozen sets: sort.Slice's reflection, or one more generic
// sort, would grow app.wasm for nothing.
func sortSets(sets []*calc.RuleSet) {
	before := func(a, b *calc.RuleSet) bool {
		if a.Region != b.Region {
			return a.Region < b.Region
		}
		return a.Start().Before(b.Start())
	}
	for i := 1; i < len(sets); i++ {
		for j := i; j > 0 && before(sets[j], sets[j-1]); j-- {
			sets[j], sets[j-1] = sets[j-1], sets[j]
		}
	}
}

// InRegion returns the bundled rule sets of one region (a province's, or
// a city's own), decoding only those files.
func InRegion(region string) ([]*calc.RuleSet, error) {
	var sets []*calc.RuleSet
	for _, e := range entries() {
		if e.region != region {
			continue
		}
		rs, err := load(e)
		if err != nil {
			return nil, err
		}
		sets = append(sets, rs)
	}
	sortSets(sets)
	return sets, nil
}

// LoadFS reads and validates every *.json rule set in dir of fsys.
func LoadFS(fsys fs.FS, dir string) ([]*calc.RuleSet, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	var sets []*calc.RuleSet
	ids := map[string]string{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		rs, err := Parse(path.Base(name), data)
		if err != nil {
			return nil, err
		}
		if prev, dup := ids[rs.ID]; dup {
			return nil, fmt.Errorf("%s: id %q is already used by %s", path.Base(name), rs.ID, prev)
		}
		ids[rs.ID] = path.Base(name)
		sets = append(sets, rs)
	}
	sortSets(sets)
	return sets, nil
}

// check validates a rule set as it is loaded; nil checks nothing.
type check func(*calc.RuleSet) *calc.Error

// FileError is a rule file that cannot be used: the file, and the *calc.Error
// naming the field.
type FileError struct {
	File string
	Err  *calc.Error
}

// Error names the file and field, in Chinese then English.
func (e *FileError) Error() string {
	field := ""
	if e.Err.Field != "" && !strings.Contains(e.Err.Message, e.Err.Field) {
		field = e.Err.Field + ": "
	}
	return e.File + ": " + field + e.Err.Message + " / " + e.Err.MessageEN
}

// Parse decodes and validates one rule set; name is used in errors.
// Unknown fields are refused, so a misspelt field is caught rather than
// silently ignored.
func Parse(name string, data []byte) (*calc.RuleSet, error) {
	return parse(name, data, (*calc.RuleSet).Validate)
}

func parse(name string, data []byte, validate check) (*calc.RuleSet, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var rs calc.RuleSet
	if err := dec.Decode(&rs); err != nil {
		return nil, &FileError{File: name, Err: &calc.Error{Code: calc.CodeRuleInvalid,
			Message: "规则文件无法解析：" + err.Error(), MessageEN: "The rule file cannot be parsed: " + err.Error()}}
	}
	if dec.More() {
		return nil, &FileError{File: name, Err: &calc.Error{Code: calc.CodeRuleInvalid,
			Message: "规则文件在规则集之后还有多余内容。", MessageEN: "The rule file has data after the rule set."}}
	}
	if err := rs.ResolveSources(); err != nil {
		return nil, &FileError{File: name, Err: err}
	}
	if validate != nil {
		if err := validate(&rs); err != nil {
			return nil, &FileError{File: name, Err: err}
		}
	}
	return &rs, nil
}

// ByID returns the bundled rule set with the given id.
func ByID(id string) (*calc.RuleSet, bool) {
	for _, e := range entries() {
		if e.id == id {
			rs, err := load(e)
			return rs, err == nil
		}
	}
	return nil, false
}

// Match is the rule set that answers for a region and month, and the
// place within it: a city resolves to its own set where it has one for
// the month, else to its province's set at that city (its zone). Own is
// the city's own set that does not cover the month, when the province's
// answers instead.
type Match struct {
	Set   *calc.RuleSet
	Place calc.Place
	Own   *calc.RuleSet
}

// Find returns the bundled rule set for region at month m, or an
// *calc.Error: an unknown region names how places are given; a known
// region without m names the months covered.
//
// A city with rule sets of its own answers from them; for a month they do
// not cover, its province's set answers (at the city) where that set is
// of other years than the city's own, and says so; where both speak for
// the same years with their own year boundaries (a July year against a
// calendar one), sibase does not mix them and the refusal names the
// province's set.
func Find(region string, m calc.Month) (Match, *calc.Error) {
	bad := func(err error) *calc.Error {
		return &calc.Error{Code: calc.CodeRuleInvalid, Message: err.Error(), MessageEN: err.Error()}
	}
	own, err := InRegion(region)
	if err != nil {
		return Match{}, bad(err)
	}
	for _, rs := range own {
		if rs.Covers(m) {
			return Match{Set: rs}, nil
		}
	}
	province := region
	if len(region) == 6 && region[2:] != "0000" {
		province = region[:2] + "0000"
	}
	var inProvince []*calc.RuleSet
	if province != region {
		if _, ok := PlaceByCode(region); !ok && len(own) == 0 {
			return Match{}, unknownRegion(region)
		}
		if inProvince, err = InRegion(province); err != nil {
			return Match{}, bad(err)
		}
		for _, rs := range inProvince {
			if !rs.Covers(m) {
				continue
			}
			if len(own) == 0 {
				return Match{Set: rs, Place: calc.Place{City: region}}, nil
			}
			if !overlaps(rs, own) {
				return Match{Set: rs, Place: calc.Place{City: region}, Own: own[len(own)-1]}, nil
			}
			_, cerr := own[len(own)-1].At(m)
			c := *cerr
			c.Message += fmt.Sprintf("%s 由%s的规则集 %s（region %s，%s）覆盖，可改用它并填写本地的数字。", m, rs.RegionName, rs.ID, rs.Region, rs.Document)
			c.MessageEN += fmt.Sprintf(" %s is covered by %s's rule set %s (region %s, %s): use it with the local figures.", m, rs.RegionNameEN, rs.ID, rs.Region, rs.Document)
			return Match{}, &c
		}
	}
	known := append(own, inProvince...)
	if len(known) == 0 {
		return Match{}, unknownRegion(region)
	}
	sortSets(known)
	_, cerr := known[len(known)-1].At(m)
	return Match{}, cerr
}

// overlaps reports whether a province's set speaks for any month one of a
// city's own sets does.
func overlaps(province *calc.RuleSet, own []*calc.RuleSet) bool {
	endsBefore := func(a, b *calc.RuleSet) bool { return !a.Until.IsZero() && a.Until.Before(b.Start()) }
	for _, o := range own {
		if !endsBefore(province, o) && !endsBefore(o, province) {
			return true
		}
	}
	return false
}

func unknownRegion(region string) *calc.Error {
	return &calc.Error{Code: calc.CodeRegionUnknown, Field: "region",
		Message:   fmt.Sprintf("没有地区代码 “%s” 的内置规则：请用省或地级市的 6 位行政区划代码（如 430000 湖南省、440100 广州市；`rules` 列出全部），也可在 rule 中填写当地公布的数字。", region),
		MessageEN: fmt.Sprintf("No bundled rules for region %q: use the six-digit code of a province or prefecture-level city (430000 Hunan, 440100 Guangzhou; `rules` lists them all), or give the local published figures in rule.", region)}
}
