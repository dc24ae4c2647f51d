// Turns the npm sources into the tab-separated tables the repair stage embeds.
const fs = require('fs');
const path = require('path');
const [opencc, pinyinDir, out] = process.argv.slice(2);

function mapping(file, target) {
  const lines = [];
  for (const line of fs.readFileSync(path.join(opencc, file), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [from, to] = line.split('\t');
    if (!to) continue;
    lines.push(from + '\t' + to.split(' ')[0]);
  }
  lines.sort();
  fs.writeFileSync(path.join(out, target), lines.join('\n') + '\n');
}
mapping('TSCharacters.txt', 't2s.tsv');
mapping('STCharacters.txt', 's2t.tsv');

const table = require(path.join(pinyinDir, '全拼数据.js')).带音调拼音;
const rows = Object.keys(table).sort().map(ch => ch + '\t' + table[ch]);
fs.writeFileSync(path.join(out, 'readings.tsv'), rows.join('\n') + '\n');
