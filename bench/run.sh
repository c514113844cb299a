#!/usr/bin/env bash
# The benchmark: in ONE run, on the same table, the floor (the native client reading every row) side
# by side with `sluice export` and every peer, each as a whole process. Prints Markdown tables; see
# docs/benchmarks.md.
#
# Usage: bench/run.sh [runs=3] [tables="ledger mixed narrow blobs"]
#   PEERS="arrow duckdb spark node" (default: all) chooses the peers; PEERS= runs none.
#   ROWS=1000000 sets the rows of tables (a) and (d); (b) has ten times as many, (c) always 2,000.
#   UI=0 skips the window's measurements (time to the first preview row, longest FX-thread stall,
#   time to open). DIST=0 skips the installed launcher (it needs ./mvnw -Pdist, about 1.5 minutes).
#   Where Temurin 25 is installed, java -jar is also measured on it (an AOT cache instead of a class archive).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
TABLES=${2:-"ledger mixed narrow blobs"}
PEERS=${PEERS-"arrow duckdb spark node"}
ROWS=${ROWS:-1000000}
WORK=bench/work
mkdir -p "$WORK/peers"

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need mariadb mariadb-client
[ -x /usr/bin/time ] || need /usr/bin/time time
if [ "${UI:-1}" = 1 ]; then # before the app-image is built: its window's AOT cache is trained on Xvfb, with GTK
  need Xvfb xvfb
  dpkg -s libgtk-3-0 >/dev/null 2>&1 || need /nonexistent libgtk-3-0
fi

echo "building sluice and the peers …" >&2
./mvnw -q -DskipTests package
# The installed CLI launcher: the app-image, on Temurin 25 when the machine has it (then with the AOT
# cache trained by FinishAppImage), as .ci/run builds it.
CLI=target/dist/sluice/bin/sluice-cli
if [ "${DIST:-1}" = 1 ]; then
  DIST_JDK=()
  for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk; do
    if [ -x "$jdk/bin/jpackage" ]; then DIST_JDK=(-Ddist.jdk="$jdk"); break; fi
  done
  ./mvnw -q -Pdist -DskipTests package "${DIST_JDK[@]}" > "$WORK/dist.log" 2>&1 || { tail -20 "$WORK/dist.log" >&2; exit 1; }
fi
[ "${DIST:-1}" = 1 ] && [ -x "$CLI" ] || CLI=
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

# Sluice as people run it: the README's command with the JVM's defaults (any JDK >= 17), and the
# installed launcher (its JVM options are in its script and lib/app/sluice-cli.cfg).
JAR="java -jar target/sluice.jar"
# java -jar runs a command on a second JVM with the installed launcher's options and a class archive
# that the first export after a build records (src/main/java/io/sluice/TunedJvm.java). The archive
# lives under SLUICE_HOME: a fresh one here, so that its recording is timed on its own, once, below.
export SLUICE_HOME="$PWD/$WORK/home"
rm -rf "$SLUICE_HOME/cds"
/usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" java -jar target/sluice.jar export --dsn "$DSN" --ssl-mode disabled \
  --table ledger --limit 6 --out "$WORK/six.parquet" --no-progress > /dev/null 2>&1
read -r FIRST_S _ FIRST_U FIRST_SY < "$WORK/time.txt"
# java -jar on JDK 25 too, where the machine has one: there the second JVM uses an AOT cache, with the
# method profiles of the export that recorded it. It is recorded by the export after the first that
# succeeded (the first only marks the success): here by the second of two 6-row exports.
JAVA25=
for jdk in ${JDK25_HOME:-} /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk; do
  if [ -x "$jdk/bin/java" ]; then JAVA25="$jdk/bin/java"; break; fi
done
if [ -n "$JAVA25" ]; then
  for _ in 1 2; do
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$JAVA25" -jar target/sluice.jar export --dsn "$DSN" --ssl-mode disabled \
      --table ledger --limit 6 --out "$WORK/six.parquet" --no-progress > /dev/null 2>&1 || { echo "java -jar on JDK 25 failed: left out" >&2; JAVA25=; break; }
  done
  [ -n "$JAVA25" ] && read -r FIRST25_S _ FIRST25_U FIRST25_SY < "$WORK/time.txt"
fi
SPARK_OPENS=$(for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
  java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do printf -- '--add-opens=java.base/%s=ALL-UNNAMED ' "$p"; done)

columns() {
  case $1 in
    mixed) echo "id, i, iu, amount, ratio, label, at, body, flag, sparse" ;;
    ledger) echo "id, qty, status, price, discount, score, code, note, created, shipped, priority, token" ;;
    narrow) echo "id, v, d" ;;
    blobs) echo "id, name, body" ;;
  esac
}
rows_of() { case $1 in mixed|ledger) echo "$ROWS" ;; narrow) echo $((ROWS * 10)) ;; blobs) echo 2000 ;; esac; }

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
# the minimum and the median of the figures in $1, skipping failed runs (of an even count, the middle two's mean)
stats() { tr ' ' '\n' <<<"$1" | grep -v '^$' | grep -v fail | sort -g | awk '{a[NR]=$1} END {if (NR) print a[1], (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2); else print "- -"}'; }
heap_peak() { # the most heap in use before any collection, from -Xlog:gc, in MB
  { grep -o '[0-9]*M->' "$1" 2>/dev/null || true; } | sed 's/M->//' | sort -n | tail -1
}

for t in $TABLES; do
  SQL="SELECT $(columns "$t") FROM bench.$t"
  N=$(rows_of "$t")
  TEXT_BYTES=$(mariadb --quick --batch --skip-ssl -h 127.0.0.1 -P "$PORT" -u root -e "$SQL" | wc -c)
  T=(); M=(); C=(); declare -A HEAP=()
  order=(floor sluice-jar sluice-jar-none sluice-jar-256m)
  [ -n "$JAVA25" ] && order+=(sluice-jar25)
  [ -n "$CLI" ] && order+=(sluice-cli)
  [ "$t" = narrow ] && order+=(sluice-parallel2 sluice-split)
  [ "$t" = blobs ] && order+=(sluice-parallel2-file)
  for p in $PEERS; do order+=("$p"); done
  echo "table $t: $N rows, $RUNS runs …" >&2
  EXPORT=(export --dsn "$DSN" --ssl-mode disabled --table "$t" --no-progress)
  for run in $(seq 1 "$RUNS"); do
    timed floor mariadb --quick --batch --skip-ssl -h 127.0.0.1 -P "$PORT" -u root -e "$SQL"
    for codec in zstd none; do
      name=sluice-jar; [ "$codec" = none ] && name=sluice-jar-none
      timed "$name" java -Xlog:gc:file="$WORK/gc-$codec.log" -jar target/sluice.jar "${EXPORT[@]}" \
        --out "$WORK/$t-$codec.parquet" --compression "$codec"
      h=$(heap_peak "$WORK/gc-$codec.log"); [ -n "$h" ] && [ "${h}" -gt "${HEAP[$codec]:-0}" ] && HEAP[$codec]=$h
    done
    timed sluice-jar-256m java -Xmx256m -jar target/sluice.jar "${EXPORT[@]}" --out "$WORK/$t-256m.parquet"
    [ -n "$JAVA25" ] && timed sluice-jar25 "$JAVA25" -jar target/sluice.jar "${EXPORT[@]}" --out "$WORK/$t-25.parquet"
    [ -n "$CLI" ] && timed sluice-cli "$CLI" "${EXPORT[@]}" --out "$WORK/$t-cli.parquet"
    if [ "$t" = narrow ]; then
      # two key ranges over two connections, and parts of 2 M rows, into folders
      rm -rf "$WORK/$t-parallel" "$WORK/$t-split"
      timed sluice-parallel2 ${CLI:-$JAR} "${EXPORT[@]}" --out "$WORK/$t-parallel" --parallel 2
      timed sluice-split ${CLI:-$JAR} "${EXPORT[@]}" --out "$WORK/$t-split" --max-rows-per-file 2000000
      rm -rf "$WORK/$t-parallel" "$WORK/$t-split"
    fi
    if [ "$t" = blobs ]; then
      # two key ranges over two connections, joined into one file: two disk reads in flight on the server
      timed sluice-parallel2-file ${CLI:-$JAR} "${EXPORT[@]}" --out "$WORK/$t-parallel.parquet" --parallel 2
      rm -f "$WORK/$t-parallel.parquet"
    fi
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

  read -r fmin _ < <(stats "${T[floor]}")
  echo
  echo "### Table $t: $N rows, $(awk -v b="$TEXT_BYTES" 'BEGIN {printf "%.0f", b/1e6}') MB as text, $RUNS runs"
  echo
  echo "| command | min s | median s | CPU s (min) | rows/s (min) | MB/s (min) | × floor (min) | peak RSS MB | failed runs |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for k in "${order[@]}"; do
    read -r mn md < <(stats "${T[$k]:-}")
    read -r cpu _ < <(stats "${C[$k]:-}")
    rss=$(tr ' ' '\n' <<<"${M[$k]:-}" | grep -v '^$' | sort -g | tail -1 || true) # none when every run failed
    fails=$(tr ' ' '\n' <<<"${T[$k]:-}" | grep -c fail || true)
    name=$(case $k in
      floor) echo "mariadb --quick (floor)" ;;
      sluice-jar) echo "java -jar sluice.jar export (zstd)" ;;
      sluice-jar-none) echo "java -jar sluice.jar export --compression none" ;;
      sluice-jar-256m) echo "java -Xmx256m -jar sluice.jar export (zstd)" ;;
      sluice-jar25) echo "java -jar sluice.jar export (zstd) on JDK 25" ;;
      sluice-cli) echo "installed sluice-cli export (zstd)" ;;
      sluice-parallel2) echo "sluice-cli export --parallel 2 (folder of parts)" ;;
      sluice-parallel2-file) echo "sluice-cli export --parallel 2 --out FILE.parquet (one file)" ;;
      sluice-split) echo "sluice-cli export --max-rows-per-file 2000000" ;;
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
  echo "Sluice's heap: at most ${HEAP[zstd]:-?} MB (zstd) and ${HEAP[none]:-?} MB (none) in use before a collection (-Xlog:gc; ? when no collection ran)."
  echo "Parquet sizes: zstd $(stat -c %s "$WORK/$t-zstd.parquet") B, none $(stat -c %s "$WORK/$t-none.parquet") B."
  rm -f "$WORK/$t-256m.parquet" "$WORK/$t-cli.parquet" "$WORK/$t-25.parquet"
done

# The fixed cost a script pays per call: a 6-row export of table (d), as a whole process.
if [[ " $TABLES " == *" ledger "* ]]; then
  echo "a 6-row export …" >&2
  T=(); M=(); C=()
  for run in $(seq 1 "$RUNS"); do
    timed floor6 mariadb --quick --batch --skip-ssl -h 127.0.0.1 -P "$PORT" -u root -e "SELECT * FROM bench.ledger LIMIT 6"
    timed jar6 java -jar target/sluice.jar export --dsn "$DSN" --ssl-mode disabled --table ledger --limit 6 \
      --out "$WORK/six.parquet" --no-progress
    [ -n "$JAVA25" ] && timed jar25-6 "$JAVA25" -jar target/sluice.jar export --dsn "$DSN" --ssl-mode disabled --table ledger --limit 6 \
      --out "$WORK/six.parquet" --no-progress
    [ -n "$CLI" ] && timed cli6 "$CLI" export --dsn "$DSN" --ssl-mode disabled --table ledger --limit 6 \
      --out "$WORK/six.parquet" --no-progress
  done
  echo
  echo "### A 6-row export of table ledger, $RUNS runs"
  echo
  echo "| command | min s | median s | CPU s (min) |"
  echo "|---|---|---|---|"
  awk -v s="$FIRST_S" -v u="$FIRST_U" -v sy="$FIRST_SY" \
    'BEGIN {printf "| java -jar sluice.jar export --limit 6, the first after a build (records the class archive) | %s | - | %.2f |\n", s, u + sy}'
  [ -n "$JAVA25" ] && awk -v s="$FIRST25_S" -v u="$FIRST25_U" -v sy="$FIRST25_SY" \
    'BEGIN {printf "| the same on JDK 25, the second after a build (records the AOT cache) | %s | - | %.2f |\n", s, u + sy}'
  for k in floor6 jar6 jar25-6 cli6; do
    [ -n "${T[$k]:-}" ] || continue
    read -r mn md < <(stats "${T[$k]}")
    read -r cpu _ < <(stats "${C[$k]:-}")
    name=$(case $k in floor6) echo "mariadb --quick (LIMIT 6)" ;; jar6) echo "java -jar sluice.jar export --limit 6" ;;
      jar25-6) echo "java -jar sluice.jar export --limit 6 on JDK 25" ;;
      cli6) echo "installed sluice-cli export --limit 6" ;; esac)
    echo "| $name | $mn | $md | $cpu |"
  done
  rm -f "$WORK/six.parquet"
fi

# The window opening on a private X server: from the process's start to the first laid-out frame, as
# the app logs it ("window ready N ms after the process started"), for java -jar and the installed launcher.
if [ "${UI:-1}" = 1 ]; then
  echo "the window opening …" >&2
  Xvfb :87 -screen 0 1400x900x24 -nolisten tcp > /dev/null 2>&1 &
  XVFB=$!
  trap 'kill $SERVER $XVFB 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
  sleep 1
  declare -A OPEN=()
  # java -jar opens the window on a second JVM with a class archive, recorded when a window closes
  # normally (io.sluice.TunedJvm): one start that quits at its first frame records it, as a first
  # session would; every measured start then has it, with fresh settings.
  cds="$WORK/window-cds"; rm -rf "$cds"
  home="$WORK/window-home"; rm -rf "$home"; mkdir -p "$home"
  DISPLAY=:87 SLUICE_HOME="$home" timeout 120 java -Dsluice.exitAfterFirstFrame=true -jar target/sluice.jar > /dev/null 2>&1 || true
  [ -d "$home/cds" ] && mv "$home/cds" "$cds"
  cds25="$WORK/window-cds25"; rm -rf "$cds25"
  if [ -n "$JAVA25" ]; then # on JDK 25 an AOT cache, recorded the same way
    home="$WORK/window-home"; rm -rf "$home"; mkdir -p "$home"
    for _ in 1 2; do # the first start marks its success, the second records
      DISPLAY=:87 SLUICE_HOME="$home" timeout 120 "$JAVA25" -Dsluice.exitAfterFirstFrame=true -jar target/sluice.jar > /dev/null 2>&1 || true
    done
    [ -d "$home/cds" ] && mv "$home/cds" "$cds25"
  fi
  for run in $(seq 1 "$RUNS"); do
    for k in jar jar25 app; do
      home="$WORK/window-home"; rm -rf "$home"; mkdir -p "$home"
      [ "$k" = jar ] && [ -d "$cds" ] && cp -a "$cds" "$home/cds"
      [ "$k" = jar25 ] && [ -d "$cds25" ] && cp -a "$cds25" "$home/cds"
      case $k in
        jar) cmd=(java -jar target/sluice.jar) ;;
        jar25) [ -n "$JAVA25" ] || continue; cmd=("$JAVA25" -jar target/sluice.jar) ;;
        app) [ -n "$CLI" ] || continue; cmd=(target/dist/sluice/bin/sluice) ;;
      esac
      DISPLAY=:87 SLUICE_HOME="$home" "${cmd[@]}" > /dev/null 2>&1 &
      app=$!
      for _ in $(seq 1 600); do grep -q 'window ready' "$home/sluice.log" 2>/dev/null && break; sleep 0.1; done
      ms=$(grep -o 'window ready [0-9]*' "$home/sluice.log" 2>/dev/null | grep -o '[0-9]*$' || true)
      kill $app 2>/dev/null; wait $app 2>/dev/null || true
      OPEN[$k]+="${ms:-fail} "
    done
  done
  kill $XVFB 2>/dev/null || true
  echo
  echo "### The window opening (ms from the process's start to its first frame), $RUNS runs"
  echo
  echo "| command | min ms | median ms |"
  echo "|---|---|---|"
  for k in jar jar25 app; do
    [ -n "${OPEN[$k]:-}" ] || continue
    read -r mn md < <(stats "${OPEN[$k]}")
    echo "| $(case $k in jar) echo "java -jar sluice.jar (with its window class archive: $([ -d "$cds" ] && echo yes || echo no))" ;;
      jar25) echo "java -jar sluice.jar on JDK 25 (with its window AOT cache: $([ -d "$cds25" ] && echo yes || echo no))" ;; app) echo "installed sluice (app-image)" ;; esac) | $mn | $md |"
  done
fi

# The window, headless (Monocle): an export of table (d), or (a), twice in one JVM; time to the first preview
# row on screen and the FX thread's longest stall (src/test/java/io/sluice/ui/ExportUiBench.java).
UI_TABLE=$(for t in ledger mixed; do [[ " $TABLES " == *" $t "* ]] && echo $t && break; done || true)
if [ "${UI:-1}" = 1 ] && [ -n "$UI_TABLE" ]; then
  echo "the window's export …" >&2
  rm -f target/ui-bench.txt
  if ./mvnw -q test-compile surefire:test -Dtest=ExportUiBench -Dsurefire.failIfNoSpecifiedTests=false \
       -Dbench.dsn="$DSN" -Dbench.table="$UI_TABLE" > "$WORK/ui-bench.log" 2>&1; then
    echo; echo "### The window"; echo; cat target/ui-bench.txt
  else
    echo "the window benchmark failed; see $WORK/ui-bench.log" >&2
  fi
fi
