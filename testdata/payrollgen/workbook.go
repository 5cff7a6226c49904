//go:build !wasm

package payrollgen

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Workbook writes CSV(n)'s employees as an .xlsx workbook with excelize's
// streaming writer, as Excel keeps them: one sheet, wages as numbers, ID
// numbers as text.
func Workbook(n int) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return nil, err
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(CSV(n)), "\n"), "\n") {
		fields := strings.Split(line, ",")
		cells := make([]any, len(fields))
		for j, v := range fields {
			cells[j] = v
			if wage, err := strconv.ParseFloat(v, 64); err == nil && i > 0 && j == 3 {
				cells[j] = wage
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, cells); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
