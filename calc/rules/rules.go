// Package rules holds sibase's bundled rule sets as JSON data files,
// embedded in every binary, with their loader.
//
// One file per governing document and place (data/*.json):
//
//	liaoning-2006   辽宁省 2006–2010, 辽社险函〔2006〕89号 (the city's average is entered by the user)
//	shenyang-2009   沈阳市 2009-07–2010-06, 89号 with Shenyang's published figures (secondary source)
//	daqing-2011     大庆市 2011, 庆社险函〔2011〕3号 (Heilongjiang's 2010 average is entered by the user)
//	national-2019   全国模板 from 2019-05, 国办发〔2019〕13号 (the province's full-caliber average is entered)
//
// docs/RULES.md describes the format so a bureau can add its own.
//
// Example:
//
//	set, _ := rules.ByID("liaoning-2006")
//	r, _ := set.At(calc.MustMonth("2007-05"))
//	fmt.Println(r.Flexible.Min.Ratio) // 0.7
package rules

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"sibase/calc"
)

//go:embed data/*.json
var dataFS embed.FS

var (
	loadOnce sync.Once
	bundled  []*calc.RuleSet
	loadErr  error
)

// Bundled returns the embedded rule sets, sorted by region then start
// month. They are parsed and validated once; a broken bundled file is a
// build defect and is returned as an error naming the file and field.
// Callers must not modify the returned sets.
func Bundled() ([]*calc.RuleSet, error) {
	loadOnce.Do(func() { bundled, loadErr = loadFS(dataFS, "data", checkBundled) })
	return bundled, loadErr
}

// LoadFS reads and validates every *.json rule set in dir of fsys.
func LoadFS(fsys fs.FS, dir string) ([]*calc.RuleSet, error) {
	return loadFS(fsys, dir, (*calc.RuleSet).Validate)
}

// check validates a rule set as it is loaded; nil checks nothing.
type check func(*calc.RuleSet) *calc.Error

func loadFS(fsys fs.FS, dir string, validate check) ([]*calc.RuleSet, error) {
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
		rs, err := parse(path.Base(name), data, validate)
		if err != nil {
			return nil, err
		}
		if prev, dup := ids[rs.ID]; dup {
			return nil, fmt.Errorf("%s: id %q is already used by %s", path.Base(name), rs.ID, prev)
		}
		ids[rs.ID] = path.Base(name)
		sets = append(sets, rs)
	}
	sort.Slice(sets, func(i, j int) bool {
		if sets[i].Region != sets[j].Region {
			return sets[i].Region < sets[j].Region
		}
		return sets[i].Start().Before(sets[j].Start())
	})
	return sets, nil
}

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
	if validate != nil {
		if err := validate(&rs); err != nil {
			return nil, &FileError{File: name, Err: err}
		}
	}
	return &rs, nil
}

// ByID returns the bundled rule set with the given id.
func ByID(id string) (*calc.RuleSet, bool) {
	sets, err := Bundled()
	if err != nil {
		return nil, false
	}
	for _, rs := range sets {
		if rs.ID == id {
			return rs, true
		}
	}
	return nil, false
}

// Find returns the bundled rule set for region that covers month m, or an
// *calc.Error: an unknown region names the regions there are; a known
// region without m names the months covered.
func Find(region string, m calc.Month) (*calc.RuleSet, *calc.Error) {
	sets, err := Bundled()
	if err != nil {
		return nil, &calc.Error{Code: calc.CodeRuleInvalid, Message: err.Error(), MessageEN: err.Error()}
	}
	var inRegion []*calc.RuleSet
	for _, rs := range sets {
		if rs.Region == region {
			if rs.Covers(m) {
				return rs, nil
			}
			inRegion = append(inRegion, rs)
		}
	}
	if len(inRegion) == 0 {
		var known string
		for i, rs := range sets {
			if i > 0 {
				known += ", "
			}
			known += rs.Region + " " + rs.RegionName
		}
		return nil, &calc.Error{Code: calc.CodeRegionUnknown, Field: "region",
			Message:   fmt.Sprintf("没有地区代码 “%s” 的内置规则。已收录：%s；也可在 rule 中填写当地公布的数字。", region, known),
			MessageEN: fmt.Sprintf("No bundled rules for region %q. Bundled: %s; or give the local published figures in rule.", region, known)}
	}
	_, err2 := inRegion[len(inRegion)-1].At(m)
	if province := region[:2] + "0000"; province != region {
		for _, rs := range sets {
			if rs.Region == province && rs.Covers(m) {
				c := *err2
				c.Message += fmt.Sprintf("%s 由%s的规则集 %s（region %s，%s）覆盖，可改用它并填写本地的数字。", m, rs.RegionName, rs.ID, rs.Region, rs.Document)
				c.MessageEN += fmt.Sprintf(" %s is covered by %s's rule set %s (region %s, %s): use it with the local figures.", m, rs.RegionNameEN, rs.ID, rs.Region, rs.Document)
				return nil, &c
			}
		}
	}
	return nil, err2
}
