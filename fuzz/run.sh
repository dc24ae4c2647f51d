#!/usr/bin/env bash
# Fuzzes every parser entry point with SharpFuzz + AFL++ for a fixed budget each, collecting crashes and hangs
# into fuzz/findings/<target>/. Not part of `dotnet test`. Usage: fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
# Needs root (or sudo) the first time, to install afl++ from Debian.
set -euo pipefail
cd "$(dirname "$0")"
budget=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(html text mhtml warc repair)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v afl-fuzz >/dev/null; then
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_=sudo
  $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq afl++ >/dev/null
fi
if [ ! -x .tools/sharpfuzz ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path .tools >/dev/null
fi

# Publish, write the seeds (instrumented code runs only under afl-fuzz), then instrument ours and the HTML parser.
rm -rf out && dotnet publish NewsEtl.Fuzz -c Release -o out --nologo -v quiet
rm -rf seeds && dotnet out/NewsEtl.Fuzz.dll seeds seeds
for dll in NewsEtl.Core.dll AngleSharp.dll; do .tools/sharpfuzz "out/$dll" >/dev/null; done

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
summary=findings/summary.tsv
mkdir -p findings && printf 'target\tseconds\texecs\tpaths\tcrashes\thangs\n' > "$summary"
for target in "${targets[@]}"; do
  rm -rf "findings/$target"
  # -t: a run over 5 s is a hang; -V: stop after the budget.
  afl-fuzz -i "seeds/$target" -o "findings/$target" -t 5000 -m none -V "$budget" -- dotnet out/NewsEtl.Fuzz.dll "$target" >"findings/$target.log" 2>&1 || true
  stats="findings/$target/default/fuzzer_stats"
  get() { awk -F' *: *' -v k="$1" '$1==k {print $2}' "$stats" 2>/dev/null || echo "?"; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$budget" "$(get execs_done)" "$(get corpus_count)" "$(get saved_crashes)" "$(get saved_hangs)" >> "$summary"
  # Keep what matters at a stable path: fuzz/findings/<target>/crashes and /hangs.
  for kind in crashes hangs; do
    mkdir -p "findings/$target/$kind"
    find "findings/$target/default/$kind" -type f -name 'id:*' -exec cp {} "findings/$target/$kind/" \; 2>/dev/null || true
  done
done
column -t "$summary"
echo "Replay a finding: dotnet fuzz/out/NewsEtl.Fuzz.dll TARGET FILE; add it to fuzz/regressions/TARGET/ to keep it as a test."
