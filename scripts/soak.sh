#!/usr/bin/env bash
# Soak (issue 10, `make soak`, not in CI): the reference line accelerated to the per-device load
# of Benchmarks' pipeline-bench, the fault campaign's faults repeating, the daemon as its own
# process. Every 10 s the daemon's resident memory (VmRSS) and open file descriptors go to a
# CSV; at the end: start / after warm-up / end, growth after warm-up (pass: under 5 %), and the
# daemon log's error/critical lines that no injected fault explains (pass: none).
#
# Usage: scripts/soak.sh [MINUTES]        (default 30)
# Environment: LINEGUARD_BIN (default .build/release/lineguard, else .build/debug/lineguard),
#   SOAK_DIR (default soak-output), SOAK_BASE_PORT (default 15120), SOAK_WARMUP_S (default 120,
#   60 for runs under 10 minutes), SOAK_LINE (default seeds/lines/reference-line.toml) and
#   SOAK_CONFIG (default seeds/lines/reference-line.lineguard.toml), for a binary older than the tree.
#
# Load: pipeline-bench drives 20 devices x 50 characteristics at the fastest unit period the
# daemon sustains (40 ms, polled every ~19 ms). The reference line has 7 devices and 58 values,
# so the soak matches the per-device rate instead: speed 60 puts the grading tester's result at
# 33 ms and its poll at 10 ms (the configuration's floor), filling at 50 ms / 12 ms, coating and
# calendering at 333 ms / 83 ms; that is the committed seeds/lines/reference-line.lineguard.toml
# (written for speed 60), with its ports moved to SOAK_BASE_PORT.
#
# "After warm-up" and "end" are medians of three samples (at the warm-up mark, and the last
# three), so that one sample taken during a reconnect does not decide the verdict.
set -euo pipefail

MINUTES=${1:-30}
case "$MINUTES" in '' | *[!0-9]*) echo "soak: MINUTES must be a whole number, got '$MINUTES'" >&2; exit 2 ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SPEED=60
BASE_PORT=${SOAK_BASE_PORT:-15120}
OUT=${SOAK_DIR:-$ROOT/soak-output}
LINE=${SOAK_LINE:-$ROOT/seeds/lines/reference-line.toml}
CONFIG=${SOAK_CONFIG:-$ROOT/seeds/lines/reference-line.lineguard.toml}
if [ "$MINUTES" -lt 10 ]; then WARMUP=${SOAK_WARMUP_S:-60}; else WARMUP=${SOAK_WARMUP_S:-120}; fi
BIN=${LINEGUARD_BIN:-}
if [ -z "$BIN" ]; then
    if [ -x .build/release/lineguard ]; then BIN=.build/release/lineguard
    elif [ -x .build/debug/lineguard ]; then BIN=.build/debug/lineguard
    else echo "soak: no lineguard binary (swift build -c release, or set LINEGUARD_BIN)" >&2; exit 2; fi
fi
case "$BIN" in *release*) BUILD=release ;; *debug*) BUILD=debug ;; *) BUILD="unknown build" ;; esac
rm -rf "$OUT"
mkdir -p "$OUT"
SECONDS_TOTAL=$((MINUTES * 60))
echo "soak: $MINUTES min, $BIN ($BUILD), speed ${SPEED}x, ports $BASE_PORT+, warm-up ${WARMUP} s, output $OUT"

# The campaign's faults, one cycle every 90 wall seconds, repeated over the run.
python3 - "$OUT/soak-scenario.toml" "$SPEED" "$SECONDS_TOTAL" <<'PY'
import sys
path, speed, total = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
faults = [("offline", "offline", "grading", 10, ""), ("slow", "slow", "coating", 3, "delay_ms = 800"),
          ("busy", "exception", "filling", 3, "code = 6"), ("gateway-path", "exception", "calendering", 3, "code = 10"),
          ("gateway-target", "exception", "grading", 3, "code = 11"), ("illegal-address", "exception", "coating", 3, "code = 2"),
          ("garbage", "garbage", "filling", 3, ""), ("truncated", "truncated", "calendering", 3, ""),
          ("late-reply", "late_reply", "grading", 3, "delay_ms = 1500"), ("half-open", "half_open", "filling", 3, ""),
          ("plc-restart", "plc_restart", "coating", 3, "")]
out = ['name = "soak"', 'summary = "the fault campaign repeating"', "seed = 7",
       f"duration_s = {(total + 60) * speed:.1f}", f"speed = {speed:.1f}"]
cycle, start = 0, 20.0
while start + 90 <= total:
    t = start
    for fid, kind, station, length, extra in faults:
        out += ["", "[[faults]]", f'id = "{fid}-{cycle + 1}"', f'kind = "{kind}"', f'station = "{station}"',
                f"start_s = {t * speed:.1f}", f"end_s = {(t + length) * speed:.1f}"] + ([extra] if extra else [])
        t += length + 4
    cycle, start = cycle + 1, start + 90
open(path, "w").write("\n".join(out) + "\n")
print(f"soak: {cycle} fault cycles of {len(faults)} faults")
PY

# The daemon's configuration: the committed one for speed 60, on our ports and database.
python3 - "$CONFIG" "$OUT/soak.toml" "$BASE_PORT" "$OUT/soak.sqlite" <<'PY'
import re, sys
source, target, base, database = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
text = open(source).read()
text = re.sub(r'endpoint = "127\.0\.0\.1:150(\d\d)"', lambda m: f'endpoint = "127.0.0.1:{base + int(m.group(1)) - 20}"', text)
text = re.sub(r'^database = ".*"$', f'database = "{database}"', text, flags=re.M)
open(target, "w").write(text)
PY

SIM_PID=""
DAEMON_PID=""
cleanup() {
    [ -n "$DAEMON_PID" ] && kill -TERM "$DAEMON_PID" 2>/dev/null && wait "$DAEMON_PID" 2>/dev/null || true
    [ -n "$SIM_PID" ] && kill -TERM "$SIM_PID" 2>/dev/null && wait "$SIM_PID" 2>/dev/null || true
}
trap cleanup EXIT

"$BIN" simulate --line "$LINE" --scenario "$OUT/soak-scenario.toml" --speed "$SPEED" \
    --base-port "$BASE_PORT" --truth "$OUT/truth.jsonl" --log-level warning >"$OUT/simulator.log" 2>&1 &
SIM_PID=$!
sleep 2
kill -0 "$SIM_PID" 2>/dev/null || { echo "soak: the simulator did not start:" >&2; cat "$OUT/simulator.log" >&2; exit 2; }
"$BIN" run --config "$OUT/soak.toml" --log-level info >"$OUT/daemon.log" 2>&1 &
DAEMON_PID=$!

echo "elapsed_s,rss_kb,fds" >"$OUT/soak.csv"
START=$(date +%s)
while :; do
    NOW=$(date +%s)
    ELAPSED=$((NOW - START))
    if ! kill -0 "$DAEMON_PID" 2>/dev/null; then
        echo "soak: FAIL: the daemon exited after ${ELAPSED} s; its log:" >&2
        tail -20 "$OUT/daemon.log" >&2
        DAEMON_PID=""
        exit 1
    fi
    RSS=$(awk '/^VmRSS:/ {print $2}' "/proc/$DAEMON_PID/status")
    FDS=$(ls "/proc/$DAEMON_PID/fd" | wc -l)
    echo "$ELAPSED,$RSS,$FDS" >>"$OUT/soak.csv"
    [ "$ELAPSED" -ge "$SECONDS_TOTAL" ] && break
    sleep $((10 - ($(date +%s) - START) % 10))
done
kill -TERM "$DAEMON_PID" 2>/dev/null || true
DAEMON_EXIT=0
wait "$DAEMON_PID" 2>/dev/null || DAEMON_EXIT=$?
DAEMON_PID=""
kill -TERM "$SIM_PID" 2>/dev/null || true
wait "$SIM_PID" 2>/dev/null || true
SIM_PID=""

python3 - "$OUT" "$WARMUP" "$BASE_PORT" "$DAEMON_EXIT" <<'PY'
import csv, json, re, statistics, sys
from datetime import datetime
out, warmup, base, daemon_exit = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rows = [(float(r["elapsed_s"]), int(r["rss_kb"]), int(r["fds"])) for r in csv.DictReader(open(f"{out}/soak.csv"))]
failed = False
if len(rows) < 6:
    print("soak: FAIL: too few samples"); sys.exit(1)
after = [r for r in rows if r[0] >= warmup][:3]
if len(after) < 3 or len(rows) - rows.index(after[0]) < 6:
    print(f"soak: FAIL: the run is too short for a {warmup:.0f} s warm-up"); sys.exit(1)
print("\ncurve (elapsed s, RSS MiB, fds):")
for elapsed, rss, fds in rows:
    print(f"  {elapsed:6.0f}  {rss / 1024:8.1f}  {fds:4d}")
for name, column in (("RSS", 1), ("fds", 2)):
    start = rows[0][column]
    warm = statistics.median(r[column] for r in after)
    end = statistics.median(r[column] for r in rows[-3:])
    growth = (end - warm) / warm * 100 if warm else 0
    unit = lambda v: f"{v / 1024:.1f} MiB" if column == 1 else f"{v:.0f}"
    verdict = "ok" if growth < 5 else "FAIL"
    failed |= growth >= 5
    print(f"{name}: start {unit(start)}, after warm-up {unit(warm)}, end {unit(end)}, growth after warm-up {growth:+.2f} % ({verdict}, limit 5 %)")

# Error and critical log lines, explained when a fault was active on the device they name.
truth = [json.loads(line) for line in open(f"{out}/truth.jsonl") if line.strip()]
ends = {e["fault"]: e.get("wall_epoch") for e in truth if e["event"] in ("fault_ended", "fault_summary")}
windows = [(e["station"], e["wall_epoch"], ends.get(e["fault"]) or 1e18) for e in truth if e["event"] == "fault_began"]
offsets = {"coating": 0, "calendering": 1, "slitting": 2, "dry_room": 3, "vacuum_drying": 4, "filling": 5, "grading": 6}
injected = len(windows)
unexplained = []
for line in open(f"{out}/daemon.log", errors="replace"):
    parts = line.split(" ", 2)
    if len(parts) < 3 or parts[1] not in ("error", "critical"):
        continue
    try:
        when = datetime.strptime(parts[0], "%Y-%m-%dT%H:%M:%S%z").timestamp()
    except ValueError:
        unexplained.append(line.rstrip()); continue
    def names(station):
        return line.count(f"{station}-plc") or line.count(f"127.0.0.1:{base + offsets[station]}")
    if not any(names(s) and a - 1 <= when <= b + 10 for s, a, b in windows):
        unexplained.append(line.rstrip())
print(f"faults injected: {injected}; daemon exit status {daemon_exit}")
if daemon_exit != 0:
    failed = True
    print("soak: FAIL: the daemon did not stop cleanly on SIGTERM")
if unexplained:
    failed = True
    print(f"{len(unexplained)} error/critical log line(s) no injected fault explains (FAIL):")
    for line in unexplained[:50]:
        print("  " + line)
else:
    print("error/critical log lines not explained by an injected fault: none (ok)")
print("soak: " + ("FAIL" if failed else "PASS"))
sys.exit(1 if failed else 0)
PY
