# crampd: build, install as a systemd user service, test.
#   make install     build a release binary and install + start the user service
#   make test        everything CI runs: unit tests, toml-test, end-to-end scripts
#   make uninstall   remove what install put in place
#   make deb         build crampd_<version>_amd64.deb (see README, "Installing the package")
PREFIX ?= $(HOME)/.local
SWIFT ?= swift
SHARED ?= $(CURDIR)/../shared

.PHONY: man deps test-deps deb build release test unit-tests toml-test e2e install uninstall clean

# Debian packages: the C libraries for building, real systemd/dbus/dunst for the tests.
deps:
	@./scripts/deps.sh build

test-deps:
	@./scripts/deps.sh test

build: deps
	$(SWIFT) build

# The installed binary links the Swift standard library statically: it starts 2.5-3x faster
# and uses half the memory (DESIGN.md, "Costs measured on this machine").
RELEASE_FLAGS = -c release --static-swift-stdlib

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

unit-tests: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

toml-test: build
	@if [ -d "$(SHARED)/toml-test" ]; then \
	  set -e; for v in 1.0 1.1; do \
	    out=$$(python3 "$(SHARED)/toml-test/run.py" --toml $$v.0 --strict-exit --decoder "$(CURDIR)/.build/debug/toml-test-decoder --toml $$v" | tail -n 1); \
	    echo "toml-test $$v: $$out"; \
	    case "$$out" in *" 0 failed"*) ;; *) echo "toml-test $$v failed"; exit 1;; esac; \
	  done; \
	else echo "toml-test: $(SHARED)/toml-test not found, skipped"; fi

# Every executable script in Tests/e2e/ is one end-to-end test; each starts and stops what it needs.
e2e: build
	@set -e; failed=0; passed=0; \
	for t in Tests/e2e/*.sh; do \
	  [ -e "$$t" ] || continue; \
	  echo "== e2e: $$t"; \
	  if bash "$$t"; then passed=$$((passed+1)); else echo "FAILED: $$t"; failed=$$((failed+1)); fi; \
	done; \
	echo "e2e: $$passed passed, $$failed failed"; [ $$failed -eq 0 ]

test: test-deps unit-tests toml-test e2e

# Binary, units, catalog, man pages and completions under PREFIX, then
# `systemctl --user enable --now crampd.socket crampd.service`; see systemd/install.sh.
# PREFIX=/tmp/x make install works for tests; PREFIX=/usr/local as root also installs the catalog
# where journalctl -x finds it.
# BINARY=PATH installs a crampd built before (tests build once, then install as another user).
BINARY ?=
install: $(if $(BINARY),,release)
	./systemd/install.sh install --prefix "$(PREFIX)" --binary "$(if $(BINARY),$(BINARY),$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/crampd)"

# crampd_$(VERSION)_amd64.deb (and crampd-dbgsym_…) here, through debian/rules as dpkg-buildpackage -b
# runs it (see debian/rules for why not dpkg-buildpackage itself), checked by lintian.
VERSION := $(shell cat VERSION)
deb: test-deps
	./scripts/version.sh --check
	debian/rules build
	debian/rules binary
	debian/rules clean
	lintian --fail-on error crampd_$(VERSION)_amd64.deb
	@ls -l crampd_$(VERSION)_amd64.deb

# Stops and disables the units and removes every file install put in place (it keeps a list);
# your configuration and diary stay.
uninstall:
	./systemd/install.sh uninstall --prefix "$(PREFIX)"

# crampd(1) is generated from the command tree (swift-argument-parser's generate-manual
# plugin) with ENVIRONMENT, FILES, EXIT STATUS and SEE ALSO from docs/crampd.1.sections
# (scripts/man.sh), and committed; Tests/e2e/docs.sh fails when it no longer matches `crampd --help`.
man:
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --configuration debug \
	  --date 2026-11-25 --authors 'crampd developers'
	./scripts/man.sh .build/plugins/GenerateManual/outputs/crampd/crampd.1 >docs/crampd.1

clean:
	rm -rf .build
