// SPDX-License-Identifier: GPL-3.0-or-later
// The whole fine-tuning loop, driven by the official `openai` client library the way a user's
// script drives api.openai.com. Shared by the direct check (sdk-loop.mjs) and the check through
// Prism's validating proxy (prism-proxy-loop.mjs). Every step asserts what it got back.

import assert from 'node:assert/strict';
import OpenAI, { toFile } from 'openai';

export const BASE_MODEL = 'gpt-4o-mini-2024-07-18';

// Statuses a successful job may pass through, in this order (any may be too short to observe).
const STATUS_ORDER = ['validating_files', 'queued', 'running', 'succeeded'];

export function log(...args) {
    const t = new Date().toISOString().slice(11, 23);
    console.log(`[${t}]`, ...args);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function example(i, topic) {
    return {
        messages: [
            { role: 'system', content: 'You are Marv, a factual chatbot that is also sarcastic.' },
            { role: 'user', content: `Question ${i} about ${topic}?` },
            { role: 'assistant', content: `Answer ${i} about ${topic}, as if you didn't know.` },
        ],
    };
}

export function jsonl(count, topic) {
    let text = '';
    for (let i = 1; i <= count; ++i) text += JSON.stringify(example(i, topic)) + '\n';
    return text;
}

/// Runs `fn`, expects it to throw an instance of `ErrorClass`; returns the error.
export async function expectApiError(fn, ErrorClass, what) {
    let thrown;
    try {
        await fn();
    } catch (e) {
        thrown = e;
    }
    assert.ok(thrown, `${what}: expected ${ErrorClass.name}, but the call succeeded`);
    assert.ok(
        thrown instanceof ErrorClass,
        `${what}: expected ${ErrorClass.name}, got ${thrown?.constructor?.name}: ${thrown?.message}`,
    );
    return thrown;
}

/// POST /_sandbox/faults on the sandbox itself (not part of the OpenAI API, so never via Prism);
/// returns the settings in force afterwards (the sandbox's answer).
export async function setSandboxFaults(sandboxRoot, apiKey, faults) {
    const body = JSON.stringify(faults);
    const tried = [];
    for (const path of ['/_sandbox/faults', '/v1/_sandbox/faults']) {
        const response = await fetch(sandboxRoot + path, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
            body,
        });
        const text = await response.text();
        if (response.ok) return JSON.parse(text);
        tried.push(`${path} -> HTTP ${response.status} ${text.slice(0, 200)}`);
        if (response.status !== 404) break;
    }
    assert.fail(`the sandbox's fault endpoint refused ${body}: ${tried.join('; ')}`);
}

/// Reads the events that are new since the last call: newest-first pages, following `after`
/// to older pages until a known id (or the end), deduplicated by id. Returns them oldest first.
export async function pollNewEvents(client, jobId, seen, pageSize) {
    const fresh = [];
    let after;
    let pages = 0;
    for (;;) {
        const page = await client.fineTuning.jobs.listEvents(jobId, { limit: pageSize, ...(after ? { after } : {}) });
        ++pages;
        assert.equal(page.object ?? 'list', 'list');
        assert.ok(Array.isArray(page.data), 'events page has a data array');
        assert.ok(page.data.length <= pageSize, `events page holds ${page.data.length} > limit ${pageSize}`);
        let reachedKnown = false;
        for (const event of page.data) {
            if (seen.has(event.id)) {
                reachedKnown = true;
                break;
            }
            seen.set(event.id, event);
            fresh.push(event);
        }
        if (reachedKnown || !page.has_more || page.data.length === 0) break;
        after = page.data[page.data.length - 1].id;
        assert.ok(pages < 1000, 'events paging does not end');
    }
    return fresh.reverse();
}

function checkFile(file, { filename, bytes, purpose }) {
    assert.match(file.id, /^file-/, 'file id starts with file-');
    assert.equal(file.object, 'file');
    assert.equal(file.filename, filename);
    assert.equal(file.bytes, bytes);
    assert.equal(file.purpose, purpose);
    assert.equal(typeof file.created_at, 'number');
}

async function waitProcessed(client, fileId) {
    const deadline = Date.now() + 30000;
    for (;;) {
        const file = await client.files.retrieve(fileId);
        if (file.status === 'processed') return file;
        assert.notEqual(file.status, 'error', `file ${fileId} failed processing: ${file.status_details}`);
        assert.ok(Date.now() < deadline, `file ${fileId} still '${file.status}' after 30 s`);
        await sleep(100);
    }
}

function checkStatusSequence(statuses) {
    let last = -1;
    for (const status of statuses) {
        const index = STATUS_ORDER.indexOf(status);
        assert.ok(index >= 0, `unexpected job status '${status}' in ${JSON.stringify(statuses)}`);
        assert.ok(index > last, `job status went backwards: ${JSON.stringify(statuses)}`);
        last = index;
    }
    assert.equal(statuses.at(-1), 'succeeded', `job ended as ${statuses.at(-1)}`);
}

/**
 * The loop of the issue: upload training + validation files, create a job, poll status and events
 * until it succeeds, list checkpoints, chat plain and streamed, delete the files.
 *
 * options.client        OpenAI client for every call of the loop
 * options.streamClient  client for the streamed chat (defaults to client)
 * options.onChunk       called with every streamed chunk (Prism validates them against the spec)
 * Returns facts later checks reuse ({ job, fineTunedModel, checkpoints }).
 */
export async function runLoop({ client, streamClient = client, onChunk = () => {} }) {
    const trainingText = jsonl(12, 'training');
    const validationText = jsonl(4, 'validation');

    log('upload the training and the validation file');
    const training = await client.files.create({
        file: await toFile(Buffer.from(trainingText), 'contract-train.jsonl'),
        purpose: 'fine-tune',
    });
    checkFile(training, { filename: 'contract-train.jsonl', bytes: Buffer.byteLength(trainingText), purpose: 'fine-tune' });
    const validation = await client.files.create({
        file: await toFile(Buffer.from(validationText), 'contract-valid.jsonl'),
        purpose: 'fine-tune',
    });
    checkFile(validation, { filename: 'contract-valid.jsonl', bytes: Buffer.byteLength(validationText), purpose: 'fine-tune' });
    assert.notEqual(training.id, validation.id);
    await waitProcessed(client, training.id);
    await waitProcessed(client, validation.id);

    log('list and read back the files');
    const listed = new Set();
    for await (const file of client.files.list({ purpose: 'fine-tune', limit: 1 })) listed.add(file.id);
    assert.ok(listed.has(training.id) && listed.has(validation.id), `files.list misses our files: ${[...listed]}`);
    const retrieved = await client.files.retrieve(training.id);
    checkFile(retrieved, { filename: 'contract-train.jsonl', bytes: Buffer.byteLength(trainingText), purpose: 'fine-tune' });
    const content = await (await client.files.content(training.id)).text();
    assert.equal(content, trainingText, 'files.content returns the uploaded bytes');

    log('create the job');
    const created = await client.fineTuning.jobs.create({
        model: BASE_MODEL,
        training_file: training.id,
        validation_file: validation.id,
        suffix: 'contract',
        seed: 42,
        method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: 3 } } },
        metadata: { run: 'contract' },
    });
    assert.match(created.id, /^ftjob-/);
    assert.equal(created.object, 'fine_tuning.job');
    assert.equal(created.model, BASE_MODEL);
    assert.equal(created.training_file, training.id);
    assert.equal(created.validation_file, validation.id);
    assert.equal(created.fine_tuned_model, null, 'no model before success');
    assert.equal(created.finished_at, null, 'no finished_at before the end');
    assert.ok(['validating_files', 'queued'].includes(created.status), `new job is '${created.status}'`);
    assert.equal(created.seed, 42);
    assert.ok(created.error === null || created.error === undefined, `new job has error ${JSON.stringify(created.error)}`);

    log(`poll ${created.id} until it ends, reading events incrementally`);
    const statuses = [created.status];
    const seen = new Map();
    const arrived = []; // oldest first, in arrival order
    const deadline = Date.now() + 180000;
    let job = created;
    while (!['succeeded', 'failed', 'cancelled'].includes(job.status)) {
        assert.ok(Date.now() < deadline, `job still '${job.status}' after 180 s; statuses ${statuses}`);
        await sleep(100);
        job = await client.fineTuning.jobs.retrieve(created.id);
        if (job.status !== statuses.at(-1)) statuses.push(job.status);
        arrived.push(...(await pollNewEvents(client, created.id, seen, 5)));
    }
    arrived.push(...(await pollNewEvents(client, created.id, seen, 5)));
    log(`statuses ${statuses.join(' -> ')}; ${arrived.length} events`);
    if (job.status === 'failed') assert.fail(`job failed: ${JSON.stringify(job.error)}`);
    checkStatusSequence(statuses);
    assert.match(job.fine_tuned_model ?? '', /^ft:/, 'succeeded job names its model ft:…');
    assert.ok(job.fine_tuned_model.includes('contract'), `model ${job.fine_tuned_model} carries the suffix`);
    assert.equal(typeof job.finished_at, 'number');
    assert.ok(job.finished_at >= job.created_at);
    assert.ok(Number.isInteger(job.trained_tokens) && job.trained_tokens > 0, `trained_tokens ${job.trained_tokens}`);
    assert.ok(Array.isArray(job.result_files) && job.result_files.length >= 1, 'a result file');
    assert.ok(job.error === null || job.error === undefined, `succeeded job has error ${JSON.stringify(job.error)}`);

    log('check the events');
    const messages = arrived.map((e) => e.message);
    for (const event of arrived) {
        assert.equal(event.object, 'fine_tuning.job.event');
        assert.ok(['info', 'warn', 'error'].includes(event.level), `event level ${event.level}`);
        assert.equal(typeof event.created_at, 'number');
    }
    assert.ok(messages.includes('Fine-tuning job started'), `no "Fine-tuning job started" in ${JSON.stringify(messages)}`);
    const metrics = arrived.filter((e) => e.type === 'metrics');
    assert.ok(metrics.length >= 2, `expected metrics events, got ${metrics.length}`);
    let lastStep = 0;
    for (const m of metrics) {
        assert.equal(typeof m.data?.step, 'number', `metrics event without data.step: ${JSON.stringify(m)}`);
        assert.equal(typeof m.data.train_loss, 'number', `metrics event without train_loss: ${JSON.stringify(m)}`);
        assert.ok(m.data.step > lastStep, `metrics steps not increasing: ${m.data.step} after ${lastStep}`);
        lastStep = m.data.step;
    }
    assert.ok(
        metrics.some((m) => typeof m.data.valid_loss === 'number' || typeof m.data.full_valid_loss === 'number'),
        'a job with a validation file reports validation loss',
    );
    // Newest-first arrival was reversed per poll: created_at must never decrease oldest→newest.
    for (let i = 1; i < arrived.length; ++i)
        assert.ok(arrived[i].created_at >= arrived[i - 1].created_at, `events out of order at ${arrived[i].id}`);
    // A full backfill through the SDK's own auto-pager (`after` = last id) sees the same set, once each.
    const backfill = [];
    for await (const event of client.fineTuning.jobs.listEvents(created.id, { limit: 7 })) backfill.push(event.id);
    assert.equal(new Set(backfill).size, backfill.length, 'auto-paging yields an event twice');
    assert.deepEqual([...backfill].sort(), [...seen.keys()].sort(), 'backfill and incremental polling disagree');
    assert.deepEqual(backfill, arrived.map((e) => e.id).reverse(), 'backfill order is not newest first');

    log('list checkpoints');
    const checkpoints = [];
    for await (const ckpt of client.fineTuning.jobs.checkpoints.list(created.id, { limit: 2 })) checkpoints.push(ckpt);
    assert.ok(checkpoints.length > 0, 'checkpoints');
    for (const ckpt of checkpoints) {
        assert.equal(ckpt.object, 'fine_tuning.job.checkpoint');
        assert.equal(ckpt.fine_tuning_job_id, created.id);
        const m = /^ft:.*:ckpt-step-(\d+)$/.exec(ckpt.fine_tuned_model_checkpoint);
        assert.ok(m, `checkpoint model ${ckpt.fine_tuned_model_checkpoint} is not ft:…:ckpt-step-N`);
        assert.equal(Number(m[1]), ckpt.step_number);
        assert.equal(typeof ckpt.metrics, 'object');
    }
    assert.equal(new Set(checkpoints.map((c) => c.id)).size, checkpoints.length, 'checkpoint ids unique');

    log('read the result file (base64 CSV)');
    const resultFile = await client.files.retrieve(job.result_files[0]);
    assert.equal(resultFile.purpose, 'fine-tune-results');
    const resultBody = await (await client.files.content(job.result_files[0])).text();
    const csv = resultBody.startsWith('step,') ? resultBody : Buffer.from(resultBody, 'base64').toString('utf8');
    assert.match(csv, /^step,train_loss,/, `result CSV header: ${csv.slice(0, 80)}`);

    log('list jobs and models');
    const jobIds = [];
    for await (const j of client.fineTuning.jobs.list({ limit: 20 })) jobIds.push(j.id);
    assert.ok(jobIds.includes(created.id), 'jobs.list includes the job');
    const models = [];
    for await (const model of client.models.list()) models.push(model.id);
    assert.ok(models.includes(job.fine_tuned_model), `models.list lacks ${job.fine_tuned_model}`);
    const model = await client.models.retrieve(job.fine_tuned_model);
    assert.equal(model.id, job.fine_tuned_model);
    assert.equal(model.object, 'model');

    log('chat with the fine-tuned model');
    const question = [{ role: 'user', content: 'What is the capital of France?' }];
    const completion = await client.chat.completions.create({ model: job.fine_tuned_model, messages: question });
    assert.equal(completion.object, 'chat.completion');
    assert.equal(completion.choices.length, 1);
    assert.equal(completion.choices[0].message.role, 'assistant');
    assert.ok(typeof completion.choices[0].message.content === 'string' && completion.choices[0].message.content.length > 0, 'an answer');
    assert.ok(['stop', 'length'].includes(completion.choices[0].finish_reason));
    assert.equal(completion.usage.total_tokens, completion.usage.prompt_tokens + completion.usage.completion_tokens);
    assert.ok(completion.usage.prompt_tokens > 0 && completion.usage.completion_tokens > 0);
    const ckptAnswer = await client.chat.completions.create({
        model: checkpoints[0].fine_tuned_model_checkpoint,
        messages: question,
    });
    assert.ok(ckptAnswer.choices[0].message.content.length > 0, 'a checkpoint model answers too');

    log('chat streamed, with usage');
    const stream = await streamClient.chat.completions.create({
        model: job.fine_tuned_model,
        messages: question,
        stream: true,
        stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) {
        onChunk(chunk);
        chunks.push(chunk);
    }
    assert.ok(chunks.length >= 3, `only ${chunks.length} chunks`);
    for (const chunk of chunks) {
        assert.equal(chunk.object, 'chat.completion.chunk');
        assert.equal(chunk.id, chunks[0].id, 'one id for every chunk');
    }
    const usageChunks = chunks.filter((c) => c.usage);
    assert.equal(usageChunks.length, 1, 'exactly one chunk carries usage');
    assert.equal(usageChunks[0], chunks.at(-1), 'the usage chunk comes last');
    assert.deepEqual(usageChunks[0].choices, [], 'the usage chunk has empty choices');
    const text = chunks.flatMap((c) => c.choices.map((ch) => ch.delta?.content ?? '')).join('');
    assert.ok(text.length > 0, 'streamed text');
    assert.ok(chunks.filter((c) => c.choices.some((ch) => ch.delta?.content)).length >= 2, 'text arrives in several chunks');
    assert.ok(chunks.some((c) => c.choices.some((ch) => ch.finish_reason)), 'a finish_reason');
    const u = usageChunks[0].usage;
    assert.equal(u.total_tokens, u.prompt_tokens + u.completion_tokens);

    log('delete the files');
    for (const id of [training.id, validation.id]) {
        const deleted = await client.files.delete(id);
        assert.deepEqual({ id: deleted.id, deleted: deleted.deleted }, { id, deleted: true });
        assert.equal(deleted.object, 'file');
    }
    await expectApiError(() => client.files.retrieve(training.id), OpenAI.NotFoundError, 'retrieve a deleted file');

    return { job, fineTunedModel: job.fine_tuned_model, checkpoints };
}

/// A wrong key gets 401 invalid_api_key when the sandbox requires a key.
export async function checkWrongKey(baseURL, options = {}) {
    const wrong = new OpenAI({ baseURL, apiKey: 'sk-wrong-key', maxRetries: 0, ...options });
    const error = await expectApiError(() => wrong.files.list(), OpenAI.AuthenticationError, 'files.list with a wrong key');
    assert.equal(error.status, 401);
    assert.equal(error.code, 'invalid_api_key', `401 code ${error.code}`);
    assert.ok(typeof error.message === 'string' && error.message.length > 0);
}

/// 403 training_not_available (injected) reaches the caller as PermissionDeniedError; turning the
/// fault off lets jobs be created again (that job is cancelled right away).
export async function checkTrainingNotAvailable({ client, sandboxRoot, apiKey }) {
    const text = jsonl(10, 'denied');
    const file = await client.files.create({ file: await toFile(Buffer.from(text), 'contract-403.jsonl'), purpose: 'fine-tune' });
    await waitProcessed(client, file.id);
    await setSandboxFaults(sandboxRoot, apiKey, { training_not_available: true });
    try {
        const error = await expectApiError(
            () => client.fineTuning.jobs.create({ model: BASE_MODEL, training_file: file.id }),
            OpenAI.PermissionDeniedError,
            'jobs.create while training is not available',
        );
        assert.equal(error.status, 403);
        assert.equal(error.code, 'training_not_available');
        assert.ok(error.message.length > 0);
    } finally {
        await setSandboxFaults(sandboxRoot, apiKey, { training_not_available: false });
    }
    // The job must still be training when the cancel arrives, however slow the machine: the
    // sandbox's clock all but stands still (time scale 1000) until then.
    const { time_scale: usual } = await setSandboxFaults(sandboxRoot, apiKey, {});
    await setSandboxFaults(sandboxRoot, apiKey, { time_scale: 1000 });
    let job;
    let cancelled;
    try {
        job = await client.fineTuning.jobs.create({ model: BASE_MODEL, training_file: file.id });
        cancelled = await client.fineTuning.jobs.cancel(job.id);
    } finally {
        await setSandboxFaults(sandboxRoot, apiKey, { time_scale: usual });
    }
    assert.equal(cancelled.id, job.id);
    assert.equal(cancelled.status, 'cancelled', `cancel answered '${cancelled.status}'`);
    const again = await client.fineTuning.jobs.retrieve(job.id);
    assert.equal(again.status, 'cancelled');
    assert.equal(again.fine_tuned_model, null);
    await client.files.delete(file.id);
}

/// The Uploads API: create, two parts, complete (the file appears), and cancel another upload.
export async function checkUploads(client) {
    const text = jsonl(10, 'upload');
    const half = Math.floor(text.length / 2);
    const upload = await client.uploads.create({
        filename: 'contract-upload.jsonl',
        purpose: 'fine-tune',
        bytes: Buffer.byteLength(text),
        mime_type: 'text/jsonl',
    });
    assert.match(upload.id, /^upload_/);
    assert.equal(upload.object, 'upload');
    assert.equal(upload.status, 'pending');
    assert.equal(upload.bytes, Buffer.byteLength(text));
    const parts = [];
    for (const piece of [text.slice(0, half), text.slice(half)]) {
        const part = await client.uploads.parts.create(upload.id, { data: await toFile(Buffer.from(piece), 'part') });
        assert.match(part.id, /^part_/);
        assert.equal(part.object, 'upload.part');
        assert.equal(part.upload_id, upload.id);
        parts.push(part.id);
    }
    const done = await client.uploads.complete(upload.id, { part_ids: parts });
    assert.equal(done.status, 'completed');
    assert.ok(done.file, 'a completed upload carries its file');
    assert.match(done.file.id, /^file-/);
    assert.equal(done.file.bytes, Buffer.byteLength(text));
    assert.equal(done.file.filename, 'contract-upload.jsonl');
    const content = await (await client.files.content(done.file.id)).text();
    assert.equal(content, text, 'the parts were joined in order');
    await client.files.delete(done.file.id);

    const other = await client.uploads.create({
        filename: 'contract-cancel.jsonl',
        purpose: 'fine-tune',
        bytes: 100,
        mime_type: 'text/jsonl',
    });
    const cancelled = await client.uploads.cancel(other.id);
    assert.equal(cancelled.status, 'cancelled');
}

/// A training file with fewer than 10 examples: the job fails with invalid_n_examples, told both
/// in job.error and in an error-level event.
export async function checkFailedJob(client) {
    const text = jsonl(5, 'too few');
    const file = await client.files.create({ file: await toFile(Buffer.from(text), 'contract-few.jsonl'), purpose: 'fine-tune' });
    await waitProcessed(client, file.id);
    let job = await client.fineTuning.jobs.create({ model: BASE_MODEL, training_file: file.id });
    const deadline = Date.now() + 60000;
    while (!['succeeded', 'failed', 'cancelled'].includes(job.status)) {
        assert.ok(Date.now() < deadline, `job with 5 examples still '${job.status}' after 60 s`);
        await sleep(100);
        job = await client.fineTuning.jobs.retrieve(job.id);
    }
    assert.equal(job.status, 'failed', 'a job with 5 examples fails');
    assert.ok(job.error, 'a failed job has an error');
    assert.equal(job.error.code, 'invalid_n_examples');
    assert.ok(job.error.message.length > 0);
    assert.equal(job.fine_tuned_model, null);
    const events = [];
    for await (const event of client.fineTuning.jobs.listEvents(job.id, { limit: 50 })) events.push(event);
    assert.ok(events.some((e) => e.level === 'error'), `no error event in ${JSON.stringify(events.map((e) => e.message))}`);
    await client.files.delete(file.id);
}

/// Pause a running job (status paused, no progress while paused), resume it, then cancel it.
export async function checkPauseResume(client) {
    const text = jsonl(40, 'pause');
    const file = await client.files.create({ file: await toFile(Buffer.from(text), 'contract-pause.jsonl'), purpose: 'fine-tune' });
    await waitProcessed(client, file.id);
    let job = await client.fineTuning.jobs.create({
        model: BASE_MODEL,
        training_file: file.id,
        method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: 10 } } },
    });
    const deadline = Date.now() + 60000;
    while (job.status !== 'running') {
        assert.ok(!['succeeded', 'failed', 'cancelled'].includes(job.status), `job ended (${job.status}) before it could be paused`);
        assert.ok(Date.now() < deadline, `job still '${job.status}' after 60 s`);
        await sleep(20);
        job = await client.fineTuning.jobs.retrieve(job.id);
    }
    const paused = await client.fineTuning.jobs.pause(job.id);
    assert.equal(paused.status, 'paused', `pause answered '${paused.status}'`);
    const count = async () => {
        let n = 0;
        for await (const _ of client.fineTuning.jobs.listEvents(job.id, { limit: 100 })) ++n;
        return n;
    };
    const before = await count();
    await sleep(1000); // nothing to wait for: proves a paused job stays put (no status change, no events)
    const still = await client.fineTuning.jobs.retrieve(job.id);
    assert.equal(still.status, 'paused', 'a paused job stays paused');
    assert.equal(await count(), before, 'a paused job makes no progress (no new events)');
    const resumed = await client.fineTuning.jobs.resume(job.id);
    assert.ok(['queued', 'running'].includes(resumed.status), `resume answered '${resumed.status}'`);
    const cancelled = await client.fineTuning.jobs.cancel(job.id);
    assert.equal(cancelled.status, 'cancelled');
    await client.files.delete(file.id);
}

/// Runs independent checks one after another, reports each, and returns the failures.
export async function runChecks(checks) {
    const failures = [];
    for (const [name, fn] of checks) {
        const started = Date.now();
        try {
            await fn();
            log(`PASS ${name} (${Date.now() - started} ms)`);
        } catch (e) {
            log(`FAIL ${name}: ${e?.stack ?? e}`);
            failures.push(name);
        }
    }
    return failures;
}
