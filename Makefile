# planassure — `make help` lists the targets.
GO ?= go

.PHONY: help run build test test-browser golden docs lint check-policies

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

run: build ## check the shipped example plans (the main job), and one as a workbook; a not-assured plan is expected
	@bin/planassure export plans/06W-2017-19.json -o bin/06W-2017-19.xlsx
	@bin/planassure check plans/ bin/06W-2017-19.xlsx || test $$? -eq 1

build: ## build bin/planassure
	$(GO) build -o bin/planassure ./cmd/planassure

test: ## run every test: Go, Rego (with coverage gate), golden files
	$(GO) test ./...

test-browser: ## the upload page and the shipped plans' HTML report in headless Chromium (SCREENSHOT=1 writes server/testdata/screenshots/ and docs/report-*.png)
	$(GO) test -tags browser -count=1 -run Browser -v ./server/ ./engine/output/ $(if $(SCREENSHOT),-args -screenshot)

golden: ## rewrite the golden files after a deliberate change (review the diff)
	$(GO) test ./... -update

docs: build ## regenerate docs/rules.md from the rule METADATA and thresholds
	bin/planassure rules --format markdown > docs/rules.md

lint: ## gofmt, go vet, opa fmt, opa check --strict against the plan schema
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)
	$(GO) vet ./...
	$(GO) tool opa fmt --fail --list policies
	$(GO) tool opa check --strict --schema plan/plan.schema.json policies

check-policies: ## run the Rego tests with the opa CLI, verbose
	$(GO) tool opa test policies -v

.PHONY: bench
bench: ## benchmark against conftest and opa eval on 1,000 and 10,000 generated plans (bench/run.sh; docs/performance.md)
	bench/run.sh
