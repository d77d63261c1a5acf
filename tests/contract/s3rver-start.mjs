// SPDX-License-Identifier: GPL-3.0-or-later
// Run with node --openssl-legacy-provider: s3rver's continuation tokens use DES.
// Starts s3rver (an S3-compatible test server) on 127.0.0.1 with a free port for the storage
// tests. Usage: node s3rver-start.mjs DIRECTORY [BUCKET…]. Prints {"port":N} once it serves;
// stops on SIGTERM/SIGINT or when its standard input closes (the test process ended).
// s3rver accepts any well-formed SigV4 request from access key "S3RVER" without checking the
// signature; the signatures themselves are checked by tst_sigv4 and contract_sigv4_smithy.
import S3rver from 's3rver';

const [directory, ...buckets] = process.argv.slice(2);
if (!directory) {
    console.error('usage: node s3rver-start.mjs DIRECTORY [BUCKET...]');
    process.exit(2);
}
const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    vhostBuckets: false,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
});
const address = await server.run();
process.stdout.write(JSON.stringify({ port: address.port }) + '\n');

let stopping = false;
async function stop() {
    if (stopping)
        return;
    stopping = true;
    await server.close();
    process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
