// SPDX-License-Identifier: GPL-3.0-or-later
// Together's official client (npm together-ai) drives the sandbox's Together dialect through the
// whole loop: presigned upload, a LoRA job polled to completion with metrics fetched page by page,
// events, checkpoints, a dedicated endpoint, chat with the fine-tuned model through it, delete.
// With PRISM_URL set every call except the presigned upload goes through Prism's validating proxy
// over Together's openapi.yaml, and any violation fails the run.
// CommonJS on purpose: together-ai 0.52's ES module build loses fs/path inside files.upload().
// Run by run-together.sh, which sets SANDBOX_ROOT, SANDBOX_KEY and optionally PRISM_URL.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { SANDBOX_ROOT, SANDBOX_KEY, PRISM_URL, SPEC } = process.env;
if (!SANDBOX_ROOT || !SANDBOX_KEY) {
    console.error('FAIL: SANDBOX_ROOT and SANDBOX_KEY must be set (use run-together.sh)');
    process.exit(2);
}
const SANDBOX_BASE = `${SANDBOX_ROOT}/together/v1`;
// files.upload() reads this at load time and ignores baseURL; the spec has no POST /files, so
// this one call always goes straight to the sandbox.
process.env.TOGETHER_API_BASE_URL = SANDBOX_BASE;
// together-ai 0.52's upload PUTs a Node read stream with the global fetch but without
// `duplex: 'half'`, which Node's fetch (undici) requires for a streamed body: add it, nothing else.
const nodeFetch = globalThis.fetch;
globalThis.fetch = (url, init) =>
    nodeFetch(url, init?.body && typeof init.body.pipe === 'function' ? { ...init, duplex: 'half' } : init);
const { default: Together } = require('together-ai');

const BASE_MODEL = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Reference';
const DATA = path.join(__dirname, '..', 'data', 'sandbox');
const log = (m) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const violations = [];
let exchanges = 0;
// Prism reports a status the spec does not declare (most operations list no 404) as a warning.
const UNDECLARED_STATUS = 'Unable to match the returned status code';

// An undeclared status is not checked by Prism: its body is held to the spec's ErrorData here.
function errorDataProblems(body) {
    const e = body?.error;
    if (!e || typeof e !== 'object') return [{ message: `no ErrorData error object: ${JSON.stringify(body)}` }];
    const problems = [];
    if (typeof e.message !== 'string') problems.push('error.message is not a string');
    if (typeof e.type !== 'string') problems.push('error.type is not a string');
    if (!(e.param == null || typeof e.param === 'string')) problems.push('error.param is not string|null');
    if (!(e.code == null || typeof e.code === 'string')) problems.push('error.code is not string|null');
    return problems.map((message) => ({ message }));
}

async function watchingFetch(url, init = {}) {
    const response = await fetch(url, init);
    if (!PRISM_URL || !String(url).startsWith(PRISM_URL)) return response;
    ++exchanges;
    const u = new URL(String(url));
    const what = `${init.method ?? 'GET'} ${u.pathname}${u.search}`;
    let found = [];
    const header = response.headers.get('sl-violations');
    if (header) found = JSON.parse(header);
    const problem = (response.headers.get('content-type') ?? '').includes('application/problem+json');
    if (problem && (response.status === 500 || response.status === 422)) {
        const body = await response.clone().json().catch(() => ({}));
        found = Array.isArray(body.validation) ? body.validation : [{ message: `${body.title}: ${body.detail}` }];
    }
    const real = found.filter((v) => !(response.status >= 300 && String(v.message).startsWith(UNDECLARED_STATUS)));
    if (response.status >= 400 && !problem) real.push(...errorDataProblems(await response.clone().json().catch(() => undefined)));
    if (response.status < 300 && (response.headers.get('content-type') ?? '').startsWith('application/json')) {
        // Schemas Prism cannot compile (it then checks nothing) are checked here.
        const body = await response.clone().json().catch(() => undefined);
        const skipped = (await specChecker).checkSkipped(init.method ?? 'GET', u.pathname, response.status, body, 'application/json');
        real.push(...skipped.map((message) => ({ message, checkedBy: 'spec-check.mjs (Prism skips this schema)' })));
    }
    if (real.length) violations.push({ what, status: response.status, violations: real });
    return response;
}

const specChecker = PRISM_URL ? import('./spec-check.mjs').then(({ SpecChecker }) => SpecChecker.load(SPEC)) : null;

/// Each streamed chunk against the spec's ChatCompletionStream (Prism cannot check a stream).
async function checkChunk(chunk) {
    if (!specChecker) return;
    const problems = (await specChecker).checkAlways('POST', '/chat/completions', 200, { data: chunk }, 'text/event-stream');
    if (problems.length) violations.push({ what: `streamed chunk ${JSON.stringify(chunk)}`, status: 200, violations: problems });
}

const base = PRISM_URL ?? SANDBOX_BASE;
const client = new Together({ apiKey: SANDBOX_KEY, baseURL: base, maxRetries: 0, timeout: 60000, fetch: watchingFetch });
const direct = new Together({ apiKey: SANDBOX_KEY, baseURL: SANDBOX_BASE, maxRetries: 0, timeout: 60000 });

async function until(what, probe, timeoutMs = 120000) {
    const started = Date.now();
    for (;;) {
        const value = await probe();
        if (value) return value;
        if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
        await sleep(200);
    }
}

async function multipartUpload(file) {
    const form = new FormData();
    form.append('purpose', 'fine-tune');
    form.append('file_name', path.basename(file));
    form.append('file_type', 'jsonl');
    form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
    const response = await watchingFetch(`${base}/files/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SANDBOX_KEY}` },
        body: form,
    });
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()).id;
}

async function uploadFiles() {
    // The client checks the file locally first; it wants a path ending in .jsonl.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-together-'));
    const training = path.join(dir, 'train.jsonl');
    fs.copyFileSync(path.join(DATA, 'train_good.jsonl'), training);
    const uploaded = await client.files.upload(training, 'fine-tune');
    assert.match(uploaded.id, /^file-/);
    assert.equal(uploaded.filename, 'train.jsonl');
    const validation = await multipartUpload(path.join(DATA, 'valid_good.jsonl'));
    await until('files processed', async () => {
        const files = await Promise.all([uploaded.id, validation].map((id) => client.files.retrieve(id)));
        return files.every((f) => f.Processed);
    });
    const listed = (await client.files.list()).data.map((f) => f.id);
    assert.ok(listed.includes(uploaded.id) && listed.includes(validation));
    fs.rmSync(dir, { recursive: true, force: true });
    return { training: uploaded.id, validation };
}

async function followMetrics(id) {
    // One poll cycle fetches only the steps it has not seen: global_step_from = last seen + 1.
    const steps = [];
    let job;
    await until('job completed', async () => {
        job = await client.fineTuning.retrieve(id);
        const from = (steps.at(-1) ?? 0) + 1;
        const page = await client.fineTuning.listMetrics(id, { global_step_from: from });
        for (const point of page.metrics) {
            assert.ok(point['train/global_step'] >= from, `step ${point['train/global_step']} repeats (asked from ${from})`);
            assert.equal(typeof point['train/loss'], 'number');
            steps.push(point['train/global_step']);
        }
        assert.ok(!['error', 'cancelled', 'user_error'].includes(job.status), `job ended ${job.status}`);
        return job.status === 'completed' && steps.length === job.total_steps;
    });
    assert.deepEqual(steps, Array.from({ length: steps.length }, (_, i) => i + 1));
    const all = (await client.fineTuning.listMetrics(id)).metrics;
    assert.equal(all.filter((p) => 'eval/loss' in p).length, 2, 'two evaluations');
    return job;
}

async function trainLora(files) {
    const estimate = await client.fineTuning.estimatePrice({ training_file: files.training, model: BASE_MODEL, n_epochs: 2 });
    assert.ok(estimate.estimated_total_price > 0 && estimate.allowed_to_proceed);
    const limits = await client.fineTuning.modelLimits({ model_name: BASE_MODEL });
    assert.ok(limits.lora_training.max_rank >= 8);
    const created = await client.fineTuning.create({
        model: BASE_MODEL,
        training_file: files.training,
        validation_file: files.validation,
        n_epochs: 2,
        n_evals: 2,
        n_checkpoints: 2,
        learning_rate: 0.0001,
        suffix: 'contract',
        training_type: { type: 'Lora', lora_r: 8, lora_alpha: 16, lora_dropout: 0.05 },
        // The spec's TrainingMethodSFT says `type: boolean` next to its oneOf, so "auto" is refused.
        training_method: { method: 'sft', train_on_inputs: false },
    });
    assert.match(created.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/); // format: uuid
    log(`job ${created.id} created (${created.status})`);
    const job = await followMetrics(created.id);
    assert.equal(job.token_count, estimate.estimated_train_token_count, 'the job trains what was priced');
    const events = (await client.fineTuning.listEvents(created.id)).data;
    assert.equal(events.at(-1).type, 'job_complete');
    const checkpoints = (await client.fineTuning.listCheckpoints(created.id)).data;
    assert.deepEqual(checkpoints.map((c) => c.checkpoint_type), ['Final Merged', 'Final Adapter', 'Intermediate']);
    assert.ok((await client.fineTuning.list()).data.some((j) => j.id === created.id));
    log(`job completed: ${job.model_output_name}, ${job.total_steps} steps, ${events.length} events`);
    return job.model_output_name;
}

const ask = (model) => ({ model, messages: [{ role: 'user', content: 'When do you close on Sunday?' }] });

async function deployAndChat(model) {
    await assert.rejects(client.chat.completions.create(ask(model)), (e) => e.status === 404, 'not deployed: 404');
    const hardware = (await client.endpoints.listHardware()).data;
    assert.ok(hardware[0].pricing.cents_per_minute > 0);
    const endpoint = await client.endpoints.create({
        model,
        hardware: hardware[0].id,
        autoscaling: { min_replicas: 1, max_replicas: 1 },
        inactive_timeout: 30,
    });
    assert.equal(endpoint.state, 'PENDING');
    await until('endpoint started', async () => (await client.endpoints.retrieve(endpoint.id)).state === 'STARTED');
    const answer = await client.chat.completions.create(ask(model));
    assert.ok(answer.choices[0].message.content.length > 0);
    let streamed = '';
    for await (const chunk of await direct.chat.completions.create({ ...ask(model), stream: true })) {
        streamed += chunk.choices[0]?.delta?.content ?? '';
        await checkChunk(chunk);
    }
    assert.ok(streamed.length > 0);
    assert.ok((await client.endpoints.list()).data.some((e) => e.id === endpoint.id));
    await client.endpoints.delete(endpoint.id);
    await until('endpoint stopped', async () => (await client.endpoints.retrieve(endpoint.id)).state === 'STOPPED');
    await assert.rejects(client.chat.completions.create(ask(model)), (e) => e.status === 404, 'stopped: 404');
    log(`endpoint ${endpoint.id} started, answered, stopped`);
}

/// The sandbox's own fault settings (never through Prism): GET with no change, else POST `change`.
async function sandboxFaults(change) {
    const response = await fetch(`${SANDBOX_ROOT}/_sandbox/faults`, {
        method: change ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${SANDBOX_KEY}` },
        body: change ? JSON.stringify(change) : undefined,
    });
    assert.ok(response.ok, `the sandbox's fault endpoint answered ${response.status}`);
    return response.json();
}

async function cancelAndErrors(files) {
    // The job must still be training when the cancel arrives, however slow the machine: the
    // sandbox's clock all but stands still (time scale 1000) until then.
    const { time_scale: usual } = await sandboxFaults();
    await sandboxFaults({ time_scale: 1000 });
    try {
        const job = await client.fineTuning.create({ model: BASE_MODEL, training_file: files.training });
        const cancelled = await client.fineTuning.cancel(job.id);
        assert.equal(cancelled.status, 'cancelled');
    } finally {
        await sandboxFaults({ time_scale: usual });
    }
    await assert.rejects(client.fineTuning.create({ model: 'gpt-4o-mini', training_file: files.training }), (e) => e.status === 400);
    const wrong = new Together({ apiKey: 'wrong-key', baseURL: base, maxRetries: 0, fetch: watchingFetch });
    await assert.rejects(wrong.fineTuning.list(), (e) => e.status === 401);
}

(async () => {
    let failed = false;
    try {
        const files = await uploadFiles();
        const model = await trainLora(files);
        await deployAndChat(model);
        await cancelAndErrors(files);
    } catch (e) {
        failed = true;
        console.log(`FAIL: ${e.stack ?? e}`);
    }
    if (PRISM_URL) log(`${exchanges} exchanges went through Prism; ${violations.length} with violations`);
    for (const v of violations) {
        console.log(`VIOLATION ${v.what} -> ${v.status}`);
        for (const item of v.violations) console.log(`    ${JSON.stringify(item)}`);
    }
    if (failed || violations.length) process.exit(1);
    log('together loop passed');
})();
