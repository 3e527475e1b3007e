#!/bin/bash
# Compares `crampd calendar` with `systemd-analyze calendar` (see calendar_oracle.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v systemd-analyze >/dev/null; then echo "calendar-oracle: systemd-analyze not found"; exit 1; fi
exec python3 Tests/e2e/calendar_oracle.py "$@"
