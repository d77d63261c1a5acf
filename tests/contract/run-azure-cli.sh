#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Azure OpenAI: the app's own requests, checked against Azure's official specs. The app's command
# line (--provider azure) runs the loop against the sandbox through two Prism validating proxies
# with request validation on: one over Azure's v1 data-plane spec, one over the cognitiveservices
# 2026-09-01 management spec, behind one address (azure-cli-witness.mjs, which records what Prism
# found). Files upload, jobs create, list, watch (job, events, checkpoints), cancel, models, the
# Microsoft sign-in (straight to the sandbox), deployments create, list and delete, and chat with
# the deployment, plain and streamed. Prism refuses a request that breaks the spec with 422; every
# command must succeed and the record must hold no finding.
# First a negative check proves the record and its verdict catch a refusal: one upload without
# the `expires_after` the spec requires (what the app sent before) must be refused and judged so.
# Usage: run-azure-cli.sh /path/to/finetune-studio /path/to/shared/reference/azure-openai-v1
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -eq 2 ] || fs_fail "usage: $0 FINETUNE_STUDIO_BINARY AZURE_REFERENCE_DIR"
fs_require_node_tools
BINARY=$1
SAMPLES="$FS_CONTRACT_DIR/../../resources/samples"
WITNESS="$FS_CONTRACT_DIR/azure-cli-witness.mjs"

SANDBOX_KEY="az-cli-$RANDOM$RANDOM"
# Approved after 50 sandbox seconds: 1 s at the time scale below.
export FS_SANDBOX_SIGN_IN_SECONDS=50
fs_start_sandbox "$BINARY" --time-scale "${FS_CONTRACT_TIME_SCALE:-0.02}" --require-key "$SANDBOX_KEY"

node "$FS_CONTRACT_DIR/azure-specs.mjs" "$(realpath "$2")" "$FS_TMP/specs" >/dev/null ||
    fs_fail "could not derive Prism's copies of the specs in $2"
fs_start_prism proxy "$FS_TMP/specs/azure-v1-rooted.json" "$SANDBOX_ROOT"
DATA_PRISM=$PRISM_URL
fs_start_prism proxy "$FS_TMP/specs/arm.json" "$SANDBOX_ROOT"
ARM_PRISM=$PRISM_URL

RECORD="$FS_TMP/exchanges.jsonl"
node "$WITNESS" serve "$RECORD" "$DATA_PRISM" "$ARM_PRISM" "$SANDBOX_ROOT" >"$FS_TMP/witness.log" 2>&1 &
FS_PIDS+=("$!")
for ((i = 0; i < 300; ++i)); do
    PORT=$(sed -n 's/^listening \([0-9]*\)$/\1/p' "$FS_TMP/witness.log" 2>/dev/null || true)
    [ -n "$PORT" ] && break
    sleep 0.1
done
[ -n "${PORT:-}" ] || { fs_dump_log "$FS_TMP/witness.log"; fs_fail "the witness did not listen"; }
ENDPOINT="http://127.0.0.1:$PORT"
fs_log "the app's endpoint: $ENDPOINT (data plane and management through Prism)"

failures=0
check() { # check WHAT COMMAND…: runs the app's command line; a failure is counted and shown
    local what=$1
    shift
    if "$@" >"$FS_TMP/out" 2>&1; then
        fs_log "ok   $what"
    else
        failures=$((failures + 1))
        fs_log "FAIL $what"
        sed 's/^/    /' "$FS_TMP/out" >&2
    fi
}
app() { AZURE_OPENAI_API_KEY=$SANDBOX_KEY "$BINARY" "$@" --provider azure --base-url "$ENDPOINT/openai/v1"; }
json_field() { jq -rs "last | .$1 // empty"; } # the last JSON value printed: its field

# ---- negative check: one request the spec forbids, on purpose ----------------------------------
status=$(curl -s -o "$FS_TMP/refused.json" -w '%{http_code}' -H "api-key: $SANDBOX_KEY" \
    -F purpose=fine-tune -F "file=@$SAMPLES/support-bot.jsonl" "$ENDPOINT/openai/v1/files")
[ "$status" = 422 ] || fs_fail "negative check: an upload without expires_after got $status from Prism, not 422: $(cat "$FS_TMP/refused.json")"
node "$WITNESS" verdict "$RECORD" --expect-rejected ||
    fs_fail "negative check: the record does not show Prism's refusal"
if node "$WITNESS" verdict "$RECORD" >/dev/null; then
    fs_fail "negative check: the verdict passed a request Prism refused"
fi
fs_log "ok   negative check: a request that breaks the spec is refused (422) and fails the verdict"
mv "$RECORD" "$FS_TMP/negative.jsonl"

# ---- the app's loop ----------------------------------------------------------------------------
BASE=gpt-4o-mini-2024-07-18
app files upload "$SAMPLES/support-bot.jsonl" --json >"$FS_TMP/training.json" 2>"$FS_TMP/err" ||
    { cat "$FS_TMP/err" >&2; node "$WITNESS" verdict "$RECORD" || true; fs_fail "files upload (training)"; }
TRAINING=$(json_field id <"$FS_TMP/training.json")
fs_log "ok   files upload: $TRAINING"
app files upload "$SAMPLES/support-bot-validation.jsonl" --upload-anyway --json >"$FS_TMP/validation.json" 2>"$FS_TMP/err" ||
    { cat "$FS_TMP/err" >&2; node "$WITNESS" verdict "$RECORD" || true; fs_fail "files upload (validation)"; }
VALIDATION=$(json_field id <"$FS_TMP/validation.json")
check "files list" app files list

app jobs create --model "$BASE" --training-file "$TRAINING" --validation-file "$VALIDATION" \
    --epochs 2 --suffix cli --json >"$FS_TMP/job.json" 2>"$FS_TMP/err" ||
    { cat "$FS_TMP/err" >&2; node "$WITNESS" verdict "$RECORD" || true; fs_fail "jobs create"; }
JOB=$(json_field id <"$FS_TMP/job.json")
fs_log "ok   jobs create: $JOB"
check "jobs list" app jobs list
check "jobs watch (job, events, checkpoints) until it ends" app jobs watch "$JOB" --interval 0.2
grep -q 'succeeded' "$FS_TMP/out" || { failures=$((failures + 1)); fs_log "FAIL the job did not succeed"; sed 's/^/    /' "$FS_TMP/out" >&2; }
check "models" app models
MODEL="$BASE.ft-${JOB#ftjob-}"

# The job to cancel must still be training when the cancel arrives, however slow the machine:
# the sandbox's clock runs at real time meanwhile.
faults() { curl -s -f -o /dev/null -H 'content-type: application/json' -d "$1" "$SANDBOX_ROOT/_sandbox/faults"; }
faults '{"time_scale": 1}' || fs_fail "the sandbox's fault endpoint refused a time scale"
app jobs create --model "$BASE" --training-file "$TRAINING" --epochs 3 --json >"$FS_TMP/job2.json" 2>"$FS_TMP/err" ||
    { cat "$FS_TMP/err" >&2; fs_fail "jobs create (the one to cancel)"; }
check "jobs cancel" app jobs cancel "$(json_field id <"$FS_TMP/job2.json")"
faults "{\"time_scale\": ${FS_CONTRACT_TIME_SCALE:-0.02}}" || fs_fail "the sandbox's fault endpoint refused a time scale"

# Microsoft's device-code sign-in, as the app does it (straight to the sandbox: no spec).
LOGIN="$ENDPOINT/login/organizations/oauth2/v2.0"
DEVICE_CODE=$(curl -s -d client_id=04b07795-8ddb-461a-bbee-02f9e1bf7b46 \
    --data-urlencode 'scope=https://management.azure.com/.default offline_access' "$LOGIN/devicecode" | json_field device_code)
[ -n "$DEVICE_CODE" ] || fs_fail "the sandbox gave no device code"
for ((i = 0; i < 120; ++i)); do
    sleep 1
    AZURE_ACCESS_TOKEN=$(curl -s -d grant_type=urn:ietf:params:oauth:grant-type:device_code \
        -d client_id=04b07795-8ddb-461a-bbee-02f9e1bf7b46 -d "device_code=$DEVICE_CODE" \
        "$LOGIN/token" | json_field access_token)
    [ -n "$AZURE_ACCESS_TOKEN" ] && break
done
[ -n "$AZURE_ACCESS_TOKEN" ] || fs_fail "the sandbox's sign-in gave no token within 120 s"
export AZURE_ACCESS_TOKEN
fs_log "ok   signed in"
ARM=(--subscription 0b1f6471-1bf0-4dda-aec3-cb9272f09590 --resource-group practice-rg --account practice-openai)
app deployments create "$MODEL" "${ARM[@]}" --hardware developer --json >"$FS_TMP/deployment.json" 2>"$FS_TMP/err" ||
    { cat "$FS_TMP/err" >&2; node "$WITNESS" verdict "$RECORD" || true; fs_fail "deployments create"; }
DEPLOYMENT=$(json_field name <"$FS_TMP/deployment.json") # the raw ARM object: its name
fs_log "ok   deployments create: $DEPLOYMENT"
check "deployments list" app deployments list "${ARM[@]}"
check "chat with the deployment" app chat --model "$DEPLOYMENT" --no-stream "When do you open?"
check "chat with the deployment, streamed" app chat --model "$DEPLOYMENT" "When do you open?"
check "deployments delete" app deployments delete "$DEPLOYMENT" "${ARM[@]}"

# ---- what Prism found, and whether every operation was exercised ------------------------------
node "$WITNESS" verdict "$RECORD" || failures=$((failures + 1))
for op in 'POST /openai/v1/files$' 'GET /openai/v1/files$' 'POST /openai/v1/fine_tuning/jobs$' \
    'GET /openai/v1/fine_tuning/jobs$' 'GET /openai/v1/fine_tuning/jobs/[^/]+$' \
    'GET /openai/v1/fine_tuning/jobs/[^/]+/events$' 'GET /openai/v1/fine_tuning/jobs/[^/]+/checkpoints$' \
    'POST /openai/v1/fine_tuning/jobs/[^/]+/cancel$' 'GET /openai/v1/models$' 'POST /openai/v1/chat/completions$' \
    'PUT /subscriptions/.*/deployments/[^/]+$' 'GET /subscriptions/.*/deployments/[^/]+$' \
    'GET /subscriptions/.*/deployments$' 'DELETE /subscriptions/.*/deployments/[^/]+$'; do
    jq -r '"\(.method) \(.path)"' "$RECORD" | grep -q -E "^$op" ||
        { failures=$((failures + 1)); fs_log "FAIL never sent through Prism: $op"; }
done
if ((failures)); then
    fs_dump_log "$SANDBOX_LOG"
    fs_fail "$failures check(s) failed"
fi
fs_log "all of the app's Azure requests were accepted by Azure's specs"
