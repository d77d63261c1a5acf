// SPDX-License-Identifier: GPL-3.0-or-later
// Schema checks Prism cannot do itself, with Prism's own parsed view of the spec.
//
// Prism 5.14.2 compiles each schema with ajv and, when ajv refuses it, silently validates
// nothing. In this spec that happens to CreateChatCompletionRequest and the Upload object
// ("nullable" cannot be used without "type": an OpenAPI 3.0 keyword that 3.1 does not have).
// Here such schemas are compiled again without `nullable`, which is how 3.1 reads them.
//
// As a program: node spec-check.mjs SPEC METHOD PATH request|response FILE… validates JSON files
// (the C++ contract test dumps the bodies it sends) and exits 1 on any violation.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { getHttpOperationsFromSpec } = require('@stoplight/prism-http');
const Ajv = require('ajv').default;
const Ajv2019 = require('ajv/dist/2019').default;
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats');

const AJV_OPTIONS = { allErrors: true, allowUnionTypes: true, allowMatchingProperties: true, strict: false, logger: false };

function ajvFor(schema) {
    const draft = String(schema.$schema ?? '');
    const Impl = /2020-12/.test(draft) ? Ajv2020 : /2019-09/.test(draft) ? Ajv2019 : Ajv;
    const ajv = new Impl(AJV_OPTIONS);
    addFormats(ajv);
    return ajv;
}

function withoutNullable(value, seen = new Map()) {
    if (Array.isArray(value)) return value.map((v) => withoutNullable(v, seen));
    if (!value || typeof value !== 'object') return value;
    if (seen.has(value)) return seen.get(value);
    const copy = {};
    seen.set(value, copy);
    for (const [k, v] of Object.entries(value)) if (k !== 'nullable') copy[k] = withoutNullable(v, seen);
    return copy;
}

export class SpecChecker {
    static async load(specPath) {
        const checker = new SpecChecker();
        checker.operations = await getHttpOperationsFromSpec(specPath);
        checker.cache = new Map();
        return checker;
    }

    /// The operation for a concrete method and path ("/files/file-abc/content").
    operation(method, path) {
        const m = method.toLowerCase();
        const matches = this.operations.filter((op) => {
            if (op.method !== m) return false;
            const pattern = '^' + op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+') + '$';
            return new RegExp(pattern).test(path);
        });
        // A literal path ("/uploads") wins over a template that also matches.
        matches.sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0));
        return matches[0];
    }

    /// {prismChecks, validate} for a request body (status undefined) or a response body.
    validatorFor(op, status, mediaType = 'application/json') {
        const key = `${op.method} ${op.path} ${status ?? 'request'} ${mediaType}`;
        if (this.cache.has(key)) return this.cache.get(key);
        let contents;
        if (status === undefined) contents = op.request?.body?.contents ?? [];
        else {
            const response = op.responses.find((r) => r.code === String(status)) ?? op.responses.find((r) => r.code === `${String(status)[0]}XX`) ?? op.responses.find((r) => r.code === 'default');
            contents = response?.contents ?? [];
        }
        const content = contents.find((c) => c.mediaType === mediaType);
        let entry = { prismChecks: true, validate: null };
        if (content?.schema) {
            const bundled = { ...content.schema, __bundled__: op.__bundled__ };
            try {
                ajvFor(content.schema).compile(bundled);
            } catch {
                // What Prism does not check, checked here with the 3.1 reading of the schema.
                entry = { prismChecks: false, validate: ajvFor(content.schema).compile(withoutNullable(bundled)) };
            }
        }
        this.cache.set(key, entry);
        return entry;
    }

    /// Violations (strings) of `body` against the schema Prism would skip; [] when Prism checks it.
    checkSkipped(method, path, status, body, mediaType) {
        const op = this.operation(method, path);
        if (!op) return [];
        const { validate } = this.validatorFor(op, status, mediaType);
        if (!validate || validate(body)) return [];
        return validate.errors.map((e) => `${status === undefined ? 'request' : 'response'} body${e.instancePath.replaceAll('/', '.')} ${e.message}${e.params?.allowedValues ? ': ' + e.params.allowedValues.join(', ') : ''}`);
    }

    /// Violations of `body` against the schema, whether or not Prism can check it.
    checkAlways(method, path, status, body, mediaType) {
        const op = this.operation(method, path);
        if (!op) return [`no operation ${method} ${path} in the spec`];
        const entry = this.validatorFor(op, status, mediaType);
        let validate = entry.validate;
        if (!validate) {
            let contents = status === undefined ? op.request?.body?.contents : op.responses.find((r) => r.code === String(status))?.contents;
            const content = (contents ?? []).find((c) => c.mediaType === mediaType);
            if (!content?.schema) return [`no schema for ${method} ${path} ${status ?? 'request'} ${mediaType}`];
            validate = ajvFor(content.schema).compile({ ...content.schema, __bundled__: op.__bundled__ });
        }
        if (validate(body)) return [];
        return validate.errors.map((e) => `body${e.instancePath.replaceAll('/', '.')} ${e.message}${e.params?.allowedValues ? ': ' + e.params.allowedValues.join(', ') : ''}`);
    }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const [spec, method, path, kind, ...files] = process.argv.slice(2);
    if (!spec || !method || !path || !['request', 'response'].includes(kind) || files.length === 0) {
        console.error('usage: node spec-check.mjs SPEC METHOD PATH request|response FILE…');
        process.exit(2);
    }
    const checker = await SpecChecker.load(spec);
    let bad = 0;
    for (const file of files) {
        const body = JSON.parse(readFileSync(file, 'utf8'));
        const problems = checker.checkAlways(method, path, kind === 'request' ? undefined : 200, body, 'application/json');
        if (problems.length) {
            ++bad;
            console.log(`VIOLATION ${method} ${path} ${kind} ${file}:\n    ${problems.join('\n    ')}\n    body: ${JSON.stringify(body)}`);
        } else {
            console.log(`ok ${method} ${path} ${kind} ${file}`);
        }
    }
    process.exit(bad ? 1 : 0);
}
