#!/usr/bin/env bash
# Runs every measurement behind bench/perf/RESULTS.md, from the repository root:
#   bash bench/perf/run-all.sh [PAGES=10000] [BIG=100000]
# Needs: the .NET SDK, GNU time (/usr/bin/time, Debian package "time") and python3-readability (apt).
# For a profile: dotnet tool install --tool-path /tmp/dntools dotnet-trace --version 10.0.750501, then see the end.
# The corpus is generated under /tmp/newsetl-perf (about 1.3 GB per 10,000 pages; check `df -h /tmp`).
set -euo pipefail
PAGES=${1:-10000}
BIG=${2:-100000}
WORK=/tmp/newsetl-perf
RESULTS=bench/perf/results
BENCH="dotnet run -c Release --no-build --project bench/NewsEtl.PerfBench --"
mkdir -p "$RESULTS" "$WORK"
dotnet build -c Release bench/NewsEtl.PerfBench --nologo -v q

# 1. End to end: the CLI with -p 1 pinned to one CPU, -p 1 and -p (cores) in three alternating rounds (a shared virtual machine's speed
#    drifts by 10 % from minute to minute; the medians are compared), peak RSS, run.json timings; the bare limit.
$BENCH e2e --pages "$PAGES" --repeat 3 --pinned | tee "$RESULTS/e2e-$PAGES.txt"
for p in 1 2; do cp "$WORK/out-$PAGES-p$p/run.json" "$RESULTS/run-$PAGES-p$p.json"; done

# 2. The peer: readability-lxml on one core, over an evenly spread sample of the same pages.
/usr/bin/python3 bench/perf/readability.py "$WORK/corpus-$PAGES" --limit 1000 --json "$RESULTS/readability-$PAGES.json"

# 3. Allocation and time per page by page kind, in-process, one thread.
$BENCH alloc --input "$WORK/corpus-$PAGES" --limit 2000 | tee "$RESULTS/alloc-$PAGES.txt"

# 3b. The page processing at its steady state against the bare parse of the same pages in memory, pass after pass.
$BENCH steady --input "$WORK/corpus-$PAGES" --limit 2000 --passes 5 | tee "$RESULTS/steady-$PAGES.txt"

# 4. Stage benchmarks (BenchmarkDotNet, MemoryDiagnoser).
$BENCH stages --filter '*' --artifacts "$RESULTS/bdn" | tee "$RESULTS/stages.log"
cp "$RESULTS"/bdn/results/*-report-github.md "$RESULTS/stages.md"

# 5. Peak memory at scale: the real run over BIG pages (-p cores), and what the cross-page index holds per article.
#    (scale_store.py + `newsetl merge` is a quicker way to load the write phase with BIG distinct records.)
#    VmHWM and VmRSS (kB) of the running CLI every 15 s, to see which phase holds the peak.
( set +e
  while true; do
    pid=$(pgrep -x newsetl | head -1)
    [ -n "$pid" ] && echo "$(date -u +%H:%M:%S) $(awk '/VmHWM/{h=$2}/VmRSS/{r=$2}END{print h, r}' "/proc/$pid/status" 2>/dev/null)"
    sleep 15
  done ) > "$RESULTS/rss-$BIG.log" &
SAMPLER=$!
$BENCH e2e --pages "$BIG" --parallelism "$(nproc)" --no-bare | tee "$RESULTS/e2e-$BIG.txt"
kill "$SAMPLER" 2>/dev/null || true
cp "$WORK/out-$BIG-p$(nproc)/run.json" "$RESULTS/run-$BIG-p$(nproc).json"
/usr/bin/python3 bench/perf/near_duplicate_bits.py "$WORK/out-$BIG-p$(nproc)" | tee "$RESULTS/near-duplicate-bits-$BIG.txt"
$BENCH index-memory | tee "$RESULTS/index-memory.txt"

# 5b. Scaling on a 2,000-page slice, alternating -p 1 and -p 2.
for i in 1 2; do for p in 1 2; do
  rm -rf "$WORK/sc-out"
  /usr/bin/time -f "p$p %e s wall %U user %S sys %M KB" bench/out/cli/newsetl run --input "$WORK/corpus-$PAGES" \
    --include 'p000/**' --include 'p001/**' --output "$WORK/sc-out" -p $p -q
done; done 2>&1 | tee "$RESULTS/scaling-2000.txt"

# 6. Optional profile (not part of RESULTS.md): thread-time samples of a 1,000-page run, summarized.
if [ -x /tmp/dntools/dotnet-trace ]; then
  /tmp/dntools/dotnet-trace collect --profile dotnet-sampled-thread-time --format Speedscope -o "$WORK/p2-1000.nettrace" -- \
    bench/out/cli/newsetl run --input "$WORK/corpus-$PAGES" --include 'p000/**' --output "$WORK/trace-out" -p "$(nproc)" -q
  /usr/bin/python3 bench/perf/speedscope_top.py "$WORK/p2-1000.speedscope.json" --skip-idle --under 'NewsEtlRunner.Process(' --top 60 > "$RESULTS/profile-workers.md"
fi
