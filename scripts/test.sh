#!/usr/bin/env bash
# Builds the solution and runs every test project; ends with one line "N passed, N failed".
# Needs: the .NET 10 SDK and ../shared/data beside the repository (the SigmaHQ rules and samples used by tests).
# Installs: Debian libevtx-utils (evtxexport), when missing and run as root.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet (the .NET 10 SDK) is not installed; see README.md" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
if [ ! -d ../shared/data/sigma ]; then
  echo "warning: ../shared/data is missing; tests that read the shared rule tree and samples will fail" >&2
fi

# evtxexport (Debian libevtx-utils) is the reference the EVTX reader is checked against.
if ! command -v evtxexport >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
    echo "installing libevtx-utils (evtxexport) for the EVTX comparison tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libevtx-utils) >/dev/null 2>&1 \
      || echo "warning: could not install libevtx-utils; the EVTX comparison tests will fail" >&2
  else
    echo "warning: evtxexport (Debian package libevtx-utils) is missing; the EVTX comparison tests will fail" >&2
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log="$(mktemp)"
if ! dotnet build Vigil.slnx -c Release 2>&1 | tee "$log" | grep -E "error|Warn|Elapsed" | sort -u | tail -40; then :; fi
if ! grep -q "Build succeeded" "$log"; then
  echo "build failed" >&2
  tail -60 "$log" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Vigil.slnx -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=0; failed=0; skipped=0
while read -r f p s; do
  failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
done < <(grep -oE "Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+" "$log" | sed -E 's/[^0-9 ]//g; s/ +/ /g; s/^ //')
projects=$(grep -cE "Failed: +[0-9]+, Passed: +[0-9]+" "$log" || true)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "test projects: $projects, skipped: $skipped" >&2
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
