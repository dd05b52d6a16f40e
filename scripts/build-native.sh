#!/usr/bin/env bash
# Builds AutoLab's libtorch shim (src/AutoLab.Analysis/native) into artifacts/native/:
#
#   scripts/build-native.sh            # the last flavour built here; CPU on a fresh checkout
#   scripts/build-native.sh --cpu      # CPU build against Debian's libtorch-dev
#   scripts/build-native.sh --cuda     # CUDA build against the libtorch inside a PyTorch install
#
# Build tree: artifacts/native/build (CMake, Release); the library is copied to
# artifacts/native/lib/libautolab_torch.so, where the C# side (TorchLibrary) and MSBuild look for it.
# CMake decides what to recompile, so a second run with nothing changed takes about a second.
#
# --cuda points CMAKE_PREFIX_PATH at `python3 -c 'import torch; print(torch.utils.cmake_prefix_path)'`
# (a PyTorch wheel carries a full libtorch with CUDA and its TorchConfig.cmake) and builds into
# artifacts/native/build-cuda, so switching between the two builds does not reconfigure either.
# PYTHON selects the interpreter (default: python3). The rpath CMake records finds that libtorch's
# libraries at run time. The flavour is remembered in artifacts/native/flavour, so the plain call
# MSBuild makes after a source edit rebuilds the CUDA library rather than replacing it with a CPU one.
#
# AUTOLAB_NATIVE_OUT replaces artifacts/native (a scratch build, e.g. to time one from nothing); the
# C# side and MSBuild look only in artifacts/native/lib.
#
# Exit status: 0 built (or up to date), 3 libtorch is not installed (the message says how to get it),
# 1 anything else.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

SOURCE="$AUTOLAB_ROOT/src/AutoLab.Analysis/native"
OUT="${AUTOLAB_NATIVE_OUT:-$AUTOLAB_ROOT/artifacts/native}"
BUILD="$OUT/build"
LIB="$OUT/lib"
CUDA=0
[[ $(cat "$OUT/flavour" 2>/dev/null) == cuda ]] && CUDA=1
for arg in "$@"; do
  case "$arg" in
    --cuda) CUDA=1 ;;
    --cpu) CUDA=0 ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) autolab_die "unknown argument '$arg' (use --cpu, --cuda or --help)" ;;
  esac
done

command -v cmake >/dev/null || autolab_die "cmake is not installed: apt-get install -y --no-install-recommends cmake g++"

PREFIX=()
if ((CUDA)); then
  python="${PYTHON:-python3}"
  torch_prefix="$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)' 2>/dev/null)" || {
    autolab_log "--cuda needs PyTorch: '$python -c \"import torch\"' failed. Install a CUDA build of PyTorch (pip install torch) or set PYTHON."
    exit 3
  }
  PREFIX=("-DCMAKE_PREFIX_PATH=$torch_prefix")
  BUILD="$OUT/build-cuda"
  [[ -f $torch_prefix/Torch/TorchConfig.cmake ]] || {
    autolab_log "no TorchConfig.cmake under $torch_prefix; this PyTorch does not ship libtorch's CMake files"
    exit 3
  }
else
  # Debian's libtorch-dev installs TorchConfig.cmake here; any other location can be given through
  # CMAKE_PREFIX_PATH in the environment, which CMake reads itself.
  if ! compgen -G '/usr/lib/*/cmake/Torch/TorchConfig.cmake' >/dev/null \
    && ! compgen -G '/usr/share/cmake/Torch/TorchConfig.cmake' >/dev/null \
    && [[ -z ${CMAKE_PREFIX_PATH:-} ]]; then
    autolab_log "libtorch is not installed (no TorchConfig.cmake), so the analysis shim cannot be built.
    Install it (as root):  apt-get install -y --no-install-recommends libtorch-dev libopenblas0-pthread
    then run scripts/build-native.sh again (or rebuild; MSBuild runs this script)."
    exit 3
  fi
fi

mkdir -p "$BUILD" "$LIB"
# Two builds started together (MSBuild in two test projects, two helpers) would share one CMake
# tree; the lock makes the second wait and then find everything up to date.
exec 9>"$OUT/.build.lock"
flock 9

if [[ ! -f $BUILD/CMakeCache.txt ]]; then
  autolab_log "configuring the libtorch shim ($([[ $CUDA == 1 ]] && echo CUDA || echo CPU)) in $BUILD"
  cmake -S "$SOURCE" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release "${PREFIX[@]}" >"$BUILD/configure.log" 2>&1 || {
    cat "$BUILD/configure.log" >&2
    rm -f "$BUILD/CMakeCache.txt"   # configure again next time rather than reuse a broken cache
    autolab_die "CMake could not configure the shim (log above)"
  }
fi
# Each translation unit that includes <torch/torch.h> takes ~20 s and ~1 GB to compile; the jobs
# match the cores.
cmake --build "$BUILD" --parallel "$(nproc)" >"$BUILD/build.log" 2>&1 || {
  grep -E 'error|Error' "$BUILD/build.log" >&2 || cat "$BUILD/build.log" >&2
  autolab_die "the shim did not compile (full log: $BUILD/build.log)"
}
printf '%s\n' "$([[ $CUDA == 1 ]] && echo cuda || echo cpu)" >"$OUT/flavour"
# Replace the library only when it changed (atomically: a running test may have it mapped).
if ! cmp -s "$BUILD/libautolab_torch.so" "$LIB/libautolab_torch.so"; then
  cp "$BUILD/libautolab_torch.so" "$LIB/libautolab_torch.so.tmp"
  mv -f "$LIB/libautolab_torch.so.tmp" "$LIB/libautolab_torch.so"
  autolab_log "built $LIB/libautolab_torch.so"
else
  touch "$LIB/libautolab_torch.so"   # newer than the sources again: MSBuild's check skips the script
fi
