package calc_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// Every error and warning code defined anywhere in the code base is listed
// in docs/ERRORS.md, in a table row with a Chinese and an English message.
func TestErrorsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/ERRORS.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	for _, line := range strings.Split(string(doc), "\n") {
		if m := regexp.MustCompile("^\\| `([a-z_]+)` \\|").FindStringSubmatch(line); m != nil {
			rows[m[1]] = line
		}
	}
	def := regexp.MustCompile(`(?m)^\s*(?:Code|Warn)[A-Za-z]+\s*=\s*"([a-z_]+)"`)
	var codes []string
	for _, dir := range []string{".", "estimate", "payroll", "payroll/xlsx", "rules", "../app", "../wasm"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range def.FindAllStringSubmatch(string(src), -1) {
				codes = append(codes, m[1])
			}
		}
	}
	if len(codes) < 40 {
		t.Fatalf("found %d codes in the source, want the scan to find at least 40", len(codes))
	}
	for _, code := range codes {
		row, ok := rows[code]
		if !ok {
			t.Errorf("code %s is not listed in docs/ERRORS.md", code)
			continue
		}
		cells := strings.Split(strings.Trim(row, "| "), "|")
		hasZh, hasEn := false, false
		for _, c := range cells[1:] {
			for _, r := range c {
				if unicode.Is(unicode.Han, r) {
					hasZh = true
				}
			}
			if regexp.MustCompile(`[A-Za-z]{3,} [a-z]{2,} `).MatchString(c) {
				hasEn = true
			}
		}
		if !hasZh || !hasEn {
			t.Errorf("code %s: got zh %v, en %v in %q, want a message in both languages", code, hasZh, hasEn, row)
		}
	}
	for code := range rows {
		found := false
		for _, c := range codes {
			found = found || c == code
		}
		if !found {
			t.Errorf("docs/ERRORS.md lists %s, which the code does not define", code)
		}
	}
}
