# shellcheck shell=bash
# `./dev test`: services, Release build, dotnet test, and a last stdout line
# `N passed, N failed, N skipped`. Sourced by ./dev.

TESTS_PASSED=0 TESTS_FAILED=0 TESTS_SKIPPED=0

# The solution at the repo root (SDK 10 makes .slnx by default); IATOOLKIT_SOLUTION overrides.
solution_file() {
  if [[ -n ${IATOOLKIT_SOLUTION:-} ]]; then
    echo "$IATOOLKIT_SOLUTION"
  elif [[ -f IAToolkit.sln ]]; then
    echo IAToolkit.sln
  elif [[ -f IAToolkit.slnx ]]; then
    echo IAToolkit.slnx
  else
    die "no IAToolkit.sln or IAToolkit.slnx in $REPO_ROOT"
  fi
}

cmd_test() {
  local results=$STATE_DIR/testresults solution rc=0
  # Whatever happens from here on, stop what we started and end stdout with the summary line.
  trap finish_test_run EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  start_services
  LOG_SCOPE=test
  export_service_env
  if [[ -n ${CI+set} ]]; then export CI; fi
  solution=$(solution_file)
  rm -rf "$results"
  log "dotnet build $solution -c Release"
  dotnet build "$solution" -c Release -nologo -clp:ErrorsOnly || die "build failed"
  log "dotnet test $solution"
  dotnet test "$solution" -c Release --no-build --logger trx --results-directory "$results" "$@" ||
    rc=$?
  sum_trx_counters "$results"
  if ((TESTS_PASSED + TESTS_FAILED == 0)); then
    echo 'no test ran' >&2
    exit 1
  fi
  ((TESTS_FAILED == 0)) || exit 1
  exit "$rc"
}

finish_test_run() {
  local rc=$?
  trap - EXIT INT TERM
  if ((${#STARTED_SERVICES[@]} > 0)); then
    LOG_SCOPE=services
    stop_services "${STARTED_SERVICES[@]}" || true
  fi
  echo "$TESTS_PASSED passed, $TESTS_FAILED failed, $TESTS_SKIPPED skipped"
  exit "$rc"
}

# Value of attribute NAME in a <Counters .../> element; 0 if absent. Attribute order is free.
counter_value() {
  local counters=$1 name=$2
  if [[ $counters =~ [[:space:]]$name=\"([0-9]+)\" ]]; then
    echo "${BASH_REMATCH[1]}"
  else
    echo 0
  fi
}

sum_trx_counters() {
  local dir=$1 trx counters name not_executed not_run
  [[ -d $dir ]] || return 0
  while IFS= read -r -d '' trx; do
    counters=$(tr '\n\r\t' '   ' <"$trx" | grep -o '<Counters[^>]*>' | head -n 1) || true
    TESTS_PASSED=$((TESTS_PASSED + $(counter_value "$counters" passed)))
    # Errors, timeouts and aborts are failures too.
    for name in failed error timeout aborted; do
      TESTS_FAILED=$((TESTS_FAILED + $(counter_value "$counters" "$name")))
    done
    # The TRX logger leaves notExecuted at 0 for ignored NUnit tests; they show as total - executed.
    not_executed=$(counter_value "$counters" notExecuted)
    not_run=$(($(counter_value "$counters" total) - $(counter_value "$counters" executed)))
    TESTS_SKIPPED=$((TESTS_SKIPPED + (not_run > not_executed ? not_run : not_executed)))
  done < <(find "$dir" -name '*.trx' -print0)
}
