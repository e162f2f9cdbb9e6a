# shellcheck shell=bash
# `./dev sample`: services, the sample's .env, build, migrate, the sales database, the documents, then the sample host.
# Sourced by ./dev.

readonly SAMPLE_PROJECT=samples/SampleCompany

cmd_sample() {
  start_services
  LOG_SCOPE=sample
  export_service_env
  write_sample_env_file "$REPO_ROOT/$SAMPLE_PROJECT/.env"
  export ASPNETCORE_ENVIRONMENT=Development
  log "building $SAMPLE_PROJECT"
  dotnet build "$SAMPLE_PROJECT" -c Debug -nologo -clp:ErrorsOnly
  log "running migrations"
  dotnet run --no-build --project "$SAMPLE_PROJECT" -- migrate
  # Idempotent (same rows every run) and about two seconds, so the sales data is fresh on every start.
  log "populating the sample database"
  dotnet run --no-build --project "$SAMPLE_PROJECT" -- populate-sample-db
  # Unchanged documents are skipped by their content hash, so after the first run this embeds nothing.
  log "loading the sample documents"
  dotnet run --no-build --project "$SAMPLE_PROJECT" -- load
  local port=${IATOOLKIT_PORT:-5080}
  export ASPNETCORE_URLS=http://127.0.0.1:$port
  printf 'IAToolkit sample is starting at %s  (%s)\n' "http://127.0.0.1:$port/" \
    'Ctrl+C stops it; ./dev services stop stops the services'
  exec dotnet run --no-build --project "$SAMPLE_PROJECT"
}

random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

# 32 random bytes, base64url with padding: the key format Python's Fernet expects.
random_fernet_key() { head -c32 /dev/urandom | base64 -w0 | tr '+/' '-_'; }

# Writes the sample's .env: secrets are generated once and then kept, as is any line added by
# hand; the service lines are rewritten on every run.
write_sample_env_file() {
  local file=$1 tmp service_keys
  mkdir -p "$(dirname "$file")"
  tmp=$(mktemp "$file.XXXXXX")
  service_keys=$(service_env_lines | cut -d= -f1 | paste -sd'|')
  if [[ -f $file ]]; then
    # Drop the service lines and empty secrets; keep everything else as it is.
    grep -Ev "^(export +)?(($service_keys)=|(IATOOLKIT_SECRET_KEY|FERNET_KEY)=[[:space:]]*$)" \
      "$file" >"$tmp" || true
  else
    echo '# Local settings for the sample: ./dev sample keeps the secrets, rewrites the services' \
      >"$tmp"
    log "generating IATOOLKIT_SECRET_KEY and FERNET_KEY in ${file#"$REPO_ROOT"/}"
  fi
  grep -Eq '^(export +)?IATOOLKIT_SECRET_KEY=' "$tmp" ||
    echo "IATOOLKIT_SECRET_KEY=$(random_hex 32)" >>"$tmp"
  grep -Eq '^(export +)?FERNET_KEY=' "$tmp" ||
    echo "FERNET_KEY=$(random_fernet_key)" >>"$tmp"
  service_env_lines >>"$tmp"
  chmod 600 "$tmp"
  mv "$tmp" "$file"
  if git -C "$REPO_ROOT" rev-parse --git-dir >/dev/null 2>&1 &&
    ! git -C "$REPO_ROOT" check-ignore -q "$file"; then
    log "warning: ${file#"$REPO_ROOT"/} is not gitignored; it holds secrets"
  fi
}
