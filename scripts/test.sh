#!/usr/bin/env bash
# What CI runs (.ci/run): install the Debian packages the tests need, start a loopback RabbitMQ,
# build the solution, run every test project and the Python adapter's tests.
#
# Ends with exactly one line "N passed, M failed" (all projects together). The exit status is
# non-zero when a test failed, a test run aborted, or the build failed (a failed build counts as
# one failure). Extra arguments go to `dotnet test`, e.g. scripts/test.sh --filter "FullyQualifiedName~Campaign".
set -uo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$AUTOLAB_ROOT" || exit 1

results="$(mktemp -d "${TMPDIR:-/tmp}/autolab-test.XXXXXX")"
broker_started=0
cleanup() {
  # Stop the broker only if this run started it, so a developer's running broker survives.
  if ((broker_started)); then
    scripts/rabbitmq.sh stop
  fi
  rm -rf "$results"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Prints the one summary line, last (after the broker has stopped) and exits.
summary() {
  cleanup
  trap - EXIT
  printf '%d passed, %d failed\n' "$1" "$2"
  exit $(($2 > 0 ? 1 : 0))
}

mapfile -t packages < <(autolab_apt_packages)
# A subshell, because autolab_ensure_apt exits on failure and the summary must still be printed.
(autolab_ensure_apt "${packages[@]}") || summary 0 1
if ! command -v dotnet >/dev/null; then
  autolab_log "dotnet is not on PATH; install the .NET 10 SDK (https://dot.net/v1/dotnet-install.sh --channel 10.0)"
  summary 0 1
fi

scripts/rabbitmq.sh status >/dev/null 2>&1 || broker_started=1
# Always "start": it is idempotent and also writes this checkout's .autolab/rabbitmq.uri.
scripts/rabbitmq.sh start || { autolab_log "the broker did not start"; summary 0 1; }
AUTOLAB_RABBITMQ_URI="$(<"$AUTOLAB_STATE_DIR/rabbitmq.uri")"
export AUTOLAB_RABBITMQ_URI

autolab_log "building AutoLab.sln (Release)"
if ! dotnet build AutoLab.sln -c Release -nologo -v q -clp:NoSummary >"$results/build.log" 2>&1; then
  grep -E ': (error|warning) ' "$results/build.log" | sort -u >&2 || cat "$results/build.log" >&2
  autolab_log "build failed"
  summary 0 1
fi

passed=0
failed=0
# Prints count $1 of unittest's last "OK (...)" / "FAILED (...)" line in file $2, or 0.
unittest_count() { local v; v="$(sed -nE "s/^(OK|FAILED) .*[(,] ?$1=([0-9]+).*/\2/p" "$2" | tail -1)"; echo "${v:-0}"; }

# Test projects are those with IsTestProject=true (tests/Directory.Build.props); the benchmarks
# Exe sets it false, so `dotnet test` skips it. A project without tests prints "No test is
# available" and counts nothing.
autolab_log "running tests"
dotnet test AutoLab.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" "$@" 2>&1 \
  | tee "$results/test.log"
dotnet_status=${PIPESTATUS[0]}
# One summary per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 1, Total: 13, ...".
# The console summary is parsed rather than .trx files because VSTest names .trx files by the second,
# so parallel projects in one solution run can overwrite each other's. grep -o: parallel projects'
# output can share a line.
while read -r project_failed project_passed; do
  passed=$((passed + project_passed))
  failed=$((failed + project_failed))
done < <(grep -oE '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$results/test.log" \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+)/\1 \2/')
if ((dotnet_status != 0 && failed == 0)); then
  # A crashed or aborted test host leaves no failed test to count.
  autolab_log "dotnet test exited with status $dotnet_status without a failed test; counting it as a failure"
  failed=$((failed + 1))
fi

# The Python adapter example's tests (standard-library unittest; broker tests use AUTOLAB_RABBITMQ_URI).
python_dir=examples/adapters/python
if compgen -G "$python_dir/test_*.py" >/dev/null; then
  autolab_log "running Python adapter tests"
  /usr/bin/python3 -m unittest discover -s "$python_dir" -p 'test_*.py' 2>&1 | tee "$results/python.log"
  python_status=${PIPESTATUS[0]}
  log="$results/python.log"
  ran="$(sed -nE 's/^Ran ([0-9]+) tests? .*/\1/p' "$log" | tail -1)"
  py_failed=$(($(unittest_count failures "$log") + $(unittest_count errors "$log") + $(unittest_count "unexpected successes" "$log")))
  py_skipped=$(unittest_count skipped "$log")
  if [[ -z $ran ]]; then
    autolab_log "the Python tests did not run"
    ran=0 py_failed=1 py_skipped=0
  elif ((python_status != 0 && py_failed == 0)); then
    py_failed=1 ran=$((ran + 1))
  fi
  passed=$((passed + ran - py_failed - py_skipped))
  failed=$((failed + py_failed))
fi

summary "$passed" "$failed"
