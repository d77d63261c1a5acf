// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput of Node's tokenizers on one text file, for tests/bench/bench_tokenizer (which runs
// this script on the text it measured itself). Prints one JSON object:
//   {"bytes": N, "results": [{"name", "encoding", "mbPerSecond", "tokens"}]}
// Usage: node bench.mjs TEXT_FILE [SECONDS_PER_RUN]
import { readFileSync } from 'node:fs';
import { get_encoding } from 'tiktoken';
import { getEncoding } from 'js-tiktoken';
import * as gptO200k from 'gpt-tokenizer/encoding/o200k_base';
import * as gptCl100k from 'gpt-tokenizer/encoding/cl100k_base';

const text = readFileSync(process.argv[2], 'utf8');
const seconds = Number(process.argv[3] ?? 3);
const bytes = Buffer.byteLength(text, 'utf8');
const lines = text.split('\n'); // encoded line by line, as the app counts one message at a time

function measure(name, encoding, encode) {
  let tokens = 0;
  for (const line of lines) tokens += encode(line).length; // warm-up and the count
  // CPU time of the process (as the C++ side measures it), so that a busy machine doesn't skew it.
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  let runs = 0;
  const start = cpu();
  let elapsed = 0;
  do {
    for (const line of lines) encode(line);
    ++runs;
    elapsed = cpu() - start;
  } while (elapsed < seconds);
  return { name, encoding, mbPerSecond: (bytes * runs) / elapsed / 1e6, tokens };
}

const results = [];
for (const encoding of ['o200k_base', 'cl100k_base']) {
  const wasm = get_encoding(encoding);
  results.push(measure('tiktoken (WASM)', encoding, (s) => wasm.encode_ordinary(s)));
  wasm.free();
  const js = getEncoding(encoding);
  results.push(measure('js-tiktoken', encoding, (s) => js.encode(s, [], [])));
  const gpt = encoding === 'o200k_base' ? gptO200k : gptCl100k;
  const options = { disallowedSpecial: new Set(), allowedSpecial: new Set() };
  results.push(measure('gpt-tokenizer', encoding, (s) => gpt.encode(s, options)));
}
console.log(JSON.stringify({ bytes, results }));
