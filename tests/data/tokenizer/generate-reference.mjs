// SPDX-License-Identifier: GPL-3.0-or-later
// Writes reference.jsonl: the token ids of every case for o200k_base and cl100k_base, as OpenAI's
// own tiktoken (its Rust core, compiled to WASM: the npm package `tiktoken`) produces them, checked
// against the two JavaScript ports `js-tiktoken` and `gpt-tokenizer`. tst_tokenizer compares fs::Tokenizer
// with every line. Reproduce with:  npm ci && node generate-reference.mjs
// With --check nothing is written: exit 1 if reference.jsonl differs from what the pinned
// packages produce now (without node_modules ctest skips it, exit 77, or fails it under CI=true).
//
// Cases: each line of corpus.txt, then cases built here (whitespace runs, CR/LF mixes, control
// characters, whole documents) and seeded random mixes of the characters that steer pre-tokenisation.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const here = new URL('.', import.meta.url);
const check = process.argv.includes('--check');
if (!existsSync(new URL('node_modules/tiktoken', here))) {
  // As tests/support/missing-tool.sh: skipped (77) on a developer's machine, failed under CI.
  console.log('SKIP: no node_modules here (run npm ci in this folder)');
  process.exit(check && process.env.CI !== 'true' ? 77 : 1);
}
const { get_encoding } = await import('tiktoken');
const { getEncoding } = await import('js-tiktoken');
const gptCl100k = await import('gpt-tokenizer/encoding/cl100k_base');
const gptO200k = await import('gpt-tokenizer/encoding/o200k_base');
const corpus = readFileSync(new URL('corpus.txt', here), 'utf8').split('\n');
if (corpus[corpus.length - 1] === '') corpus.pop();

const cases = corpus.map((text) => ({ source: 'corpus', text }));
const add = (source, text) => cases.push({ source, text });

// Whitespace: runs of every length before letters, digits, punctuation, newlines and the end.
for (const ws of [' ', '\t', '\u3000', '\u00a0', '\u2003', '\u0085', '\ufeff', '\u200b']) {
  for (const n of [1, 2, 3, 5, 8]) {
    const run = ws.repeat(n);
    add('whitespace', `a${run}b`);
    add('whitespace', `a${run}1`);
    add('whitespace', `a${run}!`);
    add('whitespace', `a${run}\nb`);
    add('whitespace', `a${run}`);
    add('whitespace', `${run}a`);
  }
}
// Line endings: CRLF, lone CR, blank lines, whitespace around them, at the start and the end.
for (const t of ['a\r\nb', 'a\r\n\r\nb', 'a\rb', 'a\n\rb', 'a \r\n b', 'a  \r\n  b', 'a\r\n', '\r\na',
  'a \n ', 'a  \n  ', 'x\n\n  ', '\n\n\n', '\r\n\r\n\r\n', ' \n \n \n', 'a\t\r\n\tb', 'a!\r\n', 'a!\n\n',
  'a/\n', 'a//\r\n/', 'line one\r\nline two\r\n\r\nline four\r\n', '  \r\n\t\r\n  x', 'end  \n  ', 'a\n \n b',
  '1\r\n2\n3\r4', '\n', ' ', '\r', '\t', '']) {
  add('newlines', t);
}
// Control and format characters, surrogate pairs next to each other, a lone surrogate.
for (const t of ['\u0000a\u0001b\u001f', 'x\u007fy', 'bell\u0007 esc\u001b[0m', 'a\u000bb\u000cc',
  'a\u2028b\u2029c', 'a\u00adb', 'a\u200db', '\ud83d\ude00\ud83d\ude00', 'a\u0301', '\u0301a', ' \u0301',
  'a\u0301\u0301b', 'e\u0301cole', 'E\u0301COLE', 'a\u20ddb', "it'\u017f", "it\u2019s", "x'S'T", 'lone \ud800 surrogate']) {
  add('controls', t);
}
// Digits: every length up to 12 and next to other classes.
for (let n = 1; n <= 12; n++) {
  const d = '1234567890'.repeat(2).slice(0, n);
  add('digits', d);
  add('digits', `x${d}y`);
  add('digits', ` ${d} `);
}
// Long pieces (the merge loop on long inputs).
add('long', 'a'.repeat(1000));
add('long', 'ab'.repeat(700));
add('long', 'あ'.repeat(500));
add('long', '東京'.repeat(300) + '大阪');
add('long', '😀'.repeat(300));
add('long', '!'.repeat(999));
add('long', ' '.repeat(1000) + 'x');
add('long', '\n'.repeat(500));
add('long', '9'.repeat(1001));
add('long', 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(20));
// Whole documents: the corpus joined with LF and with CRLF.
add('document', corpus.join('\n'));
add('document', corpus.join('\r\n') + '\r\n');

// Seeded random mixes (mulberry32) of the characters that matter to the split rules.
const pool = [
  'a', 'b', 'Z', 'Q', 'é', 'Ä', 'ǅ', 'ʰ', 'ß', 'Σ', 'ж', 'あ', 'ア', '東', 'ｱ', '한', 'ก', 'ि', '\u0301',
  '0', '7', '٣', '²', '½', 'Ⅳ', ' ', ' ', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u3000', '\u00a0',
  "'", "'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'LL", '’', '.', ',', '!', '?', '/', '//', '-',
  '_', '(', ')', '"', '#', '$', '%', '&', '*', '+', '<|endoftext|>', '😀', '👍🏽', '🇯🇵', '\u200d', '\ufe0f',
  'the', ' the', 'The', 'THE', 'ing', ' I', 'Hello', 'world', '123', '2024', '日本', 'です', '。', '、',
];
let seed = 0x5eed1234;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
for (let i = 0; i < 400; i++) {
  const n = 1 + Math.floor(random() * 24);
  let s = '';
  for (let k = 0; k < n; k++) s += pool[Math.floor(random() * pool.length)];
  add('random', s);
}

const encoders = {
  o200k_base: { tiktoken: get_encoding('o200k_base'), js: getEncoding('o200k_base'), gpt: gptO200k },
  cl100k_base: { tiktoken: get_encoding('cl100k_base'), js: getEncoding('cl100k_base'), gpt: gptCl100k },
};
const same = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);
const noSpecial = { disallowedSpecial: new Set(), allowedSpecial: new Set() };
const disagreements = [];
const lines = cases.map(({ source, text }, index) => {
  const out = { source, text };
  for (const [name, enc] of Object.entries(encoders)) {
    const ids = Array.from(enc.tiktoken.encode_ordinary(text));
    const js = enc.js.encode(text, [], []);
    const gpt = enc.gpt.encode(text, noSpecial);
    out[name] = ids;
    const others = [];
    if (!same(ids, js)) others.push('js-tiktoken');
    if (!same(ids, gpt)) others.push('gpt-tokenizer');
    if (others.length) {
      out[`${name}_disagree`] = others;
      disagreements.push(`${index} ${name} ${JSON.stringify(text).slice(0, 60)}: ${others.join(', ')}`);
    }
  }
  // U+FEFF escaped: JSON readers (Qt's among them) drop it at the start of a string as a BOM.
  return JSON.stringify(out).replaceAll('\ufeff', '\\ufeff');
});
const output = lines.join('\n') + '\n';
if (check) {
  const committed = readFileSync(new URL('reference.jsonl', here), 'utf8');
  if (committed !== output) {
    const a = committed.split('\n');
    const b = output.split('\n');
    const first = a.findIndex((line, i) => line !== b[i]);
    console.log(`reference.jsonl is out of date: first difference on line ${first + 1}`);
    process.exit(1);
  }
  console.log(`reference.jsonl matches the packages on all ${cases.length} cases`);
  process.exit(0);
}
writeFileSync(new URL('reference.jsonl', here), output);
console.log(`${cases.length} cases written to reference.jsonl`);
if (disagreements.length) {
  console.log('Where a JavaScript port differs from tiktoken (the test follows tiktoken):');
  for (const d of disagreements) console.log('  ' + d);
}
