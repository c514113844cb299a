#!/usr/bin/env bash
# The benchmark: in ONE run, on the same table, the floor (the native client reading every row) side
# by side with `sluice export` and every peer, each as a whole process. Prints Markdown tables; see
# docs/benchmarks.md.
#
# Usage: bench/run.sh [runs=3] [tables="mixed narrow blobs"]
#   PEERS="arrow duckdb spark node" (default: all) chooses the peers; PEERS= runs none.
#   ROWS=1000000 sets table (a)'s rows; (b) has ten times as many, (c) always 2,000.
#   UI=0 skips the window's measurements (time to the first preview row, longest FX-thread stall).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
TABLES=${2:-"mixed narrow blobs"}
PEERS=${PEERS-"arrow duckdb spark node"}
ROWS=${ROWS:-1000000}
WORK=bench/work
mkdir -p "$WORK/peers"

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need mariadb mariadb-client
[ -x /usr/bin/time ] || need /usr/bin/time time

echo "building sluice and the peers …" >&2
./mvnw -q -DskipTests package
for p in arrow duckdb spark; do
  case " $PEERS " in *" $p "*)
    ./mvnw -q -f bench/peers/java/pom.xml -P "$p" dependency:build-classpath -Dmdep.outputFile="$PWD/$WORK/peers/$p.cp" >&2
    src=$(case $p in arrow) echo ArrowJdbcPeer;; duckdb) echo DuckDbPeer;; spark) echo SparkPeer;; esac)
    javac -d "$WORK/peers/$p" -cp "$(cat "$WORK/peers/$p.cp")" "bench/peers/java/src/$src.java" ;;
  esac
done
case " $PEERS " in *" node "*) need node nodejs; (cd bench/peers/node && npm install --no-audit --no-fund --silent >&2) ;; esac

rm -f "$WORK/port"
java -cp "target/sluice.jar:target/lib/*" bench/BenchServer.java "$WORK" "$ROWS" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 3600); do [ -f "$WORK/port" ] && break; kill -0 $SERVER 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }; sleep 1; done
PORT=$(cat "$WORK/port")
DSN="mysql://root@127.0.0.1:$PORT/bench"
URL="jdbc:mysql://127.0.0.1:$PORT/bench?user=root&sslMode=DISABLED"

# Class data sharing: the archive a training run leaves behind lets later JVMs map Sluice's ~5,000
# classes instead of loading and verifying them (about 1 s of a 2-core machine). Made for this jar.
java -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$WORK/sluice.jsa" -jar target/sluice.jar export --dsn "$DSN" --ssl-mode disabled \
  --table mixed --limit 50000 --out "$WORK/training.parquet" --no-progress > /dev/null 2>"$WORK/cds.log"
# The JVM options of the installed sluice-cli launcher (installer/jpackage/sluice-cli.properties).
JVM="-XX:+UseSerialGC"
SLUICE="java $JVM -XX:SharedArchiveFile=$WORK/sluice.jsa"
SPARK_OPENS=$(for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
  java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do printf -- '--add-opens=java.base/%s=ALL-UNNAMED ' "$p"; done)

columns() {
  case $1 in
    mixed) echo "id, i, iu, amount, ratio, label, at, body, flag, sparse" ;;
    narrow) echo "id, v, d" ;;
    blobs) echo "id, name, body" ;;
  esac
}
rows_of() { case $1 in mixed) echo "$ROWS" ;; narrow) echo $((ROWS * 10)) ;; blobs) echo 2000 ;; esac; }

# one command of one run: "name" then the command; records "seconds maxrss_kb" in T and M, and the
# command's CPU seconds (user + system, children included) in C: CPU is what a noisy machine disturbs least
declare -A T M C
timed() {
  local name=$1; shift
  if ! /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$@" > /dev/null 2>"$WORK/stderr-$name.txt"; then
    echo "  $name failed: $(grep -v '^\s*at ' "$WORK/stderr-$name.txt" | tail -3 | tr '\n' ' ')" >&2
    T[$name]+="fail "; return 0
  fi
  read -r s m u sy < "$WORK/time.txt"
  T[$name]+="$s "; M[$name]+="$m "; C[$name]+="$(awk -v u="$u" -v s="$sy" 'BEGIN {printf "%.2f", u + s}') "
}
heap_peak() { # the most heap in use before any collection, from -Xlog:gc, in MB
  grep -o '[0-9]*M->' "$1" 2>/dev/null | sed 's/M->//' | sort -n | tail -1
}

for t in $TABLES; do
  SQL="SELECT $(columns "$t") FROM bench.$t"
  N=$(rows_of "$t")
  TEXT_BYTES=$(mariadb --quick --batch --skip-ssl -h 127.0.0.1 -P "$PORT" -u root -e "$SQL" | wc -c)
  T=(); M=(); C=(); declare -A HEAP=()
  order=(floor sluice-zstd sluice-none sluice-zstd-256m)
  [ "$t" = mixed ] && order+=(sluice-zstd-nocds)
  [ "$t" = narrow ] && order+=(sluice-parallel2 sluice-split)
  for p in $PEERS; do order+=("$p"); done
  echo "table $t: $N rows, $RUNS runs …" >&2
  for run in $(seq 1 "$RUNS"); do
    timed floor mariadb --quick --batch --skip-ssl -h 127.0.0.1 -P "$PORT" -u root -e "$SQL"
    for codec in zstd none; do
      timed "sluice-$codec" $SLUICE -Xlog:gc:file="$WORK/gc-$codec.log" -jar target/sluice.jar export --dsn "$DSN" --ssl-mode disabled --table "$t" \
        --out "$WORK/$t-$codec.parquet" --compression "$codec" --no-progress
      h=$(heap_peak "$WORK/gc-$codec.log"); [ -n "$h" ] && [ "${h}" -gt "${HEAP[$codec]:-0}" ] && HEAP[$codec]=$h
    done
    timed sluice-zstd-256m java $JVM -Xmx256m -XX:SharedArchiveFile="$WORK/sluice.jsa" -jar target/sluice.jar export --dsn "$DSN" \
      --ssl-mode disabled --table "$t" --out "$WORK/$t-256m.parquet" --compression zstd --no-progress
    if [ "$t" = narrow ]; then
      # two key ranges over two connections, and parts of 2 M rows, into folders
      rm -rf "$WORK/$t-parallel" "$WORK/$t-split"
      timed sluice-parallel2 $SLUICE -jar target/sluice.jar export --dsn "$DSN" --ssl-mode disabled --table "$t" \
        --out "$WORK/$t-parallel" --parallel 2 --compression zstd --no-progress
      timed sluice-split $SLUICE -jar target/sluice.jar export --dsn "$DSN" --ssl-mode disabled --table "$t" \
        --out "$WORK/$t-split" --max-rows-per-file 2000000 --compression zstd --no-progress
      rm -rf "$WORK/$t-parallel" "$WORK/$t-split"
    fi
    [ "$t" = mixed ] && timed sluice-zstd-nocds java $JVM -jar target/sluice.jar export --dsn "$DSN" --ssl-mode disabled --table "$t" \
      --out "$WORK/$t-nocds.parquet" --compression zstd --no-progress
    for p in $PEERS; do
      out="$WORK/peer-$p-$t"
      rm -rf "$out" "$out.parquet"
      case $p in
        arrow) timed arrow java -cp "$WORK/peers/arrow:$(cat "$WORK/peers/arrow.cp")" --add-opens=java.base/java.nio=ALL-UNNAMED \
                 ArrowJdbcPeer "$URL" "$SQL" "$out" "$([ "$t" = blobs ] && echo 256 || echo 32768)" ;;
        duckdb) timed duckdb java -cp "$WORK/peers/duckdb:$(cat "$WORK/peers/duckdb.cp")" DuckDbPeer "$URL" "$SQL" "$out.parquet" zstd ;;
        spark) timed spark java $SPARK_OPENS -cp "$WORK/peers/spark:$(cat "$WORK/peers/spark.cp")" SparkPeer \
                 "$URL&useCursorFetch=true" "($SQL) q" "$out" zstd "$([ "$t" = blobs ] && echo 16 || echo 10000)" ;;
        node) timed node node bench/peers/node/peer.mjs 127.0.0.1 "$PORT" root bench "$SQL" "$PWD/$out.parquet" zstd ;;
      esac
      rm -rf "$out" "$out.parquet" # the blob table's copies are large
    done
  done

  stats() { tr ' ' '\n' <<<"$1" | grep -v '^$' | grep -v fail | sort -g | awk '{a[NR]=$1} END {if (NR) printf "%s %s\n", a[1], a[int((NR+1)/2)]; else print "- -"}'; }
  read -r fmin _ < <(stats "${T[floor]}")
  echo
  echo "### Table $t: $N rows, $(awk -v b="$TEXT_BYTES" 'BEGIN {printf "%.0f", b/1e6}') MB as text, $RUNS runs"
  echo
  echo "| command | min s | median s | CPU s (min) | rows/s (min) | MB/s (min) | × floor (min) | peak RSS MB | failed runs |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for k in "${order[@]}"; do
    read -r mn md < <(stats "${T[$k]:-}")
    read -r cpu _ < <(stats "${C[$k]:-}")
    rss=$(tr ' ' '\n' <<<"${M[$k]:-}" | grep -v '^$' | sort -g | tail -1)
    fails=$(tr ' ' '\n' <<<"${T[$k]:-}" | grep -c fail || true)
    name=$(case $k in
      floor) echo "mariadb --quick (floor)" ;;
      sluice-zstd) echo "sluice export zstd" ;;
      sluice-none) echo "sluice export none" ;;
      sluice-zstd-256m) echo "sluice export zstd, -Xmx256m" ;;
      sluice-zstd-nocds) echo "sluice export zstd, no CDS archive" ;;
      sluice-parallel2) echo "sluice export zstd, --parallel 2 (folder of parts)" ;;
      sluice-split) echo "sluice export zstd, --max-rows-per-file 2000000" ;;
      arrow) echo "peer: arrow-jdbc + arrow-dataset (uncompressed)" ;;
      duckdb) echo "peer: DuckDB Java appender, zstd" ;;
      spark) echo "peer: Spark local[*] JDBC, zstd" ;;
      node) echo "peer: Node mysql2 + DuckDB, zstd" ;;
    esac)
    if [ "$mn" = "-" ]; then
      echo "| $name | - | - | - | - | - | - | - | $fails |"
    else
      awk -v n="$name" -v mn="$mn" -v md="$md" -v cpu="$cpu" -v rows="$N" -v size="$TEXT_BYTES" -v f="$fmin" -v rss="${rss:-0}" -v fl="$fails" \
        'BEGIN {printf "| %s | %.2f | %.2f | %s | %.0f | %.0f | %.2f | %.0f | %s |\n", n, mn, md, cpu, rows/mn, size/1e6/mn, mn/f, rss/1024, fl}'
    fi
  done
  echo
  echo "Sluice's heap: at most ${HEAP[zstd]:-?} MB (zstd) and ${HEAP[none]:-?} MB (none) in use before a collection (-Xlog:gc)."
  echo "Parquet sizes: zstd $(stat -c %s "$WORK/$t-zstd.parquet") B, none $(stat -c %s "$WORK/$t-none.parquet") B."
  rm -f "$WORK/$t-256m.parquet" "$WORK/$t-nocds.parquet"
done

# The window, headless (Monocle): an export of table (a), twice in one JVM; time to the first preview
# row on screen and the FX thread's longest stall (src/test/java/io/sluice/ui/ExportUiBench.java).
if [ "${UI:-1}" = 1 ] && [[ " $TABLES " == *" mixed "* ]]; then
  echo "the window …" >&2
  rm -f target/ui-bench.txt
  if ./mvnw -q test-compile surefire:test -Dtest=ExportUiBench -Dsurefire.failIfNoSpecifiedTests=false \
       -Dbench.dsn="$DSN" -Dbench.table=mixed > "$WORK/ui-bench.log" 2>&1; then
    echo; echo "### The window"; echo; cat target/ui-bench.txt
  else
    echo "the window benchmark failed; see $WORK/ui-bench.log" >&2
  fi
fi
