//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mozillazg/go-pinyin"

	"sibase/calc/rules"
)

// placesFile is calc/rules/data/places.json, as `wasm places` reads and
// writes it.
type placesFile struct {
	Provinces []rules.PlaceInfo `json:"provinces"`
}

// runPlaces fills in the pinyin, pinyin initials and English names of
// calc/rules/data/places.json from the Chinese names (go-pinyin, with the
// readings of the place names it gets wrong given below), and writes the
// file back; with -check it only reports whether the file is up to date.
// The codes and Chinese names are the data; everything else is derived.
func runPlaces(args []string, stdout, stderr io.Writer) int {
	check := len(args) == 2 && args[0] == "-check"
	if !check && len(args) != 1 {
		fmt.Fprintln(stderr, "usage: wasm places [-check] calc/rules/data/places.json")
		return 2
	}
	file := args[len(args)-1]
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	out, err := fillPlaces(data)
	if err != nil {
		fmt.Fprintln(stderr, "places:", err)
		return 1
	}
	if check {
		if !bytes.Equal(out, data) {
			fmt.Fprintf(stderr, "%s is not up to date: run go run ./wasm places %s\n", file, file)
			return 1
		}
		fmt.Fprintf(stdout, "%s: up to date\n", file)
		return 0
	}
	if err := os.WriteFile(file, out, 0o644); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// fillPlaces derives every place's pinyin, initials and (for cities)
// English name, and writes the file in its canonical form.
func fillPlaces(data []byte) ([]byte, error) {
	var f placesFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	for i := range f.Provinces {
		p := &f.Provinces[i]
		syl := syllables(p.Short)
		p.Pinyin, p.Initials = strings.Join(syl, ""), initials(syl)
		for j := range p.Cities {
			c := &p.Cities[j]
			core, kind := splitSuffix(c.Name)
			syl := syllables(core)
			c.Pinyin, c.Initials = strings.Join(syl, ""), initials(syl)
			c.NameEN = englishName(core, syl) + kind
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// readings are the place names go-pinyin reads wrong (characters with
// more than one reading), as they are said.
var readings = map[string]string{
	"长治": "chang zhi", "长春": "chang chun", "长沙": "chang sha", "厦门": "xia men", "蚌埠": "beng bu",
	"六安": "lu an", "锡林郭勒": "xi lin guo le", "成都": "cheng du", "昌都": "chang du", "佛山": "fo shan",
	"重庆": "chong qing", "西藏": "xi zang", "陕西": "shan xi", "吕梁": "lv liang", "大兴安岭": "da xing an ling",
}

// exonyms are the English names used instead of the pinyin.
var exonyms = map[string]string{"呼和浩特": "Hohhot", "乌鲁木齐": "Urumqi", "拉萨": "Lhasa", "吕梁": "Lüliang"}

// syllables is a name's pinyin, one syllable a character.
func syllables(name string) []string {
	if r, ok := readings[name]; ok {
		return strings.Fields(r)
	}
	return pinyin.LazyPinyin(name, pinyin.NewArgs())
}

func initials(syl []string) string {
	var b strings.Builder
	for _, s := range syl {
		b.WriteByte(s[0])
	}
	return b.String()
}

// suffixes are the kinds of prefecture-level place, longest first, with
// their English.
var suffixes = []struct{ zh, en string }{
	{"自治州", " Prefecture"}, {"地区", " Prefecture"}, {"林区", " Forestry District"}, {"盟", " League"}, {"市", ""},
}

// ethnic names inside an autonomous prefecture's name, left out of its
// core ("延边朝鲜族自治州" → 延边).
var ethnic = []string{"朝鲜族", "土家族", "苗族", "藏族", "羌族", "彝族", "布依族", "侗族", "哈尼族", "壮族", "傣族", "白族",
	"景颇族", "傈僳族", "回族", "蒙古族", "蒙古", "柯尔克孜", "哈萨克"}

// splitSuffix splits a place name into its core and its kind in English:
// "延边朝鲜族自治州" → "延边", " Prefecture".
func splitSuffix(name string) (string, string) {
	for _, s := range suffixes {
		if core, ok := strings.CutSuffix(name, s.zh); ok {
			if s.zh == "自治州" {
				for changed := true; changed; {
					changed = false
					for _, e := range ethnic {
						if c, ok := strings.CutSuffix(core, e); ok {
							core, changed = c, true
						}
					}
				}
			}
			return core, s.en
		}
	}
	return name, ""
}

func englishName(core string, syl []string) string {
	if e, ok := exonyms[core]; ok {
		return e
	}
	s := strings.Join(syl, "")
	return strings.ToUpper(s[:1]) + s[1:]
}
