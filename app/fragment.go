package app

import (
	"net/url"
	"slices"
	"strings"
)

// form is a page's fields as the person typed them, by field name. It is
// what a share link carries and what a page restores; values are kept
// verbatim, so a field with a mistake keeps what was typed.
type form map[string]string

// maxFragment bounds a share link's fragment: enough for an employer's
// hand-entered rows, small enough that a mangled link is refused quickly.
const maxFragment = 64 << 10

// fragment encodes the form for a URL fragment ("#date=2007-03&ratio=0.7"):
// keys sorted, empty values left out. Browsers never send the fragment to
// a server.
func (f form) fragment() string {
	keys := make([]string, 0, len(f))
	for k, v := range f {
		if v != "" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(k))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(f[k]))
	}
	return b.String()
}

// parseFragment decodes a fragment written by form.fragment. A malformed
// or oversized fragment gives an empty form and false, never a panic:
// the page then starts afresh.
func parseFragment(frag string) (form, bool) {
	f := form{}
	frag = strings.TrimPrefix(frag, "#")
	if frag == "" {
		return f, true
	}
	if len(frag) > maxFragment {
		return f, false
	}
	vals, err := url.ParseQuery(frag)
	if err != nil {
		return form{}, false
	}
	for k, vs := range vals {
		if len(vs) > 0 {
			f[k] = vs[len(vs)-1]
		}
	}
	return f, true
}

// clone copies the form.
func (f form) clone() form {
	c := make(form, len(f))
	for k, v := range f {
		c[k] = v
	}
	return c
}
