#!/usr/bin/env bash
# npm test: everything CI runs, from a fresh clone.
#
#   1. dev dependencies (npm ci when missing), and the n8n and verdaccio
#      installs started beside the next steps (scripts/setup-n8n.sh,
#      scripts/setup-verdaccio.sh; minutes on a first run);
#   2. build, lint (strict, n8n Cloud rules), type check, unit tests;
#   3. the package packed once, then the suites that run a real n8n, in
#      parallel (each with its own ports and user folders).
#
# Prints each step's and suite's time, and a last line "CI: N passed, N failed".
# TRUTO_SUITES=e2e-2,installer-1 runs only the named suites of step 3 ("none": none).
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
logs="$(mktemp -d -t n8n-nodes-truto-test-XXXXXX)"
trap 'rm -rf "$logs"' EXIT
started=$SECONDS
passed=0
failed=0
failures=()

elapsed() { echo "$(($1 / 60)) min $(($1 % 60)) s"; }

# The jest counts of a log ("Tests: 1 failed, 40 passed, 41 total").
count() {
  local line
  line="$(grep -E '^Tests:' "$1" | tail -1)"
  passed=$((passed + $(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || echo 0)))
  failed=$((failed + $(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || echo 0)))
}

# step <name> <command…>: one step in the foreground; its output is shown.
step() {
  local name="$1" start=$SECONDS
  shift
  echo "── $name"
  if "$@" 2>&1 | tee "$logs/step.log"; then
    echo "── $name: passed in $(elapsed $((SECONDS - start)))"
  else
    echo "── $name: FAILED after $(elapsed $((SECONDS - start)))"
    failures+=("$name")
    grep -qE '^Tests:' "$logs/step.log" || failed=$((failed + 1))
  fi
  count "$logs/step.log"
}

finish() {
  echo
  echo "══ total time $(elapsed $((SECONDS - started)))"
  if [ "${#failures[@]}" -gt 0 ]; then echo "══ failed: ${failures[*]}"; fi
  echo "CI: $passed passed, $failed failed"
  [ "${#failures[@]}" -eq 0 ]
  exit
}

step "dev dependencies" bash scripts/ensure-deps.sh

# The n8n installs take longest on a fresh machine: they run beside build, lint and unit tests,
# and so does verdaccio's (the registry of the installer suites).
setup_start=$SECONDS
bash scripts/setup-n8n.sh >"$logs/setup.out" 2>"$logs/setup.log" &
setup_pid=$!
bash scripts/setup-verdaccio.sh >"$logs/verdaccio.out" 2>"$logs/verdaccio.log" &
verdaccio_pid=$!

step "build" npm run build
step "lint" npm run lint
step "type check" npm run typecheck
step "unit and integration tests" npx jest --ci

echo "── n8n and verdaccio installs (started $(elapsed $((SECONDS - setup_start))) ago)"
if wait "$setup_pid" && wait "$verdaccio_pid"; then
  cat "$logs/setup.log" "$logs/verdaccio.log"
  echo "── n8n installs: ready after $(elapsed $((SECONDS - setup_start)))"
else
  cat "$logs/setup.log" "$logs/verdaccio.log"
  echo "── n8n installs: FAILED"
  failures+=("n8n installs")
  finish
fi
if [ "${#failures[@]}" -gt 0 ]; then finish; fi

# --- suites in a real n8n -----------------------------------------------------
pack_dir="$logs/pack"
mkdir -p "$pack_dir"
tarball="$pack_dir/$(npm pack --silent --pack-destination "$pack_dir" | tail -1)"
export TRUTO_E2E_TARBALL="$tarball"
echo "── packed $(basename "$tarball")"

# name|command (run from the repository root). Each suite runs once per tested
# n8n version (scripts/versions.json), as <suite>-<major>: e2e (workflows run by
# n8n's CLI), installer (n8n installs the package from a registry on loopback),
# schedule (workflows started by the Schedule Trigger in a running n8n), trigger
# (the Truto Trigger's webhooks, registered and delivered by the mock), queue
# (n8n's queue mode with workers), browser (the editor in headless Chromium).
versions="$(node -p "require('./scripts/versions.json').tested.map((t) => t.n8n).join(' ')")"
suites=()
for version in $versions; do
  suites+=("e2e-${version%%.*}|N8N_VERSIONS=$version npx jest -c test/e2e/jest.config.js --ci")
done
for version in $versions; do
  suites+=("installer-${version%%.*}|N8N_VERSIONS=$version npx jest -c test/installer/jest.config.js --ci")
done
for version in $versions; do
  suites+=("schedule-${version%%.*}|N8N_VERSIONS=$version npx jest -c test/schedule/jest.config.js --ci")
done
# The Truto Trigger in a running n8n: webhooks registered with and delivered by the mock (test/trigger).
for version in $versions; do
  suites+=("trigger-${version%%.*}|N8N_VERSIONS=$version npx jest -c test/trigger/jest.config.js --ci")
done
# n8n in queue mode: Redis, PostgreSQL, a main and two workers (test/queue); on the newest n8n only.
newest="$(node -p "require('./scripts/versions.json').default")"
suites+=("queue-${newest%%.*}|N8N_VERSIONS=$newest npx jest -c test/queue/jest.config.js --ci")
# The node in the n8n editor in headless Chromium (test/browser).
for version in $versions; do
  suites+=("browser-${version%%.*}|N8N_VERSIONS=$version npx jest -c test/browser/jest.config.js --ci")
done
# n8n's community package scanner on the packed tarball (test/scan).
suites+=("scan|npx jest -c test/scan/jest.config.js --ci")
wanted="${TRUTO_SUITES:-all}"
parallel="${TRUTO_SUITE_JOBS:-2}"

run_suite() { # run_suite <name> <command>: in the background, output to its log
  local name="$1" command="$2" start=$SECONDS
  (cd "$root" && bash -c "$command") >"$logs/suite-$name.log" 2>&1
  echo "$? $((SECONDS - start))" >"$logs/suite-$name.status"
}

names=()
for suite in "${suites[@]}"; do
  name="${suite%%|*}"
  command="${suite#*|}"
  if [ "$wanted" != all ] && [[ ",$wanted," != *",$name,"* ]]; then continue; fi
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n; done
  echo "── suite $name: started"
  run_suite "$name" "$command" &
  names+=("$name")
done
wait

for name in "${names[@]}"; do
  read -r status seconds <"$logs/suite-$name.status"
  echo
  echo "── suite $name ────────────────────────────────────────────"
  cat "$logs/suite-$name.log"
  count "$logs/suite-$name.log"
  if [ "$status" -eq 0 ]; then
    echo "── suite $name: passed in $(elapsed "$seconds")"
  else
    echo "── suite $name: FAILED (exit $status) after $(elapsed "$seconds")"
    failures+=("suite $name")
  fi
done
echo
for name in "${names[@]}"; do
  read -r status seconds <"$logs/suite-$name.status"
  printf '   %-24s %-7s %s\n' "$name" "$([ "$status" -eq 0 ] && echo passed || echo FAILED)" "$(elapsed "$seconds")"
done
finish
