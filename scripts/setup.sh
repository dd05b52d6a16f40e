#!/usr/bin/env bash
# Prepares a fresh Debian 12 machine (as root) for ./autolab and scripts/test.sh: installs the
# Debian packages in scripts/apt-packages.txt and checks that the .NET 10 SDK is there.
# Idempotent and quick when everything is installed.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

mapfile -t packages < <(autolab_apt_packages)
autolab_ensure_apt "${packages[@]}"
autolab_log "Debian packages present: ${packages[*]}"

if command -v dotnet >/dev/null && dotnet --list-sdks | grep -q '^10\.'; then
  autolab_log ".NET SDK present: $(dotnet --version)"
else
  autolab_die "the .NET 10 SDK is missing; install it with
    curl -sSL https://dot.net/v1/dotnet-install.sh | bash -s -- --channel 10.0 --install-dir /usr/share/dotnet
    ln -sf /usr/share/dotnet/dotnet /usr/local/bin/dotnet"
fi
