#!/usr/bin/env bash
# Chunked PDF (the default since 2 December; gazette.pdf.chunked=false turns it off) against the one-layout PDF, through
# bin/gazette, on a generated corpus: wall, CPU, peak RSS and size, plus the load average.
# Usage: bench/chunked-pdf.sh N [HEAP]   (writes bench/work/chunked-N.md; needs target/gazette.jar)
# ONE_HEAP (default HEAP) is the heap of the one-layout run, which needs more; RUNS_WANTED picks
# runs (default "one-layout chunked-1-thread chunked-2-threads").
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-1000}"
HEAP="${2:-768m}"
WORK="$ROOT/bench/work"
CORPUS="$WORK/c$N"
OUT="$WORK/chunked-out"
mkdir -p "$WORK" "$OUT"
[[ -d "$CORPUS" ]] || java "$ROOT/src/test/java/dev/gazette/bench/CorpusGenerator.java" "$CORPUS" "$N" >/dev/null
REPORT="$WORK/chunked-$N.md"
echo "| run | wall s | CPU s | peak RSS MiB | size bytes | pages | load before |" > "$REPORT"
echo "|---|---:|---:|---:|---:|---:|---:|" >> "$REPORT"
run() {
  local label="$1"; shift
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  local heap="$HEAP"
  [[ "$label" == one-layout ]] && heap="${ONE_HEAP:-$HEAP}"
  [[ " ${RUNS_WANTED:-one-layout chunked-1-thread chunked-2-threads} " == *" $label "* ]] || return 0
  if ! /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" \
    env GAZETTE_HEAP="$heap" GAZETTE_JAVA_OPTS="$*" "$ROOT/bin/gazette" -q build "$CORPUS" \
    --zone UTC --format pdf --page-size A5 --out "$OUT" --name "$label"; then
    echo "| $label (heap $heap) | failed: $(tail -1 "$WORK/time.txt") | | | | | $load |" >> "$REPORT"
    return 0
  fi
  read -r wall user sys rss < "$WORK/time.txt"
  local pages; pages="$(pdfinfo "$OUT/$label.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
  printf '| %s (heap %s) | %.1f | %.1f | %d | %d | %s | %s |\n' "$label" "$heap" "$wall" "$(echo "$user + $sys" | bc)" \
    "$((rss / 1024))" "$(stat -c %s "$OUT/$label.pdf")" "${pages:-?}" "$load" >> "$REPORT"
}
run one-layout -Dgazette.pdf.chunked=false
run chunked-1-thread -Dgazette.pdf.chunked=true -Dgazette.pdf.threads=1 ${CHUNK_OPTS:-}
run chunked-2-threads -Dgazette.pdf.chunked=true -Dgazette.pdf.threads=2 ${CHUNK_OPTS:-}
if [[ -f "$OUT/chunked-1-thread.pdf" && -f "$OUT/chunked-2-threads.pdf" ]]; then
  if cmp -s "$OUT/chunked-1-thread.pdf" "$OUT/chunked-2-threads.pdf"; then
    echo "chunked PDFs at 1 and 2 threads: identical bytes" >> "$REPORT"
  else
    echo "chunked PDFs at 1 and 2 threads: DIFFER" >> "$REPORT"
  fi
fi
cat "$REPORT"
