#!/usr/bin/env bash
# The benchmark: in ONE run, on the same table, the floor (the native client reading every row)
# side by side with `sluice export` as a whole process. Prints a Markdown table; see docs/benchmarks.md.
# Usage: bench/run.sh [rows=1000000] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
RUNS=${2:-3}
WORK=bench/work
mkdir -p "$WORK"
need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need mariadb mariadb-client
[ -x /usr/bin/time ] || need /usr/bin/time time
./mvnw -q -DskipTests package
rm -f "$WORK/port"
java -cp "target/sluice.jar:target/lib/*" bench/BenchServer.java "$WORK" "$ROWS" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do [ -f "$WORK/port" ] && break; sleep 1; done
PORT=$(cat "$WORK/port")
SQL="SELECT id, i, iu, amount, ratio, label, at, body, flag, sparse FROM bench.mixed"

# one timed command → "seconds maxrss_kb"
timed() { /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" > /dev/null 2>"$WORK/stderr.txt" || { cat "$WORK/stderr.txt" >&2; exit 1; }; cat "$WORK/time.txt"; }

declare -A T M
for run in $(seq 1 "$RUNS"); do
  read -r s m < <(timed mariadb --quick --batch --skip-ssl -h 127.0.0.1 -P "$PORT" -u root -e "$SQL")
  T[floor]+="$s "; M[floor]+="$m "
  for codec in zstd none; do
    read -r s m < <(timed java -jar target/sluice.jar export --dsn "mysql://root@127.0.0.1:$PORT/bench" --ssl-mode disabled \
        --table mixed --out "$WORK/mixed-$codec.parquet" --compression "$codec" --no-progress)
    T[$codec]+="$s "; M[$codec]+="$m "
  done
done
SIZE=$(stat -c %s "$WORK/mixed-none.parquet")
stats() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {printf "%s %s\n", a[1], a[int((NR+1)/2)]}'; }
read -r fmin fmed < <(stats "${T[floor]}")
echo "| command | min s | median s | rows/s (min) | MB/s of Parquet (none) | × floor (min) | peak RSS MB |"
echo "|---|---|---|---|---|---|---|"
for k in floor zstd none; do
  read -r mn md < <(stats "${T[$k]}")
  rss=$(tr ' ' '\n' <<<"${M[$k]}" | grep -v '^$' | sort -g | tail -1)
  name=$([ "$k" = floor ] && echo "mariadb --quick (floor)" || echo "sluice export ($k)")
  awk -v n="$name" -v mn="$mn" -v md="$md" -v rows="$ROWS" -v size="$SIZE" -v f="$fmin" -v rss="$rss" \
    'BEGIN {printf "| %s | %.2f | %.2f | %.0f | %.0f | %.2f | %.0f |\n", n, mn, md, rows/mn, size/1e6/mn, mn/f, rss/1024}'
done
echo
echo "rows: $ROWS, runs: $RUNS, Parquet sizes: zstd $(stat -c %s "$WORK/mixed-zstd.parquet") B, none $SIZE B"
