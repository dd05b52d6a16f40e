# Shared helpers for scripts/*.sh; source it, do not run it.
# shellcheck shell=bash

# Repository root: the folder above scripts/, wherever the checkout lives.
AUTOLAB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Per-checkout state, git-ignored (broker URI, build stamp); used by the scripts that source this.
# shellcheck disable=SC2034
AUTOLAB_STATE_DIR="$AUTOLAB_ROOT/.autolab"
AUTOLAB_APT_LIST="$AUTOLAB_ROOT/scripts/apt-packages.txt"

autolab_log() { printf '[autolab] %s\n' "$*" >&2; }
autolab_die() { printf '[autolab] error: %s\n' "$*" >&2; exit 1; }

# Prints the packages listed in scripts/apt-packages.txt, without comments.
autolab_apt_packages() {
  sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$AUTOLAB_APT_LIST"
}

# Installs those of the given Debian packages that are missing; silent and fast when all are present.
autolab_ensure_apt() {
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  ((${#missing[@]} == 0)) && return 0
  [[ $(id -u) -eq 0 ]] || autolab_die "missing Debian packages: ${missing[*]}; install them as root (sudo $AUTOLAB_ROOT/scripts/setup.sh)"
  autolab_log "installing ${missing[*]} (apt)"
  export DEBIAN_FRONTEND=noninteractive
  # Package lists older than a day (or none, on a fresh machine) are refreshed first; an install
  # that still fails gets one refresh and one more try.
  if [[ -z $(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1) ]]; then
    apt-get update -qq >/dev/null 2>&1 || autolab_log "apt-get update failed; trying the install anyway"
  fi
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || true
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || autolab_die "apt-get install ${missing[*]} failed (see the apt messages above)"
  fi
}
