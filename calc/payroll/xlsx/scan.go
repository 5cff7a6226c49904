package xlsx

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// scanner reads the XML of a workbook's parts as a stream of tokens: start
// tags with their attributes, end tags and text. It understands what
// SpreadsheetML uses — elements with or without a namespace prefix,
// attributes in either quote, the five named entities and character
// references, comments, CDATA, processing instructions — and refuses a
// document type declaration (no spreadsheet writer makes one; entities
// defined in one could expand without bound). It keeps no stack: nesting,
// however deep, costs nothing, and each tag or run of text is bounded
// (maxToken). encoding/xml's Decoder keeps a stack of the open elements,
// so memory grows with nesting, and takes tokens of any length.
type scanner struct {
	r *bufio.Reader
	// The current token.
	kind      tokenKind
	name      string // local name, without its prefix
	attrs     []attr
	selfClose bool
	text      []byte
	err       error
	buf       []byte
}

type tokenKind int

const (
	tokStart tokenKind = iota + 1
	tokEnd
	tokText
)

type attr struct{ name, value string } // name with its prefix ("r:id")

// maxToken bounds one tag or one run of text.
const maxToken = 4 << 20

func newScanner(r io.Reader) *scanner {
	return &scanner{r: bufio.NewReaderSize(r, 64<<10)}
}

// next reads the next token; false at the end or on an error (s.err).
func (s *scanner) next() bool {
	if s.err != nil {
		return false
	}
	c, err := s.r.ReadByte()
	if err != nil {
		if err != io.EOF {
			s.err = err
		}
		return false
	}
	if c != '<' {
		s.r.UnreadByte()
		raw, err := s.readUntil('<')
		if err != nil && err != io.EOF {
			s.err = err
			return false
		}
		if err == nil {
			s.r.UnreadByte() // the '<' belongs to the next token
			raw = raw[:len(raw)-1]
		}
		s.kind = tokText
		s.text, s.err = unescape(s.text[:0], raw)
		return s.err == nil
	}
	peek, _ := s.r.Peek(3)
	switch {
	case bytes.HasPrefix(peek, []byte("!--")):
		if err := s.skipPast("-->"); err != nil {
			s.err = err
			return false
		}
		return s.next()
	case bytes.HasPrefix(peek, []byte("![C")):
		if err := s.skipPast("[CDATA["); err != nil {
			s.err = err
			return false
		}
		body, err := s.readPast("]]>")
		if err != nil {
			s.err = err
			return false
		}
		s.kind = tokText
		s.text = append(s.text[:0], body...)
		return true
	case bytes.HasPrefix(peek, []byte("!")):
		s.err = errCorrupt("a document type declaration")
		return false
	case bytes.HasPrefix(peek, []byte("?")):
		if err := s.skipPast("?>"); err != nil {
			s.err = err
			return false
		}
		return s.next()
	}
	tag, err := s.readTag()
	if err != nil {
		s.err = err
		return false
	}
	return s.parseTag(tag)
}

// readTag reads up to the '>' that ends the tag, outside quotes.
func (s *scanner) readTag() ([]byte, error) {
	s.buf = s.buf[:0]
	quote := byte(0)
	for {
		chunk, err := s.r.ReadSlice('>')
		s.buf = append(s.buf, chunk...)
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return nil, cutShort(err, "an unfinished tag")
		}
		if len(s.buf) > maxToken {
			return nil, errCorrupt("a tag too long")
		}
		if err != nil {
			continue // buffer full: the tag goes on
		}
		// Balanced quotes: the '>' ends the tag.
		for _, b := range chunk {
			switch {
			case quote == 0 && (b == '"' || b == '\''):
				quote = b
			case b == quote:
				quote = 0
			}
		}
		if quote == 0 {
			return s.buf[:len(s.buf)-1], nil
		}
	}
}

// parseTag reads a tag's name and attributes (the text between < and >).
func (s *scanner) parseTag(tag []byte) bool {
	s.attrs = s.attrs[:0]
	s.selfClose = false
	s.kind = tokStart
	if len(tag) > 0 && tag[0] == '/' {
		s.kind = tokEnd
		tag = tag[1:]
	}
	if n := len(tag); n > 0 && tag[n-1] == '/' {
		s.selfClose = true
		tag = tag[:n-1]
	}
	i := 0
	for i < len(tag) && !isSpace(tag[i]) {
		i++
	}
	s.name = localName(string(tag[:i]))
	if s.name == "" {
		s.err = errCorrupt("a tag without a name")
		return false
	}
	rest := tag[i:]
	for {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		if len(rest) == 0 {
			return true
		}
		eq := bytes.IndexByte(rest, '=')
		if eq <= 0 {
			s.err = errCorrupt("an attribute without a value")
			return false
		}
		name := string(bytes.TrimSpace(rest[:eq]))
		rest = bytes.TrimLeft(rest[eq+1:], " \t\r\n")
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			s.err = errCorrupt("an attribute value without quotes")
			return false
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			s.err = errCorrupt("an unfinished attribute value")
			return false
		}
		value, err := unescape(nil, rest[1:1+end])
		if err != nil {
			s.err = err
			return false
		}
		s.attrs = append(s.attrs, attr{name, string(value)})
		rest = rest[2+end:]
	}
}

// attr returns the value of the attribute with the given local name.
func (s *scanner) attr(local string) (string, bool) {
	for _, a := range s.attrs {
		if localName(a.name) == local {
			return a.value, true
		}
	}
	return "", false
}

// readUntil reads up to and including delim, however long, within
// maxToken.
func (s *scanner) readUntil(delim byte) ([]byte, error) {
	s.buf = s.buf[:0]
	for {
		chunk, err := s.r.ReadSlice(delim)
		s.buf = append(s.buf, chunk...)
		if len(s.buf) > maxToken {
			return nil, errCorrupt("a text too long")
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return s.buf, err
	}
}

// readPast reads up to the end marker and returns what came before it.
func (s *scanner) readPast(end string) ([]byte, error) {
	var out []byte
	last := end[len(end)-1]
	for {
		chunk, err := s.readUntil(last)
		out = append(out, chunk...)
		if err != nil {
			return nil, cutShort(err, "an unfinished "+end)
		}
		if len(out) > maxToken {
			return nil, errCorrupt("a section too long")
		}
		if bytes.HasSuffix(out, []byte(end)) {
			return out[:len(out)-len(end)], nil
		}
	}
}

// cutShort is the error for a part that ended mid-token: the reader's own
// (*Error: a part too large once unpacked, or damaged) where it gave one,
// else a corrupt part.
func cutShort(err error, what string) error {
	if _, ok := err.(*Error); ok {
		return err
	}
	return errCorrupt(what)
}

func (s *scanner) skipPast(end string) error {
	_, err := s.readPast(end)
	return err
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// localName drops a namespace prefix: "x:row" → "row".
func localName(n string) string {
	if i := strings.IndexByte(n, ':'); i >= 0 {
		return n[i+1:]
	}
	return n
}

// unescape appends raw to dst with XML's entity and character references
// replaced.
func unescape(dst, raw []byte) ([]byte, error) {
	for {
		i := bytes.IndexByte(raw, '&')
		if i < 0 {
			return append(dst, raw...), nil
		}
		dst = append(dst, raw[:i]...)
		raw = raw[i:]
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 || semi > 12 {
			return nil, errCorrupt("a bare & in text")
		}
		ref := string(raw[1:semi])
		raw = raw[semi+1:]
		switch ref {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			var n uint64
			var err error
			switch {
			case strings.HasPrefix(ref, "#x"):
				n, err = strconv.ParseUint(ref[2:], 16, 32)
			case strings.HasPrefix(ref, "#"):
				n, err = strconv.ParseUint(ref[1:], 10, 32)
			default:
				return nil, errCorrupt("the unknown entity &" + ref + ";")
			}
			if err != nil || !utf8.ValidRune(rune(n)) {
				return nil, errCorrupt("the character reference &" + ref + ";")
			}
			dst = utf8.AppendRune(dst, rune(n))
		}
	}
}
