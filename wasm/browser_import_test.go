//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// chooseFile picks a file in the employer page's file chooser.
func chooseFile(t *testing.T, ctx contextT, file string) {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.ID("file")), chromedp.SetUploadFiles(chromedp.ID("file"), []string{abs})); err != nil {
		t.Fatalf("choosing %s in #file: %v", file, err)
	}
}

// TestBrowserImportFiles: the text files an employer really has. A
// payroll CSV under a title and a date line is read from its header down;
// 100,000 rows can be cancelled and run again. (Workbooks, a CSV named
// .xlsx, and the files sibase does not read: TestBrowserWorkbook.)
func TestBrowserImportFiles(t *testing.T) {
	v1, _ := webDirs(t)
	srv := startApp(t, v1, nil)
	ctx := newBrowser(t, desktopW, desktopH)

	t.Run("title rows above the header", func(t *testing.T) {
		csv, err := os.ReadFile("../testdata/payroll/utf8.csv")
		if err != nil {
			t.Fatal(err)
		}
		titled := append([]byte("大庆某某有限公司 2010 年度职工工资表,,,,\n制表日期,2011-01-15,,,\n"), csv...)
		open(t, ctx, srv.URL+"/employer")
		useEmployerFileFrom(t, ctx, tempFile(t, "titled.csv", titled), "表头上方的 2 行")
	})

	t.Run("100,000 rows, cancelled and run again", func(t *testing.T) {
		path := tempFile(t, "payroll100k.csv", payroll100k())
		importCancelRerun(t, ctx, srv.URL, path)
	})
}
