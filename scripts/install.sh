# shellcheck shell=bash
# Installs what the local services need, each piece only when it is missing. Sourced by ./dev.

readonly PGVECTOR_CONTROL=/usr/share/postgresql/$PG_VERSION/extension/vector.control
readonly S3RVER_DIR=$CACHE_DIR/s3rver-$S3RVER_VERSION
readonly S3RVER_BIN=$S3RVER_DIR/node_modules/.bin/s3rver
readonly SMTP4DEV_DIR=$CACHE_DIR/smtp4dev-$SMTP4DEV_VERSION
readonly SMTP4DEV_BIN=$SMTP4DEV_DIR/smtp4dev

install_missing_tools() {
  mkdir -p "$CACHE_DIR" "$LOG_DIR"
  # One installer at a time per cache, even across clones (services we start close fd 8).
  exec 8>"$CACHE_DIR/.install.lock"
  flock -w 600 8 || die "timed out waiting for another ./dev installing into $CACHE_DIR"
  install_debian_packages
  install_pgvector
  install_s3rver
  install_smtp4dev
  exec 8>&-
}

package_installed() {
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == *'ok installed' ]]
}

apt_get() {
  quietly as_root env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 "$@"
}

install_debian_packages() {
  local missing=() pkg
  # wrk: the load driver of the overhead benchmark (benchmarks/IAToolkit.Benchmarks overhead).
  # chromium: the browser the browser tests drive (tests/IAToolkit.Browser.Tests) through Playwright's
  # ExecutablePath, so no `playwright install` download is needed.
  for pkg in "postgresql-$PG_VERSION" "postgresql-server-dev-$PG_VERSION" redis-server wrk chromium; do
    package_installed "$pkg" || missing+=("$pkg")
  done
  ((${#missing[@]} > 0)) || return 0
  log "installing ${missing[*]} (apt, log: $INSTALL_LOG)"
  apt_get update
  apt_get install -y --no-install-recommends "${missing[@]}"
}

# The system's Debian mirror, e.g. http://deb.debian.org/debian
debian_mirror() {
  local sources=/etc/apt/sources.list.d/debian.sources
  if [[ -f $sources ]]; then
    awk '/^URIs:/ { print $2; exit }' "$sources"
  elif [[ -f /etc/apt/sources.list ]]; then
    awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' \
      /etc/apt/sources.list
  fi
}

# pgvector is not packaged for bookworm: build Debian trixie's source package against PG 15.
# The trixie deb-src list lives in a throwaway apt folder; the system's sources are untouched.
install_pgvector() {
  [[ -f $PGVECTOR_CONTROL ]] && return 0
  local dir=$CACHE_DIR/pgvector
  local tarballs=("$dir"/pgvector_*.orig.tar.*)
  if [[ ! -f ${tarballs[0]} ]]; then
    log "downloading pgvector source (Debian trixie)"
    download_pgvector_source "$dir"
    tarballs=("$dir"/pgvector_*.orig.tar.*)
    [[ -f ${tarballs[0]} ]] ||
      die "apt-get source pgvector left no orig tarball in $dir; see $INSTALL_LOG"
  fi
  log "building pgvector from ${tarballs[0]##*/}"
  rm -rf "$dir/build"
  mkdir -p "$dir/build"
  tar -xf "${tarballs[0]}" -C "$dir/build"
  local srcs=("$dir"/build/pgvector-*/)
  [[ -d ${srcs[0]} ]] || die "no pgvector-* folder in ${tarballs[0]}"
  local make_args=(-C "${srcs[0]}" PG_CONFIG="$PGBIN/pg_config" OPTFLAGS="" with_llvm=no)
  quietly make -j"$(nproc)" "${make_args[@]}"
  quietly as_root make "${make_args[@]}" install
}

download_pgvector_source() {
  local dir=$1 mirror apt_dir=$CACHE_DIR/apt-trixie-src
  mirror=$(debian_mirror)
  [[ -n $mirror ]] || die "cannot find the Debian mirror in /etc/apt/sources.list.d/debian.sources"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$dir"
  printf 'deb-src %s trixie main\n' "$mirror" >"$apt_dir/sources.list"
  local apt_opts=(
    -o "Dir::Etc::sourcelist=$apt_dir/sources.list" -o Dir::Etc::sourceparts=-
    -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
  )
  quietly as_root apt-get -q "${apt_opts[@]}" update
  (cd "$dir" && quietly as_root apt-get -q "${apt_opts[@]}" source --download-only pgvector)
}

install_s3rver() {
  [[ -x $S3RVER_BIN ]] && return 0
  command -v npm >/dev/null 2>&1 || die "npm is needed to install s3rver; install nodejs and npm"
  log "installing s3rver $S3RVER_VERSION (npm)"
  mkdir -p "$S3RVER_DIR"
  quietly npm install --prefix "$S3RVER_DIR" --no-audit --no-fund --no-update-notifier \
    "s3rver@$S3RVER_VERSION"
}

install_smtp4dev() {
  [[ -x $SMTP4DEV_BIN ]] && return 0
  log "installing smtp4dev $SMTP4DEV_VERSION (dotnet tool)"
  quietly dotnet tool install --tool-path "$SMTP4DEV_DIR" Rnwood.Smtp4dev \
    --version "$SMTP4DEV_VERSION"
}
