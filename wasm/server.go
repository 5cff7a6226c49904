//go:build !wasm

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strconv"
	"time"
)

// serve runs the native program: a command-line tool, the precompressor or
// the HTTP server, chosen by os.Args. It exits the process with the status.
func serve() {
	if len(os.Args) > 1 && isCLICommand(os.Args[1]) {
		os.Exit(runCLI(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(runServer(os.Args[1:], os.Stderr))
}

// runServer handles every native use but the command-line tools and returns
// the exit status: 0 on success, 1 on failure, 2 on bad usage.
func runServer(args []string, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "precompress" {
		return runPrecompress(args[1:], stderr)
	}
	if len(args) > 0 && args[0] == "wasmsize" {
		return runWasmSize(args[1:], os.Stdout, stderr)
	}
	if len(args) > 0 && args[0] == "site" {
		return runSite(args[1:], stderr)
	}
	if len(args) > 0 && args[0] == "places" {
		return runPlaces(args[1:], os.Stdout, stderr)
	}
	if len(args) > 0 && args[0] == "compact" {
		return runCompact(args[1:], os.Stdout, stderr)
	}

	fs := flag.NewFlagSet("wasm", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8000", "address to listen on")
	web := fs.String("web", "web", "directory holding app.wasm and the static assets")
	kiosk := fs.Bool("kiosk", false, "serve the app as a kiosk for every visitor: keeps nothing, clears itself when idle")
	kioskPlace := fs.String("kiosk-place", "", "the region code whose rules the kiosk's board shows (e.g. 210100)")
	kioskIdle := fs.Duration("kiosk-idle", 90*time.Second, "how long without input before a kiosk session is cleared")
	updateCheck := fs.Duration("update-check", 30*time.Minute, "how often an open page asks whether a newer version is served")
	publicURL := fs.String("public-url", "", "the https origin the site is published at (https://sibase.example.org): pages then carry complete Open Graph tags; without it they carry none")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: wasm [-addr host:port] [-web dir] [-kiosk [-kiosk-place CODE] [-kiosk-idle 90s]]")
		fmt.Fprintln(stderr, "       wasm precompress FILE...")
		fmt.Fprintln(stderr, "       wasm site [-web web] [-out dist]")
		fmt.Fprintln(stderr, "       wasm places [-check] calc/rules/data/places.json")
		fmt.Fprintln(stderr, "       wasm compact [-check] calc/rules/data calc/rules/compact_gen.go")
		fmt.Fprintln(stderr, "       wasm estimate|rules ...")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, "wasm", stderr); !ok {
		return code
	}
	public, err := parsePublicURL(*publicURL)
	if err != nil {
		fmt.Fprintln(stderr, "wasm:", err)
		return 2
	}
	h, err := newHandler(*web, appEnv(*kiosk, *kioskPlace, *kioskIdle, *updateCheck), public)
	if err != nil {
		fmt.Fprintln(stderr, "wasm:", err)
		return 1
	}
	srv := &http.Server{
		Addr:              *addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(stderr, "http: ", log.LstdFlags),
	}
	fmt.Fprintf(stderr, "sibase: serving %s on http://%s/\n", *web, *addr)
	if err := srv.ListenAndServe(); err != nil {
		fmt.Fprintln(stderr, "wasm:", err)
		return 1
	}
	return 0
}

// parseFlags parses a command's flags; with ok false the command ends
// with code: 0 for -h, 2 for bad flags or an unexpected argument.
func parseFlags(fs *flag.FlagSet, args []string, name string, stderr io.Writer) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", name, fs.Arg(0))
		fs.Usage()
		return 2, false
	}
	return 0, true
}

// appEnv is what the server tells the app (app.Getenv): how often an open
// page looks for a newer version and, for a kiosk, its place and idle time.
func appEnv(kiosk bool, place string, idle, updateCheck time.Duration) map[string]string {
	env := map[string]string{"SIBASE_UPDATE_CHECK": strconv.Itoa(int(updateCheck.Seconds()))}
	if kiosk {
		env["SIBASE_KIOSK"], env["SIBASE_KIOSK_PLACE"] = "1", place
		env["SIBASE_KIOSK_IDLE"] = strconv.Itoa(int(idle.Seconds()))
	}
	return env
}

// runPrecompress writes FILE.br and FILE.gz next to each FILE in args.
func runPrecompress(args []string, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: wasm precompress FILE...")
		return 2
	}
	for _, name := range args {
		sizes, err := precompress(name)
		if err != nil {
			fmt.Fprintln(stderr, "wasm: precompress:", err)
			return 1
		}
		fmt.Fprintf(stderr, "%s: raw %d, br %d, gz %d bytes\n", name, sizes.raw, sizes.br, sizes.gz)
	}
	return 0
}
