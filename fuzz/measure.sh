#!/usr/bin/env bash
# Runs the real CLI over every input of the bad-input corpus, one run per input (per folder for links and folders),
# and prints wall time and peak memory (max RSS, the .NET runtime included) per input, plus the worst per category.
# Usage: fuzz/measure.sh [OUT_DIR]   (the corpus needs ~1.5 GB of sparse/temp space; 200 MB files are sparse)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/NewsEtl.Cli -c Release -o "$out/cli" --nologo -v quiet >/dev/null
dotnet build fuzz/NewsEtl.Fuzz -c Release -o "$out/fuzz" --nologo -v quiet >/dev/null
rm -rf "$out/corpus" && dotnet "$out/fuzz/NewsEtl.Fuzz.dll" corpus "$out/corpus"
results="$out/measure.tsv"
printf 'category\tinput\tseconds\tmax_rss_mb\texit\trecords\trejected\n' > "$results"
for dir in "$out"/corpus/*/; do
  category=$(basename "$dir")
  while IFS= read -r -d '' entry; do
    name=$(basename "$entry")
    input="$entry"
    # A link or folder is measured as a run over the category's folder (naming it alone would follow it).
    if [ -L "$entry" ] || [ -d "$entry" ] || [ -p "$entry" ]; then input="$dir"; name="(folder) $name"; fi
    rm -rf "$out/run"
    set +e
    /usr/bin/time -f '%e %M' -o "$out/time.txt" dotnet "$out/cli/newsetl.dll" run --input "$input" --output "$out/run" --quiet >/dev/null 2>&1
    code=$?
    set -e
    read -r secs rss < <(tail -n 1 "$out/time.txt") || true
    counts=$(python3 -c "import json,sys; c=json.load(open(sys.argv[1]))['counts']; print(c['records'], c['rejected'], sep='\t')" "$out/run/run.json" 2>/dev/null || printf '?\t?')
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$category" "$(printf '%q' "$name")" "$secs" "$((rss / 1024))" "$code" "$counts" >> "$results"
  done < <(find "$dir" -mindepth 1 -maxdepth 1 -print0 | sort -z)
done
column -t -s $'\t' "$results"
echo
echo "worst per category (seconds, MB):"
awk -F'\t' 'NR>1 { n[$1]++; if ($3>t[$1]) t[$1]=$3; if ($4>m[$1]) m[$1]=$4 } END { for (c in n) printf "%-16s inputs %3d  worst %6.2f s  %6d MB\n", c, n[c], t[c], m[c] }' "$results" | sort
