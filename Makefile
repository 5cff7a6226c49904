# sibase build, run and test targets. Everything uses the Go toolchain alone
# (and Node for the wasm tests): no system compressor, no network at run time.

# A failing test must fail its recipe even when its output is filtered.
SHELL       := /bin/bash
.SHELLFLAGS := -o pipefail -c

GO       ?= go
ADDR     ?= 127.0.0.1:8000
WASM     := web/app.wasm
# -mod=readonly: a build must never rewrite go.mod/go.sum behind your back.
export GOFLAGS ?= -mod=readonly
# How app.wasm is built; wasm/size_budget_test.go builds it (and the go-app
# floor) with the same flags and a test keeps the two in step. sibase's own
# packages and decimal are compiled without inlining: 50 KB less brotli for
# about 10% more time per estimate (BENCHMARKS.md). No version-control
# stamp: app.wasm, and so the app's version (a hash of it), changes only
# when the code does, not with every commit or an edited working tree.
WASM_BUILD_FLAGS := -trimpath -buildvcs='false' -ldflags='-s -w' -gcflags='sibase/...=-l' -gcflags='github.com/shopspring/decimal=-l'
# Runs go test binaries built for js/wasm in Node.
WASM_EXEC = $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec

.PHONY: all build run site test fmt fmt-check vet test-native test-wasm size-budget bench fuzz e2e browser-check tools clean

# How long `make fuzz` runs each fuzz target, and how long it may spend
# shrinking each new input (go's default, a minute, stalls the workbook
# and payroll-file targets on inputs of several KB).
FUZZTIME ?= 30s
FUZZMINIMIZE ?= 5s

all: build

build:
	GOOS=js GOARCH=wasm $(GO) build $(WASM_BUILD_FLAGS) -o $(WASM) ./wasm
	$(GO) run ./wasm precompress $(WASM)

run: build
	$(GO) run ./wasm -addr $(ADDR) $(if $(PUBLIC_URL),-public-url $(PUBLIC_URL))

# A static website in dist/ for any static host or CDN (see README.md).
site: build
	$(GO) run ./wasm site -out dist $(if $(PUBLIC_URL),-public-url $(PUBLIC_URL))

test: fmt-check vet browser-check tools test-native test-wasm size-budget

# The browser tests (wasm/browser_*_test.go) run within test-native. They
# need Chromium: with CI=true a missing browser fails them; elsewhere they
# are skipped, and this says so where it cannot be missed.
CHROMIUM_FOUND = $(or $(CHROMIUM),$(shell command -v chromium || command -v chromium-browser))
browser-check:
	@if [ -z "$(CHROMIUM_FOUND)" ]; then \
		echo "************************************************************************"; \
		echo "* Chromium not found: the browser tests will be SKIPPED$(if $(filter true,$(CI)), - CI=true: they FAIL,)."; \
		echo "* Install it:  apt-get update && apt-get install -y chromium"; \
		echo "* (or set CHROMIUM=/path/to/chromium)"; \
		echo "************************************************************************"; \
	else echo "browser tests: $(CHROMIUM_FOUND); screenshots go to test-output/screenshots/"; fi

# Test tools from the npm registry, pinned in their package-lock.json and
# installed into git-ignored node_modules: axe-core for the accessibility
# checks of the browser tests. Never part of the app.
AXE := tools/axe/node_modules/axe-core/axe.min.js
tools: $(AXE)
$(AXE): tools/axe/package.json tools/axe/package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: the accessibility checks need axe-core (apt-get install -y npm)"; exit $(if $(filter true,$(CI)),1,0); }
	npm ci --prefix tools/axe --no-audit --no-fund
	@touch $@

# Lighthouse, for make bench only (its scores vary from run to run).
LIGHTHOUSE := tools/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	npm ci --prefix tools/lighthouse --no-audit --no-fund
	@touch $@

# Only the end-to-end browser tests.
e2e: browser-check tools
	$(GO) test -count=1 -run '^TestBrowser' ./wasm

# Fails listing the files gofmt would change.
fmt-check:
	@files="$$(gofmt -l $$(git ls-files -co --exclude-standard '*.go'))"; \
	if [ -n "$$files" ]; then echo "gofmt needed on:"; echo "$$files"; exit 1; fi

fmt:
	gofmt -w $$(git ls-files -co --exclude-standard '*.go')

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./wasm/...

test-native:
	$(GO) test -skip '^TestAppWasmSizeBudget$$' ./...

# app.wasm's brotli size against the bare go-app floor's, both built the
# same way; printed, and held to 1.25 times.
size-budget:
	$(GO) test -run '^TestAppWasmSizeBudget$$' -v ./wasm | grep -E 'bytes|floor|^(---|ok|FAIL)'

# Each fuzz target for FUZZTIME; crashers land in the package's
# testdata/fuzz/ and become regression cases of `make test`.
FUZZ_TARGETS = FuzzParseAmount:./calc FuzzParseRatio:./calc FuzzParseMonth:./calc \
	FuzzRequest:./calc/estimate FuzzRuleFile:./calc/rules FuzzFragment:./app FuzzPayrollFile:./wasm \
	FuzzWorkbook:./calc/payroll/xlsx
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		name=$${t%%:*}; pkg=$${t#*:}; \
		echo "== $$name ($$pkg) for $(FUZZTIME)"; \
		log=$$(mktemp); \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) $$pkg > $$log 2>&1; rc=$$?; \
		grep -E 'execs:' $$log | tail -1; grep -E '^(ok|FAIL)' $$log; \
		if [ $$rc -ne 0 ]; then cat $$log; rm -f $$log; exit 1; fi; rm -f $$log; \
	done

# The calculation packages (once calc/ exists) also run as WebAssembly, in
# Node, as in the browser. Component tests do not: go-app's test engine only
# works natively.
ifneq ($(wildcard calc/*.go calc/*/*.go),)
test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" ./calc/...

# Every figure of BENCHMARKS.md: the calculation natively and as
# WebAssembly in Node, app.wasm's sizes beside the go-app floor's, and in
# Chromium start-up, transfer, input latency, memory and the
# 100,000-row roster, sibase beside the floor.
bench: $(LIGHTHOUSE)
	$(GO) test -run '^$$' -bench . -benchmem ./calc/...
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" -run '^$$' -bench . -benchmem ./calc/...
	@echo "== the same, compiled as app.wasm is (no inlining in sibase and decimal)"
	GOOS=js GOARCH=wasm $(GO) test -gcflags='sibase/...=-l' -gcflags='github.com/shopspring/decimal=-l' -exec="$(WASM_EXEC)" -run '^$$' -bench . -benchmem ./calc/...
	$(GO) test -count=1 -run '^TestAppWasmSizeBudget$$' -v ./wasm | grep -E 'bytes|floor'
	SIBASE_BENCH=1 $(GO) test -count=1 -run '^TestBrowserPerformance$$' -v -timeout 40m ./wasm | grep -E '^\||^(---|ok|FAIL)'
	SIBASE_BENCH=1 $(GO) test -count=1 -run '^TestBrowserLighthouse$$' -v -timeout 60m ./wasm | grep -E '^\||^(---|ok|FAIL)'
else
test-wasm bench:
	@echo "no Go files under calc/ yet: nothing to run for $@"
endif

clean:
	rm -f $(WASM) $(WASM).br $(WASM).gz $(WASM).br.tmp $(WASM).gz.tmp
	rm -rf dist

