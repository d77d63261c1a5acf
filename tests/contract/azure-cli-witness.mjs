// SPDX-License-Identifier: GPL-3.0-or-later
// The witness in front of the two Prism validating proxies of run-azure-cli.sh: the app's own
// command line is pointed at it as if it were one Azure resource (endpoint, management root and
// sign-in authority on one address, as the app does for an endpoint on this computer). It routes
//   /openai/v1/…     → Prism over Azure's v1 data-plane spec,
//   /subscriptions/… → Prism over the cognitiveservices 2026-09-01 management spec,
//   anything else    → the sandbox itself (Microsoft's sign-in has no spec here),
// and writes one JSON line per exchange to RECORD: the method, path, status, which Prism, and
// every finding Prism gave (a 422 or 500 problem body's `validation`, the `sl-violations` header).
// Prism's own log says only "Invalid request"; this record says what was invalid.
//
//   node azure-cli-witness.mjs serve RECORD DATA_PRISM ARM_PRISM SANDBOX  → prints "listening PORT"
//   node azure-cli-witness.mjs verdict RECORD [--expect-rejected]        → exit 0 or 1
//
// `verdict` fails on any finding, and on any answer of Prism's own (a problem+json 4xx/5xx: the
// request or the answer broke the spec). Two findings are Prism's limits, not the app's, and are
// printed but allowed: an undeclared non-2xx status (most operations declare only `default`), and
// a streamed chat answer (Prism checks a whole text/event-stream body as one JSON value; the
// request was validated before it was forwarded). `--expect-rejected` inverts the verdict for the
// negative check: it passes only if Prism refused a request with 422.

import { appendFileSync, readFileSync } from 'node:fs';
import http from 'node:http';

const [mode, record, ...rest] = process.argv.slice(2);
const UNDECLARED_STATUS = 'Unable to match the returned status code';

function findingsOf(headers, status, body) {
    const found = [];
    const header = headers['sl-violations'];
    if (header) {
        try {
            found.push(...JSON.parse(header));
        } catch {
            found.push({ message: String(header) });
        }
    }
    const problem = String(headers['content-type'] ?? '').includes('application/problem+json');
    if (problem && status >= 400) {
        let parsed = {};
        try {
            parsed = JSON.parse(body);
        } catch {
            // A problem without a body is still Prism refusing.
        }
        const listed = Array.isArray(parsed.validation) ? parsed.validation : [];
        found.push(...(listed.length ? listed : [{ message: `${parsed.title ?? 'Prism'}: ${parsed.detail ?? body}` }]));
    }
    return { found, problem };
}

// One exchange with `target`: resolves with {status, headers, body}; `onChunk` sees the answer
// as it arrives (a streamed chat is passed on chunk by chunk).
function exchange(target, request, body, onHead, onChunk) {
    return new Promise((resolve, reject) => {
        const url = new URL(request.url, target);
        // A new connection each time (agent: false): no kept-alive socket the other side may
        // just have closed.
        const upstream = http.request(url, { method: request.method, headers: { ...request.headers, host: url.host }, agent: false }, (answer) => {
            onHead?.(answer);
            const chunks = [];
            answer.on('data', (chunk) => {
                chunks.push(chunk);
                onChunk?.(chunk);
            });
            answer.on('end', () => resolve({ status: answer.statusCode, headers: answer.headers, body: Buffer.concat(chunks) }));
        });
        upstream.on('error', reject);
        upstream.end(body);
    });
}

function serve(dataPrism, armPrism, sandbox) {
    const server = http.createServer((request, response) => {
        const path = request.url ?? '/';
        const [target, prism] = path.startsWith('/openai/v1/')
            ? [dataPrism, 'data']
            : path.startsWith('/subscriptions/')
              ? [armPrism, 'management']
              : [sandbox, null];
        const chunks = [];
        request.on('data', (chunk) => chunks.push(chunk));
        request.on('end', async () => {
            const body = Buffer.concat(chunks);
            const note = (status, headers, text, extra = {}) => {
                const { found, problem } = findingsOf(headers, status, text);
                const line = {
                    prism,
                    method: request.method,
                    path: path.replace(/\?.*/, ''),
                    status,
                    contentType: String(headers['content-type'] ?? ''),
                    problem,
                    findings: found.map((f) => ({ message: String(f.message ?? JSON.stringify(f)), location: f.location ?? f.path ?? [] })),
                    ...extra,
                };
                appendFileSync(record, JSON.stringify(line) + '\n');
                return line;
            };
            let streamed = false;
            try {
                streamed = prism === 'data' && path.endsWith('/chat/completions') && JSON.parse(body.toString('utf8')).stream === true;
            } catch {
                // Not JSON: Prism judges it.
            }
            try {
                if (!streamed) {
                    const answer = await exchange(target, request, body, (head) => response.writeHead(head.statusCode, head.headers), (chunk) => response.write(chunk));
                    response.end();
                    if (prism) note(answer.status, answer.headers, answer.body.toString('utf8'));
                    return;
                }
                // A streamed chat: Prism validates the request (422 when it breaks the spec) and
                // then reads the whole text/event-stream answer as one JSON value, which never
                // fits ("must be object", 500). When the answer is the only finding, the same
                // request goes straight to the sandbox so the app streams as it would.
                const judged = await exchange(target, request, body);
                const line = note(judged.status, judged.headers, judged.body.toString('utf8'), { streamed: true });
                const onlyTheAnswer = line.problem && judged.status === 500 && line.findings.length && line.findings.every((f) => f.location[0] === 'response');
                if (!onlyTheAnswer) {
                    response.writeHead(judged.status, judged.headers);
                    response.end(judged.body);
                    return;
                }
                const sandboxPath = new URL(path, sandbox);
                await exchange(sandboxPath.origin, request, body, (head) => response.writeHead(head.statusCode, head.headers), (chunk) => response.write(chunk));
                response.end();
            } catch (e) {
                response.writeHead(502, { 'content-type': 'text/plain' });
                response.end(`witness: ${e.message}`);
                if (prism) note(502, { 'content-type': 'application/problem+json' }, JSON.stringify({ title: 'unreachable', detail: e.message }));
            }
        });
    });
    server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
}

function verdict(expectRejected) {
    let lines = [];
    try {
        lines = readFileSync(record, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    } catch {
        // No exchange at all is judged below.
    }
    const problems = [];
    const allowed = [];
    for (const x of lines) {
        const what = `${x.method} ${x.path} -> ${x.status} (${x.prism} plane)`;
        // Prism checks a whole text/event-stream body as one JSON value; the request itself was
        // validated before it was forwarded (a refusal is a 422, never a streamed answer).
        for (const { message, location } of x.findings) {
            const where = location.length ? ` [${location.join('.')}]` : '';
            if (x.status >= 300 && message.startsWith(UNDECLARED_STATUS)) allowed.push(`${what}: ${message}`);
            else if (x.streamed && location[0] === 'response') allowed.push(`${what}: ${message}${where} (a streamed answer; the request was accepted)`);
            else problems.push(`${what}: ${message}${where}`);
        }
        if (x.problem && !x.findings.length) problems.push(`${what}: Prism refused it`);
    }
    const refused = lines.filter((x) => x.status === 422 && x.problem);
    console.log(`${lines.length} exchange(s) through Prism`);
    for (const a of allowed) console.log(`ALLOWED (Prism's limit) ${a}`);
    if (expectRejected) {
        for (const x of refused) console.log(`REFUSED AS EXPECTED ${x.method} ${x.path}: ${x.findings.map((f) => f.message).join('; ')}`);
        return refused.length && problems.length ? 0 : 1;
    }
    for (const p of problems) console.log(`VIOLATION ${p}`);
    if (!lines.length) console.log('VIOLATION nothing went through Prism');
    return problems.length || !lines.length ? 1 : 0;
}

if (mode === 'serve' && rest.length === 3) serve(...rest);
else if (mode === 'verdict' && record) process.exit(verdict(rest.includes('--expect-rejected')));
else {
    console.error('usage: azure-cli-witness.mjs serve RECORD DATA_PRISM ARM_PRISM SANDBOX | verdict RECORD [--expect-rejected]');
    process.exit(2);
}
