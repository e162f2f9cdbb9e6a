# shellcheck shell=bash
# Settings and small helpers shared by ./dev and the scripts it sources. Sourced, never run.
# Expects REPO_ROOT to be set by the caller.

readonly PG_VERSION=15
readonly PGBIN=/usr/lib/postgresql/$PG_VERSION/bin
readonly PG_PORT=55432 REDIS_PORT=56379 S3RVER_PORT=54568
readonly SMTP4DEV_SMTP_PORT=52025 SMTP4DEV_IMAP_PORT=52143 SMTP4DEV_WEB_PORT=52080
readonly S3RVER_BUCKET=iatoolkit
readonly S3RVER_VERSION=3.7.1 SMTP4DEV_VERSION=3.15.0

# Tools outlive the clone; state (data dirs, logs, pid files) belongs to one clone.
CACHE_DIR=${IATOOLKIT_CACHE:-${HOME:?set HOME or IATOOLKIT_CACHE}/.cache/iatoolkit}
STATE_DIR=${IATOOLKIT_STATE:-$REPO_ROOT/.state}
[[ $CACHE_DIR == /* ]] || CACHE_DIR=$PWD/$CACHE_DIR
[[ $STATE_DIR == /* ]] || STATE_DIR=$PWD/$STATE_DIR
LOG_DIR=$STATE_DIR/logs
RUN_DIR=$STATE_DIR/run
INSTALL_LOG=$LOG_DIR/install.log

LOG_SCOPE=dev
LOG_T0=$SECONDS

# Progress line on stderr: [services +3s] starting redis :56379
log() { printf '[%s +%ds] %s\n' "$LOG_SCOPE" "$((SECONDS - LOG_T0))" "$*" >&2; }

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

as_root() {
  if ((EUID == 0)); then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "root is needed for: $* (run as root or install sudo)"
  fi
}

# initdb and pg_ctl refuse to run as root.
as_postgres() { as_root runuser -u postgres -- "$@"; }

# Runs a command with its output appended to the install log; on failure shows the log's tail.
quietly() {
  local rc=0
  mkdir -p "$LOG_DIR"
  printf '\n$ %s\n' "$*" >>"$INSTALL_LOG"
  "$@" >>"$INSTALL_LOG" 2>&1 || rc=$?
  if ((rc != 0)); then
    printf 'error: "%s" failed with exit code %d; last lines of %s:\n' \
      "$*" "$rc" "$INSTALL_LOG" >&2
    tail -n 25 "$INSTALL_LOG" >&2
  fi
  return "$rc"
}

