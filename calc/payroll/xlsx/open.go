package xlsx

import (
	"io"
	"path"
	"strconv"
	"strings"
)

// This file is the archive layer: Open reads the zip directory, inflates
// each part (inflate.go) and scans its XML (scan.go).

// Open reads a workbook's directory, its sheet list, its shared strings
// and its cell styles. The sheets themselves are read row by row by Rows.
func Open(data []byte) (*Workbook, error) {
	if !IsZip(data) {
		return nil, errCorrupt("not a zip archive")
	}
	parts, err := readDirectory(data)
	if err != nil {
		return nil, err
	}
	wb := &Workbook{data: data, parts: parts}
	wb.cells = wb.openSheetXML
	main := "xl/workbook.xml"
	if rels, err := wb.relationships("_rels/.rels", ""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.kind, "/officeDocument") {
				main = r.target
			}
		}
	}
	if err := wb.readWorkbook(main); err != nil {
		return nil, err
	}
	dir := path.Dir(main)
	rels, _ := wb.relationships(path.Join(dir, "_rels", path.Base(main)+".rels"), dir)
	byID := map[string]relationship{}
	for _, r := range rels {
		byID[r.id] = r
		switch {
		case strings.HasSuffix(r.kind, "/sharedStrings"):
			if err := wb.readShared(r.target); err != nil {
				return nil, err
			}
		case strings.HasSuffix(r.kind, "/styles"):
			if err := wb.readStyles(r.target); err != nil {
				return nil, err
			}
		}
	}
	sheets := wb.Sheets[:0]
	for _, s := range wb.Sheets {
		if r, ok := byID[s.part]; ok && strings.HasSuffix(r.kind, "/worksheet") {
			s.part = r.target
			sheets = append(sheets, s)
		}
	}
	wb.Sheets = sheets
	if len(wb.Sheets) == 0 {
		return nil, errNoSheet()
	}
	return wb, nil
}

// openPart returns a scanner over a part's XML.
func (wb *Workbook) openPart(name string) (*scanner, error) {
	p, ok := wb.parts[name]
	if !ok {
		return nil, errCorrupt("no part " + name)
	}
	r, err := p.open(wb.data, MaxPartBytes)
	if err != nil {
		return nil, err
	}
	return newScanner(r), nil
}

// relationship is one entry of a .rels part, its target resolved against
// the directory of the part it belongs to.
type relationship struct{ id, kind, target string }

func (wb *Workbook) relationships(name, dir string) ([]relationship, error) {
	s, err := wb.openPart(name)
	if err != nil {
		return nil, err
	}
	var out []relationship
	for s.next() {
		if s.kind != tokStart || s.name != "Relationship" {
			continue
		}
		id, _ := s.attr("Id")
		kind, _ := s.attr("Type")
		target, _ := s.attr("Target")
		if mode, _ := s.attr("TargetMode"); mode == "External" {
			continue
		}
		from := dir
		if strings.HasPrefix(target, "/") {
			from = "" // from the archive's root
		}
		target = path.Join(from, strings.TrimPrefix(target, "/"))
		out = append(out, relationship{id, kind, target})
	}
	return out, s.err
}

// readWorkbook reads the sheet list (names, order, hidden) and the date
// system.
func (wb *Workbook) readWorkbook(name string) error {
	s, err := wb.openPart(name)
	if err != nil {
		return err
	}
	for s.next() {
		if s.kind != tokStart {
			continue
		}
		switch s.name {
		case "workbookPr":
			v, _ := s.attr("date1904")
			wb.date1904 = v == "1" || v == "true"
		case "sheet":
			name, _ := s.attr("name")
			state, _ := s.attr("state")
			var id string
			for _, a := range s.attrs {
				if strings.Contains(a.name, ":") && localName(a.name) == "id" {
					id = a.value
				}
			}
			wb.Sheets = append(wb.Sheets, Sheet{Name: name, Hidden: state == "hidden" || state == "veryHidden", part: id})
		}
	}
	return s.err
}

// readShared reads the shared-string table: each <si>'s text runs (<t>),
// leaving out phonetic guides (<rPh>).
func (wb *Workbook) readShared(name string) error {
	s, err := wb.openPart(name)
	if err != nil {
		return err
	}
	var cur []byte
	inSI, inT, phonetic := false, false, 0
	for s.next() {
		switch s.kind {
		case tokStart:
			switch s.name {
			case "si":
				inSI, cur = !s.selfClose, cur[:0]
				if s.selfClose {
					if err := wb.addShared(""); err != nil {
						return err
					}
				}
			case "rPh":
				if !s.selfClose {
					phonetic++
				}
			case "t":
				inT = !s.selfClose
			}
		case tokEnd:
			switch s.name {
			case "si":
				if err := wb.addShared(string(cur)); err != nil {
					return err
				}
				inSI = false
			case "rPh":
				phonetic--
			case "t":
				inT = false
			}
		case tokText:
			if inSI && inT && phonetic == 0 {
				cur = append(cur, s.text...)
			}
		}
	}
	return s.err
}

// readStyles finds which cell formats (<cellXfs>) show numbers as dates.
func (wb *Workbook) readStyles(name string) error {
	s, err := wb.openPart(name)
	if err != nil {
		return err
	}
	formats := map[string]string{}
	var styles []string
	inCellXfs := false
	for s.next() {
		switch {
		case s.kind == tokStart && s.name == "numFmt":
			id, _ := s.attr("numFmtId")
			formats[id], _ = s.attr("formatCode")
		case s.kind == tokStart && s.name == "cellXfs":
			inCellXfs = !s.selfClose
		case s.kind == tokEnd && s.name == "cellXfs":
			inCellXfs = false
		case s.kind == tokStart && s.name == "xf" && inCellXfs:
			id, _ := s.attr("numFmtId")
			styles = append(styles, id)
		}
	}
	wb.dateStyles = dateStyles(styles, formats)
	return s.err
}

// sheetXML is a sheet's XML as a CellSource.
type sheetXML struct {
	s    *scanner
	done bool
}

// openSheetXML opens the sheet with the given index and reads up to its
// rows.
func (wb *Workbook) openSheetXML(sheet int) (CellSource, error) {
	s, err := wb.openPart(wb.Sheets[sheet].part)
	if err != nil {
		return nil, err
	}
	x := &sheetXML{s: s}
	for s.next() {
		if s.kind == tokStart && s.name == "sheetData" {
			x.done = s.selfClose
			return x, nil
		}
	}
	if s.err != nil {
		return nil, s.err
	}
	x.done = true
	return x, nil
}

// Next returns the next <row> of <sheetData>; io.EOF after the last.
func (x *sheetXML) Next() (RawRow, error) {
	s := x.s
	for !x.done && s.next() {
		switch {
		case s.kind == tokEnd && s.name == "sheetData":
			x.done = true
		case s.kind == tokStart && s.name == "row":
			ref, _ := s.attr("r")
			row := RawRow{Ref: ref}
			if !s.selfClose {
				if err := x.readCells(&row); err != nil {
					return RawRow{}, err
				}
			}
			return row, nil
		}
	}
	if s.err != nil {
		return RawRow{}, s.err
	}
	return RawRow{}, io.EOF
}

// readCells reads a row's cells up to </row>, at most MaxColumns.
func (x *sheetXML) readCells(row *RawRow) error {
	s := x.s
	for s.next() {
		if s.kind == tokEnd && s.name == "row" {
			return nil
		}
		if s.kind != tokStart || s.name != "c" {
			continue
		}
		if len(row.Cells) == MaxColumns {
			n, _ := strconv.Atoi(row.Ref)
			return errColumns(n)
		}
		var c RawCell
		c.Ref, _ = s.attr("r")
		c.Type, _ = s.attr("t")
		c.Style, _ = s.attr("s")
		if !s.selfClose {
			var err error
			if c.Text, err = x.cellValue(); err != nil {
				return err
			}
		}
		row.Cells = append(row.Cells, c)
	}
	if s.err != nil {
		return s.err
	}
	return errCorrupt("an unfinished row")
}

// cellValue reads a cell's content up to </c>: the text of <v>, or of an
// inline string's <t> runs; a formula (<f>) is left out.
func (x *sheetXML) cellValue() (string, error) {
	s := x.s
	var text []byte
	keep, phonetic := false, 0
	for s.next() {
		switch s.kind {
		case tokEnd:
			switch s.name {
			case "c":
				return string(text), nil
			case "v", "t":
				keep = false
			case "rPh":
				phonetic--
			}
		case tokStart:
			switch s.name {
			case "v", "t":
				keep = !s.selfClose && phonetic == 0
			case "rPh":
				if !s.selfClose {
					phonetic++
				}
			}
		case tokText:
			if keep {
				text = append(text, s.text...)
			}
		}
	}
	if s.err != nil {
		return "", s.err
	}
	return "", errCorrupt("an unfinished cell")
}
