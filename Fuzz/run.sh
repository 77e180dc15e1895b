#!/usr/bin/env bash
# Builds the fuzz targets (libFuzzer + AddressSanitizer) and runs each for SECONDS (default 60)
# from a temporary copy of its committed corpus (Fuzz/corpus/<target>/). Prints the executions
# run and exec/s per target; exits non-zero when a target crashes, trips an invariant, leaks,
# hangs or runs out of memory, leaving the input under Fuzz/crashes/<target>/ and the log beside it.
#
#   Fuzz/run.sh [SECONDS] [TARGET...]     e.g. `Fuzz/run.sh 10`, `Fuzz/run.sh 300 fuzz-config`
#   FUZZ_CONFIGURATION=release Fuzz/run.sh   (default debug: a much shorter build; see SECURITY.md)
#   FUZZ_SCRATCH=DIR                          (build directory; default Fuzz/.build)
set -euo pipefail

seconds="${1:-60}"
shift || true
here="$(cd "$(dirname "$0")" && pwd)"
configuration="${FUZZ_CONFIGURATION:-debug}"
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then targets=(fuzz-decode fuzz-config fuzz-csv fuzz-control); fi
case "$seconds" in ''|*[!0-9]*) echo "run.sh: SECONDS must be a whole number, got '$seconds'" >&2; exit 2 ;; esac

# -sanitize=fuzzer,address in ONE option: swiftc keeps only the last -sanitize= it is given.
# lld: gold floods the link with "Cannot export local symbol" warnings for ASan's helpers.
build=(swift build -c "$configuration" --package-path "$here" --scratch-path "${FUZZ_SCRATCH:-$here/.build}"
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)
echo "== building the fuzz targets ($configuration, libFuzzer + AddressSanitizer)"
start=$(date +%s)
# Product by product: a plain `swift build` would also link the root package's `lineguard`
# with libFuzzer, which has no LLVMFuzzerTestOneInput.
for target in "${targets[@]}"; do "${build[@]}" --product "$target"; done
echo "== built in $(( $(date +%s) - start )) s"
bin="$("${build[@]}" --show-bin-path)"

work="$(mktemp -d "${TMPDIR:-/tmp}/lineguard-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# Leaks are failures too (except TOMLKit's known ones, lsan.supp); a smaller quarantine keeps
# ASan's resident memory modest. Swift's own backtracer is off: libFuzzer reports the trap.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:quarantine_size_mb=64:malloc_context_size=20}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}"
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

failed=()
summary=()
total=0
for target in "${targets[@]}"; do
    corpus="$work/$target"
    crashes="$here/crashes/$target"
    mkdir -p "$corpus" "$crashes"
    cp "$here/corpus/$target/"* "$corpus/" 2>/dev/null || true
    log="$work/$target.log"
    echo "== $target: ${seconds} s from $(ls "$corpus" | wc -l) seed inputs"
    status=0
    "$bin/$target" "$corpus" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
        -rss_limit_mb=3072 -artifact_prefix="$crashes/" >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    found=$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -1)
    total=$(( total + ${runs:-0} ))
    if [ "$status" -ne 0 ]; then
        cp "$log" "$crashes/$target.log"
        grep -E "invariant violated|ERROR: |SUMMARY: |Fatal error|artifact_prefix|Test unit written" "$log" | head -20 >&2 || true
        echo "!! $target FAILED (exit $status): input and log in $crashes/" >&2
        failed+=("$target")
        summary+=("$(printf '%-14s %12s %10s %8s  FAILED' "$target" "${runs:-?}" "${rate:-?}" "${found:-?}")")
    else
        rmdir "$crashes" 2>/dev/null || true
        summary+=("$(printf '%-14s %12s %10s %8s  ok' "$target" "${runs:-?}" "${rate:-?}" "${found:-?}")")
    fi
done

echo
printf '%-14s %12s %10s %8s\n' target executions exec/s "new cov"
printf '%s\n' "${summary[@]}"
echo "total executions: $total"
if [ "${#failed[@]}" -ne 0 ]; then
    echo "fuzzing failed: ${failed[*]}" >&2
    exit 1
fi
