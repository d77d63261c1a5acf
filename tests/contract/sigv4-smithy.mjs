// SPDX-License-Identifier: GPL-3.0-or-later
// Signs the requests printed by our sigv4cases program with AWS's own JavaScript signer
// (@smithy/signature-v4, S3 conventions: no path normalisation, no double encoding) and
// checks that both Authorization headers are identical.
// Usage: node sigv4-smithy.mjs /path/to/fs_sigv4cases
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let SignatureV4, Sha256;
try {
    ({ SignatureV4 } = require('@smithy/signature-v4'));
    ({ Sha256 } = require('@aws-crypto/sha256-js'));
} catch (error) {
    console.error('FAIL: @smithy/signature-v4 / @aws-crypto/sha256-js are not installed in '
        + 'tests/contract/node_modules. Run: packaging/install-deps.sh --tests (or: cd tests/contract && npm ci)');
    process.exit(1);
}

const binary = process.argv[2];
if (!binary) {
    console.error('usage: node sigv4-smithy.mjs SIGV4CASES_BINARY');
    process.exit(2);
}
const cases = JSON.parse(execFileSync(binary, { encoding: 'utf8' }));
if (cases.length < 8) {
    console.error(`FAIL: expected at least 8 cases, got ${cases.length}`);
    process.exit(1);
}

let passed = 0;
let failed = 0;
for (const c of cases) {
    const query = {};
    for (const [name, value] of c.query) {
        if (name in query)
            query[name] = [].concat(query[name], value);
        else
            query[name] = value;
    }
    // Everything we send except what the signer adds itself.
    const headers = { ...c.headers };
    delete headers['x-amz-date'];
    delete headers['x-amz-security-token'];
    const signer = new SignatureV4({
        credentials: {
            accessKeyId: c.accessKeyId,
            secretAccessKey: c.secretAccessKey,
            ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
        },
        region: c.region,
        service: 's3',
        sha256: Sha256,
        uriEscapePath: false,
        applyChecksum: true,
    });
    const signed = await signer.sign({
        method: c.method,
        protocol: c.protocol,
        hostname: c.hostname,
        ...(c.port > 0 ? { port: c.port } : {}),
        path: c.path,
        query,
        headers,
    }, { signingDate: new Date(c.signingDate) });
    const theirs = signed.headers.authorization;
    if (theirs === c.authorization) {
        ++passed;
        console.log(`ok   ${c.name}`);
    } else {
        ++failed;
        console.log(`FAIL ${c.name}\n  ours:   ${c.authorization}\n  smithy: ${theirs}`);
    }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
