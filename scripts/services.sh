# shellcheck shell=bash
# Local services on 127.0.0.1: PostgreSQL + pgvector, Redis, s3rver, smtp4dev. Sourced by ./dev.

readonly SERVICES=(postgres redis s3rver smtp4dev)
readonly PG_DATA=$STATE_DIR/postgres/data
readonly PG_SOCKET_DIR=$STATE_DIR/postgres/socket
readonly S3RVER_DATA=$STATE_DIR/s3rver
readonly SMTP4DEV_DATA=$STATE_DIR/smtp4dev
readonly DATABASES=(iatoolkit sample)
# The sample's SQL tool logs in as this role, which can only read the sample database (see create_sample_reader).
readonly SAMPLE_READER=iat_sample_reader
readonly SAMPLE_READER_PASSWORD_FILE=$STATE_DIR/sample_reader.password

# Services started by this invocation, so that `./dev test` can stop exactly those.
STARTED_SERVICES=()

# The environment the application and the tests read, as NAME=value lines.
service_env_lines() {
  cat <<EOT
DATABASE_URI=postgresql://postgres@127.0.0.1:$PG_PORT/iatoolkit
REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
SAMPLE_DATABASE_URI=postgresql://$SAMPLE_READER:$(sample_reader_password)@127.0.0.1:$PG_PORT/sample
SAMPLE_DATABASE_ADMIN_URI=postgresql://postgres@127.0.0.1:$PG_PORT/sample
AWS_ACCESS_KEY_ID=S3RVER
AWS_SECRET_ACCESS_KEY=S3RVER
AWS_REGION=us-east-1
AWS_ENDPOINT_URL=http://127.0.0.1:$S3RVER_PORT
S3_BUCKET=$S3RVER_BUCKET
SMTP_HOST=127.0.0.1
SMTP_PORT=$SMTP4DEV_SMTP_PORT
SMTP_USE_TLS=false
SMTP_USE_SSL=false
SMTP_IMAP_PORT=$SMTP4DEV_IMAP_PORT
SMTP_WEB_URL=http://127.0.0.1:$SMTP4DEV_WEB_PORT
EOT
}

# The sample reader's password: generated once per state dir and kept. The local cluster trusts loopback
# (initdb --auth=trust), so it is not checked there; it makes the URL work unchanged under scram-sha-256.
sample_reader_password() {
  if [[ ! -s $SAMPLE_READER_PASSWORD_FILE ]]; then
    mkdir -p "$STATE_DIR"
    (umask 077 && od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$SAMPLE_READER_PASSWORD_FILE")
  fi
  cat "$SAMPLE_READER_PASSWORD_FILE"
}

print_service_env() {
  local line
  while IFS= read -r line; do
    printf "export %s='%s'\n" "${line%%=*}" "${line#*=}"
  done < <(service_env_lines)
}

export_service_env() {
  local line
  while IFS= read -r line; do
    export "${line?}"
  done < <(service_env_lines)
}

# --- probes: does the service answer? -------------------------------------------------------

tcp_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

postgres_is_up() { "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; }
redis_is_up() { [[ $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }
s3rver_is_up() { curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$S3RVER_PORT/"; }
smtp4dev_is_up() {
  tcp_port_open "$SMTP4DEV_SMTP_PORT" &&
    curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$SMTP4DEV_WEB_PORT/api/messages"
}

service_is_up() { "${1}_is_up"; }

service_address() {
  case $1 in
    postgres) echo "127.0.0.1:$PG_PORT" ;;
    redis) echo "127.0.0.1:$REDIS_PORT" ;;
    s3rver) echo "127.0.0.1:$S3RVER_PORT (bucket $S3RVER_BUCKET)" ;;
    smtp4dev)
      echo "127.0.0.1:$SMTP4DEV_SMTP_PORT (imap :$SMTP4DEV_IMAP_PORT, web :$SMTP4DEV_WEB_PORT)"
      ;;
  esac
}

service_log() { echo "$LOG_DIR/$1.log"; }
service_pidfile() { echo "$RUN_DIR/$1.pid"; }

# --- start ----------------------------------------------------------------------------------

# Installs what is missing, starts every service that does not answer yet, waits for all of them.
start_services() {
  LOG_SCOPE=services
  prepare_state_dirs
  install_missing_tools
  # One starter at a time per state dir (fd 9 is closed by every service we start).
  exec 9>"$RUN_DIR/.lock"
  flock -w 600 9 || die "timed out waiting for another ./dev starting services in $STATE_DIR"
  local service
  # Slowest first, so that they come up while the others start.
  for service in smtp4dev s3rver redis postgres; do
    if service_is_up "$service"; then
      log "$service already answering on $(service_address "$service")"
    else
      "start_$service"
      STARTED_SERVICES+=("$service")
    fi
  done
  for service in "${STARTED_SERVICES[@]}"; do
    wait_until_up "$service"
  done
  create_databases
  create_bucket
  exec 9>&-
  log "services ready"
}

prepare_state_dirs() {
  mkdir -p "$STATE_DIR" "$LOG_DIR" "$RUN_DIR"
  chmod 755 "$STATE_DIR"
  # The postgres user must be able to reach its data dir through every parent folder.
  as_postgres test -x "$STATE_DIR" ||
    die "the postgres user cannot reach $STATE_DIR (a parent folder is not searchable by others);" \
      "set IATOOLKIT_STATE to a folder it can reach, e.g. /var/tmp/iatoolkit-state"
}

start_postgres() {
  local log_file
  log_file=$(service_log postgres)
  if ! as_postgres test -f "$PG_DATA/PG_VERSION"; then
    log "initialising postgres data dir $PG_DATA"
    as_root rm -rf "$PG_DATA"
    as_root install -d -o postgres -g postgres -m 700 "$STATE_DIR/postgres" "$PG_DATA"
    quietly as_postgres "$PGBIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --no-sync \
      -E UTF8 --locale=C.UTF-8
  fi
  as_root install -d -o postgres -g postgres -m 700 "$PG_SOCKET_DIR"
  as_root install -o postgres -g postgres -m 644 /dev/null "$log_file"
  log "starting postgres :$PG_PORT (data $PG_DATA)"
  # pg_ctl hands these to a shell, hence the quotes around the path.
  local options="-p $PG_PORT -k '$PG_SOCKET_DIR' -c listen_addresses=127.0.0.1"
  options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  # Many test hosts, and the overhead benchmark's 64 clients, each keep a pool of connections.
  options+=" -c max_connections=300"
  as_postgres "$PGBIN/pg_ctl" -D "$PG_DATA" -l "$log_file" -w -t 60 -o "$options" start \
    >/dev/null 8>&- 9>&- || fail_to_start postgres
}

start_redis() {
  local log_file pid_file
  log_file=$(service_log redis)
  pid_file=$(service_pidfile redis)
  : >"$log_file"
  log "starting redis :$REDIS_PORT"
  # The settings IAToolkit needs of any Redis (README, "Redis"): a memory limit, and an eviction policy that only
  # evicts keys with a lifetime (caches, limits, downloads), never the durable ones without (the Data Protection
  # key ring).
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --maxmemory "${REDIS_MAXMEMORY:-256mb}" --maxmemory-policy volatile-lru \
    --daemonize yes --pidfile "$pid_file" --logfile "$log_file" \
    </dev/null >>"$log_file" 2>&1 8>&- 9>&- || fail_to_start redis
}

start_s3rver() {
  mkdir -p "$S3RVER_DATA"
  log "starting s3rver :$S3RVER_PORT (data $S3RVER_DATA)"
  # s3rver encrypts ListObjectsV2 continuation tokens with DES, which Node's OpenSSL 3 only has in its legacy
  # provider: without it every listing that needs a second page fails with 500 InternalError.
  spawn_detached s3rver node --openssl-legacy-provider "$S3RVER_BIN" -d "$S3RVER_DATA" -a 127.0.0.1 -p "$S3RVER_PORT" --silent
}

start_smtp4dev() {
  log "starting smtp4dev :$SMTP4DEV_SMTP_PORT (imap :$SMTP4DEV_IMAP_PORT, web :$SMTP4DEV_WEB_PORT)"
  mkdir -p "$SMTP4DEV_DATA"
  # --db="" keeps messages in memory; its own files stay in the state dir, not in ~/.config.
  spawn_detached smtp4dev "$SMTP4DEV_BIN" --urls="http://127.0.0.1:$SMTP4DEV_WEB_PORT" \
    --smtpport="$SMTP4DEV_SMTP_PORT" --imapport="$SMTP4DEV_IMAP_PORT" --pop3port="" \
    --bindaddress=127.0.0.1 --disableipv6 --db="" --hostname=localhost --nousersettings \
    --baseappdatapath="$SMTP4DEV_DATA"
}

# Starts a long-running process in its own session (Ctrl+C in the terminal does not reach it),
# with its output in its log file and its pid in its pid file.
spawn_detached() {
  local name=$1 log_file
  shift
  log_file=$(service_log "$name")
  # Without job control the background child is no process-group leader, so setsid execs in
  # place and $! is the service's own pid.
  setsid "$@" </dev/null >"$log_file" 2>&1 8>&- 9>&- &
  echo "$!" >"$(service_pidfile "$name")"
}

fail_to_start() {
  local name=$1 log_file
  log_file=$(service_log "$name")
  printf 'error: %s did not start on %s; last lines of %s:\n' \
    "$name" "$(service_address "$name")" "$log_file" >&2
  tail -n 20 "$log_file" >&2 2>/dev/null || true
  exit 1
}

service_timeout() {
  case $1 in
    smtp4dev) echo 120 ;;
    *) echo 60 ;;
  esac
}

wait_until_up() {
  local name=$1 deadline pid_file pid=""
  deadline=$((SECONDS + $(service_timeout "$name")))
  pid_file=$(service_pidfile "$name")
  [[ -f $pid_file ]] && pid=$(<"$pid_file")
  until service_is_up "$name"; do
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      printf 'error: %s exited while starting\n' "$name" >&2
      fail_to_start "$name"
    fi
    ((SECONDS < deadline)) || fail_to_start "$name"
    sleep 0.2
  done
}

psql_admin() {
  PGOPTIONS='-c client_min_messages=warning' "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"
}

create_databases() {
  local db exists
  for db in "${DATABASES[@]}"; do
    exists=$(psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'") ||
      die "cannot query postgres on 127.0.0.1:$PG_PORT as postgres; see $(service_log postgres)"
    if [[ -z $exists ]]; then
      log "creating database $db"
      psql_admin -d postgres -c "CREATE DATABASE \"$db\""
    fi
  done
  psql_admin -d iatoolkit -c 'CREATE EXTENSION IF NOT EXISTS vector'
  create_sample_reader
}

# The sample's SQL tool role: it may connect to the sample database and SELECT its tables, including the ones
# populate-sample-db (which runs as postgres, through SAMPLE_DATABASE_ADMIN_URI) drops and creates again later.
# Nothing else: no superuser, no predefined roles, no CREATE. Idempotent; the README shows the same statements.
create_sample_reader() {
  psql_admin -d sample -v role="$SAMPLE_READER" -v password="$(sample_reader_password)" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE :"role" SET default_transaction_read_only = on;
GRANT CONNECT ON DATABASE sample TO :"role";
GRANT USAGE ON SCHEMA public TO :"role";
GRANT SELECT ON ALL TABLES IN SCHEMA public TO :"role";
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT SELECT ON TABLES TO :"role";
SQL
}

create_bucket() {
  local url="http://127.0.0.1:$S3RVER_PORT/$S3RVER_BUCKET" code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url") || code=000
  [[ $code == 200 ]] && return 0
  log "creating bucket $S3RVER_BUCKET"
  curl -sf -o /dev/null --max-time 5 -X PUT "$url" ||
    die "cannot create bucket $S3RVER_BUCKET at $url; see $(service_log s3rver)"
}

# --- stop -----------------------------------------------------------------------------------

# Stops the given services if this state dir started them. The others get SIGTERM together
# (smtp4dev and s3rver take a second or two to exit) while pg_ctl stops postgres.
stop_services() {
  local service pid stopping=()
  for service in "$@"; do
    [[ $service == postgres ]] && continue
    pid=$(our_running_pid "$service") || continue
    log "stopping $service (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    stopping+=("$service:$pid")
  done
  if [[ " $* " == *" postgres "* ]]; then
    stop_postgres
  fi
  local entry
  for entry in "${stopping[@]}"; do
    service=${entry%%:*} pid=${entry#*:}
    if ! wait_for_exit "$pid" 20; then
      log "$service did not exit on SIGTERM; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$(service_pidfile "$service")"
  done
}

stop_postgres() {
  [[ -d $STATE_DIR/postgres ]] || return 0
  as_postgres "$PGBIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1 || return 0
  log "stopping postgres :$PG_PORT"
  as_postgres "$PGBIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
}

# The pid in NAME's pid file if that process still runs and is the one we started (its command
# line names the service), so that a recycled pid is never signalled. Drops stale pid files.
our_running_pid() {
  local name=$1 pid_file pid cmdline marker
  pid_file=$(service_pidfile "$name")
  [[ -f $pid_file ]] || return 1
  pid=$(<"$pid_file")
  marker=$name
  [[ $name == redis ]] && marker=redis-server
  if [[ $pid =~ ^[0-9]+$ ]] && cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") &&
    [[ $cmdline == *"$marker"* ]]; then
    echo "$pid"
  else
    rm -f "$pid_file"
    return 1
  fi
}

wait_for_exit() {
  local pid=$1 deadline=$((SECONDS + $2))
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

# --- status ---------------------------------------------------------------------------------

print_status() {
  local service state rc=0
  for service in "${SERVICES[@]}"; do
    if service_is_up "$service"; then state=up; else state=down rc=1; fi
    printf '%-9s %-5s %s\n' "$service" "$state" "$(service_address "$service")"
  done
  return "$rc"
}

# --- the `services` command -----------------------------------------------------------------

cmd_services() {
  case ${1:-} in
    start)
      start_services
      print_service_env
      ;;
    stop)
      LOG_SCOPE=services
      stop_services "${SERVICES[@]}"
      ;;
    status) print_status ;;
    env) print_service_env ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}
