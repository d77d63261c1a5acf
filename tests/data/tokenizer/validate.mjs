// SPDX-License-Identifier: GPL-3.0-or-later
// What `finetune-studio validate` does, written plainly in Node with gpt-tokenizer: the
// reference tests/bench/bench_validate.sh times it against. For each line of a chat JSONL file:
// parse it, check the example's shape (messages, roles, contents, an assistant answer), find
// duplicates by canonical JSON, count the tokens as the OpenAI cookbook does (3 per message, the
// encoded role/content/name, 1 per name, 3 at the end; the assistant's content on its own), then
// the statistics (min/max/mean/median, p10/p90, examples over the limit).
// Prints one JSON object: {"examples", "errors", "warnings", "tokens": {"total", "max_example", "mean"}}
// Usage: node validate.mjs FILE [TOKEN_LIMIT]
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';

const path = process.argv[2];
const tokenLimit = Number(process.argv[3] ?? 65536);
const options = { disallowedSpecial: new Set(), allowedSpecial: new Set() };
const count = (text) => encode(text, options).length;
const roles = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
let errors = 0;
let warnings = 0;
const digests = new Map();
const tokens = [];
const assistantTokens = [];
let line = 0;
for (const raw of text.split('\n')) {
  ++line;
  const source = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (source.trim() === '') continue;
  let example;
  try {
    example = JSON.parse(source);
  } catch {
    ++errors;
    continue;
  }
  if (!example || typeof example !== 'object' || !Array.isArray(example.messages)) {
    ++errors;
    continue;
  }
  const digest = createHash('sha1').update(canonical(example)).digest('hex');
  if (digests.has(digest)) ++warnings;
  else digests.set(digest, line);
  let total = 3;
  let assistant = 0;
  let hasAssistant = false;
  for (const m of example.messages) {
    if (!m || typeof m !== 'object' || !roles.has(m.role)) ++errors;
    const content = typeof m.content === 'string' ? m.content : '';
    if (typeof m.content !== 'string' && m.role !== 'assistant') ++errors;
    if (m.role === 'assistant') hasAssistant = true;
    const contentTokens = count(content);
    total += 3 + count(String(m.role ?? '')) + contentTokens;
    if (typeof m.name === 'string') total += count(m.name) + 1;
    if (m.role === 'assistant') assistant += contentTokens;
  }
  if (!hasAssistant) ++errors;
  if (total > tokenLimit) ++warnings;
  tokens.push(total);
  assistantTokens.push(assistant);
}

function distribution(values) {
  const sorted = Float64Array.from(values).sort();
  const q = (p) => {
    const pos = p * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  };
  const sum = values.reduce((a, b) => a + b, 0);
  return { min: sorted[0], max: sorted[sorted.length - 1], mean: sum / values.length, sum,
           median: q(0.5), p10: q(0.1), p90: q(0.9) };
}

const all = distribution(tokens);
distribution(assistantTokens);
console.log(JSON.stringify({
  examples: tokens.length, errors, warnings,
  tokens: { total: all.sum, max_example: all.max, mean: all.mean },
}));
