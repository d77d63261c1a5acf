// SPDX-License-Identifier: GPL-3.0-or-later
// (a) The official `openai` client library drives the sandbox through the whole loop.
// Run by run-sdk-loop.sh, which starts the sandbox and sets SANDBOX_URL/SANDBOX_ROOT/SANDBOX_KEY.

import OpenAI from 'openai';
import {
    checkFailedJob,
    checkPauseResume,
    checkTrainingNotAvailable,
    checkUploads,
    checkWrongKey,
    log,
    runChecks,
    runLoop,
} from './loop.mjs';

const { SANDBOX_URL, SANDBOX_ROOT, SANDBOX_KEY } = process.env;
if (!SANDBOX_URL || !SANDBOX_ROOT || !SANDBOX_KEY) {
    console.error('FAIL: SANDBOX_URL, SANDBOX_ROOT and SANDBOX_KEY must be set (use run-sdk-loop.sh)');
    process.exit(2);
}

// No retries: a flaky answer must show up here, not be papered over by the client.
const client = new OpenAI({ baseURL: SANDBOX_URL, apiKey: SANDBOX_KEY, maxRetries: 0, timeout: 30000 });

const failures = await runChecks([
    ['whole loop (files, job, events, checkpoints, chat, stream, delete)', () => runLoop({ client })],
    ['wrong key gets 401 invalid_api_key', () => checkWrongKey(SANDBOX_URL)],
    ['403 training_not_available via the fault endpoint', () => checkTrainingNotAvailable({ client, sandboxRoot: SANDBOX_ROOT, apiKey: SANDBOX_KEY })],
    ['uploads: create, parts, complete, cancel', () => checkUploads(client)],
    ['a job with too few examples fails with invalid_n_examples', () => checkFailedJob(client)],
    ['pause, resume and cancel a running job', () => checkPauseResume(client)],
]);

if (failures.length) {
    log(`${failures.length} check(s) failed: ${failures.join('; ')}`);
    process.exit(1);
}
log('all checks passed');
