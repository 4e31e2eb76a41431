#!/usr/bin/env bash
# Gazette benchmark: generates corpora, times Gazette (and pandoc / WeasyPrint when installed) and
# writes bench/results.md. Run from anywhere:  bench/run.sh
#
# Environment (all optional):
#   SIZES="100 1000 10000"   corpus sizes
#   RUNS=3                   runs per Gazette measurement (median reported)
#   BIG_RUNS=1               runs per Gazette PDF measurement for corpora of 10,000 posts or
#                            more (a 10,000-post PDF takes minutes; one run keeps the bench short)
#   PEER_RUNS=1              runs per pandoc / WeasyPrint measurement
#   PDF_MAX=10000            largest N for the Gazette PDF digest (also measured on one CPU,
#                            -XX:ActiveProcessorCount=1, up to ONE_CPU_MAX=1000)
#   WEASY_MAX=1000           largest N for WeasyPrint;  PANDOC_MAX=10000 for pandoc
#   WEEK=2021-W10            the week selected by "gazette list"
#   GAZETTE_HEAP, GAZETTE_JAVA_OPTS   passed to bin/gazette (see there)
#   GAZETTE_JAR=target/gazette.jar
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$BENCH")"
WORK="$BENCH/work"
SIZES="${SIZES:-100 1000 10000}"
RUNS="${RUNS:-3}"
BIG_RUNS="${BIG_RUNS:-1}"
PEER_RUNS="${PEER_RUNS:-1}"
PDF_MAX="${PDF_MAX:-10000}"
ONE_CPU_MAX="${ONE_CPU_MAX:-1000}"
WEASY_MAX="${WEASY_MAX:-1000}"
PANDOC_MAX="${PANDOC_MAX:-10000}"
WEEK="${WEEK:-2021-W10}"
JAR="${GAZETTE_JAR:-$ROOT/target/gazette.jar}"
TIME=/usr/bin/time
RESULTS="$BENCH/results.md"

[[ -x $TIME ]] || { echo "needs GNU time at /usr/bin/time (Debian package: time)" >&2; exit 2; }
if [[ ! -f $JAR ]]; then
  (cd "$ROOT" && mvn -B -q -DskipTests package)
fi
mkdir -p "$WORK"
# Every measured run starts without the pictures an earlier run finished (the image cache folder's
# renditions/): the rows are cold builds. measure() empties Gazette's part of it before each run
# (other programs' caches, fontconfig's for one, are left as they are).
export XDG_CACHE_HOME="$WORK/cache"

# Gazette runs through its launcher (bin/gazette: JVM flags + class-data sharing archive), as
# users are told to run it. The archive is remade whenever the jar is newer.
LAUNCHER="$ROOT/bin/gazette"
export GAZETTE_JAR="$JAR"
if [[ ! -f ${JAR%.jar}.jsa || $JAR -nt ${JAR%.jar}.jsa ]]; then
  "$LAUNCHER" --make-cds-archive
fi
JAVA_OPTS="$("$LAUNCHER" --print-jvm-flags)"

# measure NAME RUNS OUTPUT_FILE -- command...   appends "name wall cpu rss size" to $WORK/raw.txt
measure() {
  local name=$1 runs=$2 output=$3; shift 4
  local walls=() cpus=() rss=0 i
  for ((i = 0; i < runs; i++)); do
    rm -f "$output"
    rm -rf "$XDG_CACHE_HOME/gazette"
    if ! $TIME -f '%e %U %S %M' -o "$WORK/time.txt" "$@" >"$WORK/last.log" 2>&1; then
      # "gazette list" exits 3 when the week is empty; anything else is a failure worth seeing.
      if [[ $name != *select* ]]; then
        echo "FAILED: $name" >&2; tail -5 "$WORK/last.log" >&2; return 0
      fi
    fi
    read -r wall user sys kb < <(tail -1 "$WORK/time.txt")
    walls+=("$wall"); cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}')")
    ((kb > rss)) && rss=$kb
  done
  local size=0
  [[ -n $output && -f $output ]] && size=$(stat -c %s "$output")
  printf '%s %s %s %s %s\n' "$name" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" "$rss" "$size" \
    | tee -a "$WORK/raw.txt"
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: >"$WORK/raw.txt"
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpus=$(nproc)"
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "java_opts=$JAVA_OPTS"
  echo "pandoc=$(pandoc --version 2>/dev/null | head -1 || true)"
  echo "weasyprint=$(weasyprint --version 2>/dev/null | head -1 || true)"
} >"$WORK/meta.txt"
HAVE_PANDOC=$(command -v pandoc || true)
HAVE_WEASY=$(command -v weasyprint || true)

# Cold JVM, one post, both formats.
rm -rf "$WORK/corpus-1" && java "$ROOT/src/test/java/dev/gazette/bench/CorpusGenerator.java" "$WORK/corpus-1" 1 7
measure "1 jvm-start" "$RUNS" "" -- "$LAUNCHER" --version
measure "1 epub+pdf" "$RUNS" "$WORK/out/one.pdf" -- \
  "$LAUNCHER" -q build "$WORK/corpus-1" --zone UTC --out "$WORK/out" --name one

for n in $SIZES; do
  corpus="$WORK/corpus-$n"
  if [[ ! -f $corpus/peer.html ]]; then
    rm -rf "$corpus"
    java "$ROOT/src/test/java/dev/gazette/bench/CorpusGenerator.java" "$corpus" "$n" 7 --images
  fi
  cat >"$corpus/peer.css" <<CSS
@font-face { font-family: "Noto Serif SC"; src: url("file://$ROOT/fonts/NotoSerifSC-Regular.ttf"); }
@font-face { font-family: "Noto Serif SC"; font-weight: bold; src: url("file://$ROOT/fonts/NotoSerifSC-Bold.ttf"); }
@page { size: A5; margin: 18mm 15mm; }
body { font-family: "Noto Serif SC", serif; font-size: 10.5pt; line-height: 1.7; text-align: justify; }
h1 { break-before: page; font-size: 15pt; }
p { text-indent: 2em; margin: 0 0 .4em; }
img { max-width: 100%; }
CSS
  # Selection and EPUB keep RUNS even for big corpora: their first run also reads the corpus
  # from disk, and only a median over warm runs compares with the smaller sizes.
  runs=$RUNS
  ((n >= 10000)) && runs=$BIG_RUNS
  measure "$n select" "$RUNS" "" -- "$LAUNCHER" -q list "$corpus" --zone UTC --week "$WEEK"
  measure "$n epub" "$RUNS" "$WORK/out/d$n.epub" -- \
    "$LAUNCHER" -q build "$corpus" --zone UTC --format epub --out "$WORK/out" --name "d$n"
  if ((n <= PDF_MAX)); then
    measure "$n pdf" "$runs" "$WORK/out/d$n.pdf" -- \
      "$LAUNCHER" -q build "$corpus" --zone UTC --format pdf --page-size A5 --out "$WORK/out" --name "d$n"
  fi
  if ((n <= PDF_MAX && n <= ONE_CPU_MAX)) && (($(nproc) > 1)); then
    # The same PDF with the JVM told it has one CPU: what parallel layout buys.
    measure "$n pdf-1cpu" "$runs" "$WORK/out/d$n-1cpu.pdf" -- \
      env GAZETTE_JAVA_OPTS="${GAZETTE_JAVA_OPTS:-} -XX:ActiveProcessorCount=1" \
      "$LAUNCHER" -q build "$corpus" --zone UTC --format pdf --page-size A5 --out "$WORK/out" --name "d$n-1cpu"
  fi
  if [[ -n $HAVE_PANDOC ]] && ((n <= PANDOC_MAX)); then
    # pandoc reads the peer document from the corpus folder so image paths resolve.
    measure "$n pandoc-epub" "$PEER_RUNS" "$WORK/out/p$n.epub" -- \
      bash -c 'cd "$1" && exec pandoc --quiet peer.html -o "$2" --toc --metadata title=Gazette --metadata lang=zh-CN' _ \
      "$corpus" "$WORK/out/p$n.epub"
  fi
  if [[ -n $HAVE_WEASY ]] && ((n <= WEASY_MAX)); then
    measure "$n weasyprint-pdf" "$PEER_RUNS" "$WORK/out/w$n.pdf" -- \
      weasyprint "$corpus/peer.html" "$WORK/out/w$n.pdf"
  fi
done

echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/meta.txt"
"$BENCH/report.sh" "$WORK/meta.txt" "$WORK/raw.txt" >"$RESULTS"
echo "wrote $RESULTS"
