#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The shell side of FS_REQUIRE_TOOL (requiretool.h): a tool a test needs is missing. Says what,
# then skips the test on a developer's machine (exit 77: give the test SKIP_RETURN_CODE 77) or
# fails it under CI (CI=true), where every test must really run.
# Usage: missing-tool.sh "what is missing, and how to install it"
echo "Missing for this test: $*"
if [ "${CI:-}" = "true" ]; then
    echo "CI must run this test: failing instead of skipping."
    exit 1
fi
exit 77
