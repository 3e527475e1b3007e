#!/usr/bin/env bash
# Benchmark: config loading at scale (issue 13 item 3): 2k/20k reminders, 4k/40k empty
# [[reminder]] tables (each an error, rendered as a failed reload renders it) and a 10 MB key,
# in a release build. Linear means ×10 size ⇒ at most ×20 time. Each case is its own process
# (peak RSS per case). The daemon refuses config files over 1 MiB (RegularFile.Cap.config),
# so the 1 MiB rows are the worst a reload can cost.
#   bench/config-scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
source bench/core-program.sh
core_program config-scale
# The last three: the largest of each kind that fits the 1 MiB cap, what a reload can cost at most.
for run in "reminders 2000" "reminders 20000" "empty-tables 4000" "empty-tables 40000" \
           "big-key 1000000" "big-key 10000000" "reminders 17000" "empty-tables 80000" "big-key 1048000"; do
  # The median of 3 runs.
  for _ in 1 2 3; do "$out/config-scale" $run; done | sort -t, -k2 -g | sed -n 2p
done
