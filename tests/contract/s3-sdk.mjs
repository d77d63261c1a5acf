// SPDX-License-Identifier: GPL-3.0-or-later
// (e) AWS's official JavaScript S3 client, @aws-sdk/client-s3, drives the sandbox's bucket store
// (/s3): the practice bucket, CreateBucket, PutObject (whole and streamed), ListObjectsV2 with
// prefix, delimiter and continuation tokens, GetObject with ranges, HeadObject, multipart
// uploads (complete and abort), DeleteObject, S3's errors, and refusals of a wrong secret and an
// unknown key. Run by run-s3-sdk.sh, which starts the sandbox and sets S3_ENDPOINT.

import {
    AbortMultipartUploadCommand,
    CompleteMultipartUploadCommand,
    CreateBucketCommand,
    CreateMultipartUploadCommand,
    DeleteObjectCommand,
    GetObjectCommand,
    HeadBucketCommand,
    HeadObjectCommand,
    ListBucketsCommand,
    ListObjectsV2Command,
    PutObjectCommand,
    S3Client,
    UploadPartCommand,
} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { log, runChecks } from './loop.mjs';

const { S3_ENDPOINT } = process.env;
if (!S3_ENDPOINT) {
    console.error('FAIL: S3_ENDPOINT must be set (use run-s3-sdk.sh)');
    process.exit(2);
}

const practice = { accessKeyId: 'practice', secretAccessKey: 'practice-secret' };
const makeClient = (credentials) =>
    new S3Client({ endpoint: S3_ENDPOINT, region: 'auto', forcePathStyle: true, credentials, maxAttempts: 1 });
const s3 = makeClient(practice);
const bucket = 'contract-bucket';
const md5 = (data) => createHash('md5').update(data).digest('hex');

async function expectError(promise, name, status) {
    try {
        await promise;
    } catch (e) {
        assert.equal(e.name, name, `expected ${name}, got ${e.name}: ${e.message}`);
        if (status) assert.equal(e.$metadata?.httpStatusCode, status);
        return e;
    }
    assert.fail(`expected ${name}, but the request succeeded`);
}

async function listAll(params) {
    const keys = [];
    const prefixes = [];
    let token;
    let pages = 0;
    do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ...params, ContinuationToken: token }));
        pages += 1;
        for (const o of page.Contents ?? []) keys.push(o.Key);
        for (const p of page.CommonPrefixes ?? []) prefixes.push(p.Prefix);
        assert.equal(page.KeyCount, (page.Contents?.length ?? 0) + (page.CommonPrefixes?.length ?? 0));
        if (page.IsTruncated) assert.ok(page.NextContinuationToken, 'a truncated page names the next one');
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return { keys, prefixes, pages };
}

async function practiceBucket() {
    const buckets = await s3.send(new ListBucketsCommand({}));
    assert.ok(buckets.Buckets.some((b) => b.Name === 'practice'), 'the practice bucket exists from the start');
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'practice' }));
    const keys = (listed.Contents ?? []).map((o) => o.Key);
    assert.ok(keys.includes('support-bot.jsonl'), `the sample is in the practice bucket: ${keys}`);
    const sample = await s3.send(new GetObjectCommand({ Bucket: 'practice', Key: 'support-bot.jsonl' }));
    const text = await sample.Body.transformToString();
    assert.ok(text.split('\n')[0].includes('"messages"'), 'the sample is a chat dataset');
}

async function createBucket() {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    await expectError(s3.send(new CreateBucketCommand({ Bucket: bucket })), 'BucketAlreadyOwnedByYou', 409);
}

const keys = ['a.jsonl', 'data/train.jsonl', 'data/valid.jsonl', 'data/old/2025.jsonl', 'data/old/2024.jsonl', 'data/new/x.jsonl', 'data/z.txt', 'notes/readme.txt'];

async function putObjects() {
    for (const key of keys) {
        const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `content of ${key}\n`, ContentType: 'application/jsonl' }));
        assert.equal(put.ETag, `"${md5(`content of ${key}\n`)}"`);
    }
    // A stream of unknown bytes: the SDK sends it aws-chunked with a checksum trailer.
    const streamed = randomBytes(200000);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'streamed/blob.bin', Body: Readable.from([streamed.subarray(0, 70000), streamed.subarray(70000)]), ContentLength: streamed.length }));
    const back = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'streamed/blob.bin' }));
    assert.ok(Buffer.from(await back.Body.transformToByteArray()).equals(streamed), 'the streamed object reads back byte for byte');
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'streamed/blob.bin' }));
}

async function listing() {
    const all = await listAll({});
    assert.deepEqual(all.keys, [...keys].sort());
    const folders = await listAll({ Prefix: 'data/', Delimiter: '/' });
    assert.deepEqual(folders.keys, ['data/train.jsonl', 'data/valid.jsonl', 'data/z.txt']);
    assert.deepEqual(folders.prefixes, ['data/new/', 'data/old/']);
    const paged = await listAll({ Prefix: 'data/', Delimiter: '/', MaxKeys: 2 });
    assert.deepEqual(paged.keys, folders.keys);
    assert.deepEqual(paged.prefixes, folders.prefixes);
    assert.equal(paged.pages, 3);
    const one = await listAll({ MaxKeys: 1 });
    assert.deepEqual(one.keys, all.keys);
    assert.equal(one.pages, keys.length);
    const after = await s3.send(new ListObjectsV2Command({ Bucket: bucket, StartAfter: 'data/valid.jsonl' }));
    assert.deepEqual(after.Contents.map((o) => o.Key), ['data/z.txt', 'notes/readme.txt']);
}

async function rangesAndHead() {
    const body = 'content of a.jsonl\n';
    const part = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'a.jsonl', Range: 'bytes=2-5' }));
    assert.equal(part.$metadata.httpStatusCode, 206);
    assert.equal(part.ContentRange, `bytes 2-5/${body.length}`);
    assert.equal(await part.Body.transformToString(), body.slice(2, 6));
    const tail = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'a.jsonl', Range: 'bytes=-3' }));
    assert.equal(await tail.Body.transformToString(), body.slice(-3));
    await expectError(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'a.jsonl', Range: 'bytes=500-' })), 'InvalidRange', 416);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'a.jsonl' }));
    assert.equal(head.ContentLength, body.length);
    assert.equal(head.ETag, `"${md5(body)}"`);
    assert.equal(head.ContentType, 'application/jsonl');
    assert.ok(head.LastModified instanceof Date && !isNaN(head.LastModified));
}

async function multipart() {
    const key = 'big/multipart.bin';
    const parts = [randomBytes(5 * 1024 * 1024), randomBytes(123456)];
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
    assert.ok(UploadId);
    const done = [];
    for (let i = 0; i < parts.length; ++i) {
        const up = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: i + 1, Body: parts[i] }));
        assert.equal(up.ETag, `"${md5(parts[i])}"`);
        done.push({ ETag: up.ETag, PartNumber: i + 1 });
    }
    const completed = await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, MultipartUpload: { Parts: done } }));
    assert.match(completed.ETag, /^"[0-9a-f]{32}-2"$/);
    const whole = Buffer.concat(parts);
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    assert.ok(Buffer.from(await got.Body.transformToByteArray()).equals(whole), 'the parts put together read back byte for byte');
    const ranged = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${5 * 1024 * 1024 - 2}-${5 * 1024 * 1024 + 1}` }));
    assert.ok(Buffer.from(await ranged.Body.transformToByteArray()).equals(whole.subarray(5 * 1024 * 1024 - 2, 5 * 1024 * 1024 + 2)));
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));

    const aborted = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'big/aborted.bin' }));
    await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'big/aborted.bin', UploadId: aborted.UploadId, PartNumber: 1, Body: 'x' }));
    await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: 'big/aborted.bin', UploadId: aborted.UploadId }));
    await expectError(s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'big/aborted.bin', UploadId: aborted.UploadId, PartNumber: 2, Body: 'y' })), 'NoSuchUpload', 404);
    await expectError(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'big/aborted.bin' })), 'NotFound', 404);
}

async function deleteAndMissing() {
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'notes/readme.txt' }));
    await expectError(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'notes/readme.txt' })), 'NoSuchKey', 404);
    await expectError(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'notes/readme.txt' })), 'NotFound', 404);
    await expectError(s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket', Key: 'a.jsonl' })), 'NoSuchBucket', 404);
    await expectError(s3.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket' })), 'NoSuchBucket', 404);
}

async function refusals() {
    const wrongSecret = makeClient({ accessKeyId: 'practice', secretAccessKey: 'not-the-secret' });
    await expectError(wrongSecret.send(new ListObjectsV2Command({ Bucket: bucket })), 'SignatureDoesNotMatch', 403);
    await expectError(wrongSecret.send(new PutObjectCommand({ Bucket: bucket, Key: 'intruder.txt', Body: 'no' })), 'SignatureDoesNotMatch', 403);
    const unknown = makeClient({ accessKeyId: 'AKIDNOBODY', secretAccessKey: 'practice-secret' });
    await expectError(unknown.send(new GetObjectCommand({ Bucket: bucket, Key: 'a.jsonl' })), 'InvalidAccessKeyId', 403);
    await expectError(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'intruder.txt' })), 'NotFound', 404);
}

const failures = await runChecks([
    ['the practice bucket exists and holds the sample', practiceBucket],
    ['CreateBucket, HeadBucket, and creating it twice', createBucket],
    ['PutObject, whole and streamed (aws-chunked)', putObjects],
    ['ListObjectsV2: prefix, delimiter, continuation tokens, max-keys, start-after', listing],
    ['GetObject with ranges (206, suffix, 416) and HeadObject', rangesAndHead],
    ['multipart upload: create, parts, complete; abort', multipart],
    ['DeleteObject, NoSuchKey and NoSuchBucket', deleteAndMissing],
    ['a wrong secret and an unknown key are refused', refusals],
]);

if (failures.length) {
    log(`${failures.length} check(s) failed: ${failures.join('; ')}`);
    process.exit(1);
}
log('all checks passed');
