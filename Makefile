# LineGuard: `make demo` and `make test` work on a fresh Debian 12 machine with the Swift
# toolchain. Each target installs what is missing (quietly, idempotently): the C libraries with
# apt-get, pymodbus with pip. sudo is used only when not root.

SWIFT ?= swift
JOBS ?= 2
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/lineguard
PYMODBUS := pymodbus>=3.16,<4

.PHONY: all build test test-sanitize demo deps deps-test install bench faults soak fuzz fuzz-short clean help

all: build

help:
	@echo "make demo   - build, run the daemon against the simulated line, show what it caught"
	@echo "make test   - install what is missing and run every test"
	@echo "make build  - debug build of the lineguard executable"
	@echo "make test-sanitize - the test suite under ThreadSanitizer and AddressSanitizer"
	@echo "make faults - the fault campaign: daemon against the simulated line injecting link and device faults"
	@echo "make soak   - 30 minutes of accelerated line with repeating faults; memory and fds must stay flat"
	@echo "make fuzz   - libFuzzer on decoding/planner, configuration, analyze CSV, control API bodies (FUZZ_SECONDS each)"
	@echo "make bench  - release benchmarks with same-run baselines (writes Benchmarks/results/latest.json)"
	@echo "make install - release build, systemd unit, sysusers/tmpfiles entries, example configuration"

# The C libraries and pkg-config; apt-get update only when a first install attempt fails.
deps:
	@if ! pkg-config --exists libmodbus sqlite3 2>/dev/null; then \
	  echo "installing libmodbus-dev libsqlite3-dev pkg-config (apt-get)"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $(SUDO) apt-get install -y -qq libmodbus-dev libsqlite3-dev pkg-config >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -qq >/dev/null && \
	    $(SUDO) apt-get install -y -qq libmodbus-dev libsqlite3-dev pkg-config >/dev/null; } || \
	  { echo "could not install the C libraries with apt-get" >&2; exit 1; }; \
	fi

# pymodbus: the independent Modbus peer of the interop tests; chromium and rsvg-convert for the
# dashboard and picture tests (those tests skip with a message where they cannot be installed).
deps-test: deps
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v rsvg-convert >/dev/null 2>&1; then \
	  echo "installing chromium librsvg2-bin (apt-get)"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $(SUDO) apt-get install -y -qq chromium librsvg2-bin >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -qq >/dev/null && $(SUDO) apt-get install -y -qq chromium librsvg2-bin >/dev/null; } || \
	  echo "could not install chromium/librsvg2-bin: the browser and PNG tests will be skipped" >&2; \
	fi
	@if ! python3 -c 'import pymodbus, sys; v = tuple(int(x) for x in pymodbus.__version__.split(".")[:2]); sys.exit(0 if (3, 16) <= v < (4, 0) else 1)' 2>/dev/null; then \
	  echo "installing $(PYMODBUS) (pip)"; \
	  if ! python3 -m pip --version >/dev/null 2>&1; then \
	    export DEBIAN_FRONTEND=noninteractive; \
	    { $(SUDO) apt-get install -y -qq python3-pip >/dev/null 2>&1 || \
	      { $(SUDO) apt-get update -qq >/dev/null && $(SUDO) apt-get install -y -qq python3-pip >/dev/null; }; }; \
	  fi; \
	  python3 -m pip install -q --disable-pip-version-check '$(PYMODBUS)' 2>/dev/null || \
	  python3 -m pip install -q --disable-pip-version-check --break-system-packages '$(PYMODBUS)' || \
	  { echo "could not install $(PYMODBUS) with pip" >&2; exit 1; }; \
	fi

build: deps
	$(SWIFT) build -j $(JOBS)

# Builds the product and the tests, then runs every test. The integration tests start the real
# lineguard binary (LINEGUARD_BIN) as simulator and daemon on loopback.
test: deps-test
	$(SWIFT) build --build-tests -j $(JOBS)
	LINEGUARD_BIN=$(CURDIR)/$(BIN) $(SWIFT) test --skip-build -j $(JOBS)

# The whole suite under ThreadSanitizer, then AddressSanitizer with LeakSanitizer, each build in
# its own scratch path. The integration tests start the sanitized binary (LINEGUARD_BIN) and run
# one at a time: many sanitized daemons at once on 2 cores miss their timing. Suppressions:
# Synchronization.Mutex's contended path is invisible to TSan on Linux (false races in the
# RecordQueue's and the MultivariateHub's Mutex, every access inside withLock; reproduced by a
# 12-line program); TOMLKit's parser and the toolchain's
# XCTest/Foundation/libcurl leak at exit (none in LineGuard's code; see SECURITY.md).
TSAN_ENV = TSAN_OPTIONS=halt_on_error=1:suppressions=$(CURDIR)/.build-tsan/tsan.supp \
	LINEGUARD_BIN=$(CURDIR)/.build-tsan/debug/lineguard
ASAN_ENV = ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/.build-asan/lsan.supp \
	LINEGUARD_BIN=$(CURDIR)/.build-asan/debug/lineguard
test-sanitize: deps-test
	$(SWIFT) build --build-tests -j $(JOBS) --sanitize=thread --scratch-path .build-tsan
	printf 'race:RecordQueue\nrace:MultivariateHub\n' > .build-tsan/tsan.supp
	$(TSAN_ENV) $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan --skip IntegrationTests
	$(TSAN_ENV) $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan --filter IntegrationTests --no-parallel
	$(SWIFT) build --build-tests -j $(JOBS) --sanitize=address --scratch-path .build-asan
	printf 'leak:TOMLKit\nleak:nodeAsString\nleak:nodeAsInt\nleak:nodeAsDouble\nleak:nodeAsBool\nleak:tableGetKeys\nleak:libXCTest.so\nleak:libFoundation.so\nleak:libFoundationNetworking.so\nleak:libFoundationEssentials.so\nleak:libcurl.so\n' > .build-asan/lsan.supp
	$(ASAN_ENV) $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan --skip IntegrationTests
	$(ASAN_ENV) $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan --filter IntegrationTests --no-parallel

demo: build
	$(BIN) demo --directory demo-output
	@echo
	@sh Tests/IntegrationTests/Dashboard/screenshot.sh $(BIN) demo-output/lineguard-demo.sqlite demo-output/pictures coating.loading.lane1
	@echo "(re-read with: $(BIN) status --db demo-output/lineguard-demo.sqlite; $(BIN) lot show CR-000001 --db demo-output/lineguard-demo.sqlite)"

# The fault campaign (issue 10): the whole line on loopback while the simulator injects, one at
# a time, a device offline for 30 s, slow and late replies, exception bursts, garbage, truncated
# frames, a half-open connection and a PLC restart; exit status 1 when a check fails. A short
# version runs in `make test` (IntegrationTests/FaultCampaignTests). Run it on an idle machine:
# "other stations lost no units" cannot tell a fault from a starved box.
faults: build
	$(BIN) faults run --scenario seeds/scenarios/fault-campaign.toml

# The soak (not in CI): SOAK_MINUTES of accelerated line with the campaign's faults repeating;
# resident memory and file descriptors sampled every 10 s (see scripts/soak.sh).
SOAK_MINUTES ?= 30
soak: build
	LINEGUARD_BIN=$(CURDIR)/$(BIN) scripts/soak.sh $(SOAK_MINUTES)

# libFuzzer (issue 10): the Fuzz package's targets (register decoding and the request planner,
# the configuration loader, the analyze CSV reader, the control API's bodies and path
# parameters), each for FUZZ_SECONDS with AddressSanitizer, from the committed corpus; a crash
# leaves its input in Fuzz/crashes/TARGET/ and fails the run. `make test` runs a short pass.
FUZZ_SECONDS ?= 60
fuzz: deps
	Fuzz/run.sh $(FUZZ_SECONDS)

# Installs the release binary, the systemd unit with its sysusers.d and tmpfiles.d entries, and
# the example configuration (never over an existing one). PREFIX and DESTDIR as usual.
PREFIX ?= /usr/local
install: deps
	$(SWIFT) build -c release -j $(JOBS) --product lineguard
	install -D -m 0755 .build/release/lineguard $(DESTDIR)$(PREFIX)/bin/lineguard
	install -D -m 0644 systemd/lineguard.service $(DESTDIR)/etc/systemd/system/lineguard.service
	install -D -m 0644 systemd/lineguard.sysusers $(DESTDIR)/usr/lib/sysusers.d/lineguard.conf
	install -D -m 0644 systemd/lineguard.tmpfiles $(DESTDIR)/usr/lib/tmpfiles.d/lineguard.conf
	install -D -m 0644 README.md $(DESTDIR)$(PREFIX)/share/doc/lineguard/README.md
	@if [ ! -e $(DESTDIR)/etc/lineguard/lineguard.toml ]; then \
	  install -D -m 0640 config/lineguard.toml $(DESTDIR)/etc/lineguard/lineguard.toml; \
	else echo "kept the existing /etc/lineguard/lineguard.toml"; fi
	@echo "next: systemd-sysusers; systemd-tmpfiles --create; edit /etc/lineguard/lineguard.toml;"
	@echo "      lineguard check-config /etc/lineguard/lineguard.toml; systemctl enable --now lineguard"

# Release benchmarks with baselines measured in the same run (see Benchmarks/README.md).
bench: deps-test
	$(MAKE) -C Benchmarks bench

clean:
	rm -rf .build demo-output
