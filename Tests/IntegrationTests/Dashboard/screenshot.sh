#!/bin/sh
# Pictures of a LineGuard record for people (used by `make demo`): the control chart of one
# characteristic as SVG (and PNG when rsvg-convert is installed) and screenshots of the
# dashboard's overview and characteristic pages in headless Chromium.
#
# usage: screenshot.sh LINEGUARD_BINARY DATABASE OUTPUT_DIRECTORY [CHARACTERISTIC]
set -eu
bin=$1
db=$2
out=$3
characteristic=${4:-filling.fill_weight.n3}
mkdir -p "$out"
"$bin" chart "$characteristic" --db "$db" --out "$out/chart.svg"
if command -v rsvg-convert >/dev/null 2>&1; then
    "$bin" chart "$characteristic" --db "$db" --out "$out/chart.png"
fi
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "screenshot.sh: chromium is not installed; no dashboard screenshots" >&2
    exit 0
fi
port_file="$out/dashboard.port"
rm -f "$port_file"
"$bin" dashboard --db "$db" --listen 127.0.0.1:0 --port-file "$port_file" 2>"$out/dashboard.log" &
dashboard=$!
trap 'kill "$dashboard" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    [ -s "$port_file" ] && break
    sleep 0.1
done
port=$(cat "$port_file")
profile=$(mktemp -d)
shoot() {
    "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run \
        --user-data-dir="$profile" --virtual-time-budget=3000 --window-size="$2" --screenshot="$out/$1" \
        "http://127.0.0.1:$port$3" >/dev/null 2>&1
}
shoot dashboard.png 1600,1000 /
shoot dashboard-characteristic.png 1600,1400 "/characteristic/$characteristic"
rm -rf "$profile"
echo "chart: $out/chart.svg"
echo "dashboard: $out/dashboard.png"
