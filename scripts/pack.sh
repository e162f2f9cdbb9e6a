# shellcheck shell=bash
# `./dev pack [VERSION]`: the four NuGet packages (IAToolkit.Core, .AspNet, .Cli, .Templates) with their symbols
# into artifacts/packages. Without VERSION they take VersionPrefix from Directory.Build.props. Sourced by ./dev.

cmd_pack() {
  local version=${1:-} out=$REPO_ROOT/artifacts/packages
  local args=(IAToolkit.Packages.slnf -c Release -o "$out" -nologo -clp:ErrorsOnly)
  LOG_SCOPE=pack
  [[ -z $version ]] || args+=("-p:Version=$version")
  log "dotnet pack ${args[*]}"
  dotnet pack "${args[@]}" || die "pack failed"
  log "packages in ${out#"$REPO_ROOT"/}:"
  ls -1 "$out" >&2
}
