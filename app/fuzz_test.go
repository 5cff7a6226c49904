package app

import (
	"bufio"
	"os"
	"testing"
)

// FuzzFragment: a share link's fragment — anything pasted after "#" — never
// panics; what decodes encodes back to the same form.
func FuzzFragment(f *testing.F) {
	file, err := os.Open("../testdata/fuzz/fragments.txt")
	if err != nil {
		f.Fatal(err)
	}
	sc := bufio.NewScanner(file)
	for sc.Scan() {
		f.Add(sc.Text())
	}
	file.Close()
	f.Fuzz(func(t *testing.T, frag string) {
		got, ok := parseFragment(frag)
		if !ok {
			if len(got) != 0 {
				t.Fatalf("parseFragment(%q) failed but returned %v", frag, got)
			}
			return
		}
		again, ok := parseFragment(got.fragment())
		if !ok || len(again) != countNonEmpty(got) {
			t.Fatalf("parseFragment(%q) = %v; its fragment %q reads as %v", frag, got, got.fragment(), again)
		}
		for k, v := range again {
			if got[k] != v {
				t.Fatalf("round trip of %q: %q got %q, want %q", frag, k, v, got[k])
			}
		}
	})
}

func countNonEmpty(f form) int {
	n := 0
	for _, v := range f {
		if v != "" {
			n++
		}
	}
	return n
}
