// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the copies of Azure's published specs that Prism can load (the saved files stay as they
// are, see shared/reference/azure-openai-v1/PROVENANCE.md): without the `x-ms-examples` keys,
// whose example files are not saved, and for the management plane with the common-types refs
// pointing at the saved copies.
// The data plane's copies also declare how the object `expires_after` of an upload is encoded in
// its multipart form: as `expires_after[seconds]` and `expires_after[anchor]` (style deepObject,
// which OpenAPI 3.1.1 allows for multipart), the way the `openai` clients send it and Microsoft's
// v1 batch how-to passes it. The saved spec leaves it to OpenAPI 3.0's default, one JSON part,
// which Prism cannot read (it reads every part as a string: "must be object") and which Azure's
// service is reported to ignore (Azure/azure-sdk-for-net#59716). Nothing else is changed.
// `azure-v1-rooted.json` has every path under /openai/v1 (the spec's server is
// {endpoint}/openai/v1), for a Prism whose upstream is the resource's root.
// Usage: node azure-specs.mjs REFERENCE_DIR OUT_DIR
//        → OUT_DIR/azure-v1.json, OUT_DIR/azure-v1-rooted.json, OUT_DIR/arm.json

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml');

const [reference, out] = process.argv.slice(2);
if (!reference || !out) {
    console.error('usage: node azure-specs.mjs REFERENCE_DIR OUT_DIR');
    process.exit(2);
}

function clean(value, rewrite) {
    if (Array.isArray(value)) return value.map((v) => clean(v, rewrite));
    if (!value || typeof value !== 'object') return value;
    const copy = {};
    for (const [k, v] of Object.entries(value)) {
        if (k === 'x-ms-examples') continue;
        copy[k] = k === '$ref' && typeof v === 'string' ? rewrite(v) : clean(v, rewrite);
    }
    return copy;
}

const COMMON = '../../../../../../common-types/';
const toLocal = (ref) => (ref.startsWith(COMMON) ? './common-types/' + ref.slice(COMMON.length) : ref);

mkdirSync(path.join(out, 'common-types/resource-management/v3'), { recursive: true });
const dataPlane = yaml.load(readFileSync(path.join(reference, 'azure-v1-v1-generated.yaml'), 'utf8'));
const data = clean(dataPlane, (r) => r);
data.paths['/files'].post.requestBody.content['multipart/form-data'].encoding = {
    expires_after: { style: 'deepObject', explode: true },
};
writeFileSync(path.join(out, 'azure-v1.json'), JSON.stringify(data));
const rooted = { ...data, paths: Object.fromEntries(Object.entries(data.paths).map(([p, v]) => ['/openai/v1' + p, v])) };
delete rooted.servers;
writeFileSync(path.join(out, 'azure-v1-rooted.json'), JSON.stringify(rooted));
const arm = JSON.parse(readFileSync(path.join(reference, 'cognitiveservices-2026-09-01.json'), 'utf8'));
writeFileSync(path.join(out, 'arm.json'), JSON.stringify(clean(arm, toLocal)));
for (const name of ['types.json', 'privatelinks.json'])
    copyFileSync(path.join(reference, 'common-types/resource-management/v3', name), path.join(out, 'common-types/resource-management/v3', name));
console.log(`wrote ${path.join(out, 'azure-v1.json')} and ${path.join(out, 'arm.json')}`);
