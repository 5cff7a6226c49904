package rules

import (
	"strings"
	"sync"
)

// PlaceInfo is a province or a prefecture-level city (地级行政区): its
// GB/T 2260 code, its name in Chinese and English, its pinyin and pinyin
// initials (for finding it by typing "hunan" or "hn"), and, for a
// province, its cities. Province is the province's code ("" for a
// province).
type PlaceInfo struct {
	Code     string      `json:"code"`
	Name     string      `json:"name"`
	Short    string      `json:"short,omitempty"`
	NameEN   string      `json:"name_en"`
	Pinyin   string      `json:"pinyin"`
	Initials string      `json:"initials"`
	Province string      `json:"-"`
	Cities   []PlaceInfo `json:"cities,omitempty"`
}

// Provinces returns the 31 provinces (省、自治区、直辖市) with their
// cities, by code. Callers must not modify them.
func Provinces() []PlaceInfo {
	return places()
}

// places splits placesTable (places_gen.go) once: a line of six fields is
// a province, of five a city of the province above it.
var places = sync.OnceValue(func() []PlaceInfo {
	var out []PlaceInfo
	for _, line := range strings.Split(strings.TrimSpace(placesTable), "\n") {
		f := strings.Split(line, "\t")
		switch len(f) {
		case 6:
			out = append(out, PlaceInfo{Code: f[0], Name: f[1], Short: f[2], NameEN: f[3], Pinyin: f[4], Initials: f[5]})
		case 5:
			p := &out[len(out)-1]
			p.Cities = append(p.Cities, PlaceInfo{Code: f[0], Name: f[1], NameEN: f[2], Pinyin: f[3], Initials: f[4], Province: p.Code})
		}
	}
	return out
})

// PlaceByCode returns a province or city by its code.
func PlaceByCode(code string) (PlaceInfo, bool) {
	for _, p := range Provinces() {
		if p.Code == code {
			return p, true
		}
		if len(code) == 6 && code[:2] == p.Code[:2] {
			for _, c := range p.Cities {
				if c.Code == code {
					return c, true
				}
			}
		}
	}
	return PlaceInfo{}, false
}

// PlaceName is a code's place name in Chinese and English, its province's
// before a city's ("湖北省 武汉市"), or the code itself when unknown.
func PlaceName(code string) (string, string) {
	p, ok := PlaceByCode(code)
	if !ok {
		return code, code
	}
	if p.Province == "" {
		return p.Name, p.NameEN
	}
	prov, _ := PlaceByCode(p.Province)
	return prov.Name + p.Name, p.NameEN + ", " + prov.NameEN
}

// Matches reports whether what someone typed finds the place: part of its
// Chinese or English name, its pinyin, or its pinyin initials.
func (p PlaceInfo) Matches(typed string) bool {
	t := strings.ToLower(strings.Join(strings.Fields(typed), ""))
	if t == "" {
		return true
	}
	return strings.Contains(p.Name, t) || strings.Contains(strings.ToLower(strings.ReplaceAll(p.NameEN, " ", "")), t) ||
		strings.HasPrefix(p.Pinyin, t) || strings.HasPrefix(p.Initials, t)
}
