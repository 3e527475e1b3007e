#!/usr/bin/env bash
# `crampd ctl` end to end (issue 7): the real daemon in the foreground on a temporary socket,
# every command through the real CLI binary, exact human output and JSON, then bad input of
# every kind against the same daemon: it keeps serving, keeps its state, leaks no descriptor.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec python3 Tests/e2e/ctl_e2e.py "$(pwd)/.build/debug/crampd"
