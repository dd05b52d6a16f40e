#!/usr/bin/env bash
# A loopback-only RabbitMQ broker for AutoLab, run without systemd.
#
#   scripts/rabbitmq.sh start    install rabbitmq-server if missing, start the broker (idempotent),
#                                ensure the user "autolab", write .autolab/rabbitmq.uri (mode 600)
#   scripts/rabbitmq.sh stop     stop the broker (idempotent)
#   scripts/rabbitmq.sh status   print running/stopped and the URI with the password masked
#
# Environment:
#   AUTOLAB_RABBITMQ_PORT      AMQP port on 127.0.0.1 (default 5672)
#   AUTOLAB_RABBITMQ_PASSWORD  password for user "autolab" (default: random, kept across restarts)
#   AUTOLAB_RABBITMQ_DIR       broker state folder readable by user rabbitmq (default /var/lib/rabbitmq/autolab)
#
# The password is never printed and never passed on a command line: the user is imported as a
# salted SHA-256 hash through rabbitmqctl import_definitions.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

PORT="${AUTOLAB_RABBITMQ_PORT:-5672}"
if ! [[ $PORT =~ ^[0-9]+$ ]] || ((PORT < 1 || PORT > 65535)); then
  autolab_die "AUTOLAB_RABBITMQ_PORT must be a TCP port number (1-65535), got '$PORT'"
fi
BROKER_DIR="${AUTOLAB_RABBITMQ_DIR:-/var/lib/rabbitmq/autolab}"
URI_FILE="$AUTOLAB_STATE_DIR/rabbitmq.uri"
# Kept beside the broker rather than in the checkout, so several checkouts on one machine share
# one broker without resetting each other's password. Root-only (mode 600).
PASSWORD_FILE="$BROKER_DIR/autolab.password"
AMQP_USER=autolab

export RABBITMQ_NODENAME=rabbit@localhost
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$PORT"
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_PID_FILE="$BROKER_DIR/rabbit.pid"
export RABBITMQ_CONFIG_FILE="$BROKER_DIR/rabbitmq.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$BROKER_DIR/enabled_plugins"

broker_pid() {
  local pid
  [[ -r $RABBITMQ_PID_FILE ]] || return 1
  pid="$(tr -dc '0-9' <"$RABBITMQ_PID_FILE")"
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && printf '%s\n' "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

write_config() {
  install -d -o rabbitmq -g rabbitmq -m 755 "$BROKER_DIR"
  # Loopback only: AMQP and the Erlang distribution listener bind 127.0.0.1; no plugins, so no
  # management UI or Prometheus endpoint either.
  cat >"$RABBITMQ_CONFIG_FILE" <<EOF
listeners.tcp.default = 127.0.0.1:$PORT
distribution.listener.interface = 127.0.0.1
loopback_users.guest = true
EOF
  printf '[].\n' >"$RABBITMQ_ENABLED_PLUGINS_FILE"
  printf '%s\n' "$PORT" >"$BROKER_DIR/port"
  chown rabbitmq:rabbitmq "$RABBITMQ_CONFIG_FILE" "$RABBITMQ_ENABLED_PLUGINS_FILE" "$BROKER_DIR/port"
}

# Writes hex digits as bytes. (sed rather than ${1//??/...}: "&" in a replacement needs bash 5.2.)
# shellcheck disable=SC2001
hex_bytes() { printf '%b' "$(sed 's/../\\x&/g' <<<"$1")"; }

# RabbitMQ's rabbit_password_hashing_sha256: base64(salt ++ sha256(salt ++ password)), 4-byte salt.
password_hash() {
  local salt digest
  salt="$(od -An -tx1 -N4 /dev/urandom | tr -d ' \n')"
  digest="$({ hex_bytes "$salt"; printf '%s' "$1"; } | sha256sum | cut -c1-64)"
  hex_bytes "$salt$digest" | base64 -w0
}

# Percent-encodes a URI userinfo component.
uri_escape() {
  local s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [A-Za-z0-9._~-]) out+="$c" ;;
      *) out+="$(printf '%%%02X' "'$c")" ;;
    esac
  done
  printf '%s' "$out"
}

choose_password() {
  if [[ -n ${AUTOLAB_RABBITMQ_PASSWORD:-} ]]; then
    printf '%s' "$AUTOLAB_RABBITMQ_PASSWORD"
  elif [[ -s $PASSWORD_FILE ]]; then
    cat "$PASSWORD_FILE"
  else
    # 32 alphanumerics (~190 bits); alphanumeric so the URI needs no escaping.
    tr -dc 'A-Za-z0-9' </dev/urandom | head -c 32 || true
  fi
}

ensure_user() {
  local password definitions
  password="$(choose_password)"
  (umask 077 && printf '%s' "$password" >"$PASSWORD_FILE")
  definitions="$(mktemp "$BROKER_DIR/definitions.XXXXXX.json")"
  cat >"$definitions" <<EOF
{"users": [{"name": "$AMQP_USER", "password_hash": "$(password_hash "$password")",
            "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": []}],
 "permissions": [{"user": "$AMQP_USER", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"}]}
EOF
  chown rabbitmq:rabbitmq "$definitions"
  chmod 600 "$definitions"
  if ! rabbitmqctl -q import_definitions "$definitions" >/dev/null; then
    rm -f "$definitions"
    autolab_die "could not create RabbitMQ user '$AMQP_USER' (rabbitmqctl import_definitions failed)"
  fi
  rm -f "$definitions"
  # The stock guest/guest account is a hard-coded credential; nothing in AutoLab uses it.
  rabbitmqctl -q delete_user guest >/dev/null 2>&1 || true
  mkdir -p "$AUTOLAB_STATE_DIR"
  (umask 077 && printf 'amqp://%s:%s@127.0.0.1:%s/\n' "$AMQP_USER" "$(uri_escape "$password")" "$PORT" >"$URI_FILE.tmp")
  mv -f "$URI_FILE.tmp" "$URI_FILE"
}

start() {
  [[ $(id -u) -eq 0 ]] || autolab_die "scripts/rabbitmq.sh start must run as root (it runs the broker as user rabbitmq)"
  autolab_ensure_apt rabbitmq-server
  local pid running_port
  if pid="$(broker_pid)"; then
    running_port="$(cat "$BROKER_DIR/port" 2>/dev/null || echo '?')"
    [[ $running_port == "$PORT" ]] \
      || autolab_die "broker already running on port $running_port (pid $pid); run 'scripts/rabbitmq.sh stop' first to change to $PORT"
  else
    port_open "$PORT" && autolab_die "127.0.0.1:$PORT is already in use by another process; set AUTOLAB_RABBITMQ_PORT to a free port"
    write_config
    rm -f "$RABBITMQ_PID_FILE"
    autolab_log "starting RabbitMQ on 127.0.0.1:$PORT"
    rabbitmq-server -detached >/dev/null 2>&1 || true
    if ! rabbitmqctl -q wait "$RABBITMQ_PID_FILE" --timeout 120 >/dev/null 2>&1; then
      tail -n 30 "/var/log/rabbitmq/$RABBITMQ_NODENAME.log" >&2 2>/dev/null || true
      autolab_die "RabbitMQ did not start within 120 s (log: /var/log/rabbitmq/$RABBITMQ_NODENAME.log)"
    fi
  fi
  ensure_user
  autolab_log "RabbitMQ running: $(masked_uri); URI in ${URI_FILE#"$AUTOLAB_ROOT"/}"
}

stop() {
  local pid
  if pid="$(broker_pid)"; then
    autolab_log "stopping RabbitMQ (pid $pid)"
    rabbitmqctl -q stop "$RABBITMQ_PID_FILE" >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
  fi
  # epmd outlives the node; stop it too so nothing of ours keeps listening.
  epmd -kill >/dev/null 2>&1 || true
  rm -f "$RABBITMQ_PID_FILE"
}

masked_uri() {
  if [[ -r $URI_FILE ]]; then
    sed -E 's#^(amqp://[^:/@]*:)[^@]*@#\1****@#' "$URI_FILE"
  else
    printf 'amqp://%s:****@127.0.0.1:%s/ (no %s yet)\n' "$AMQP_USER" "$PORT" "${URI_FILE#"$AUTOLAB_ROOT"/}"
  fi
}

status() {
  local pid
  if pid="$(broker_pid)"; then
    printf 'running (pid %s) %s\n' "$pid" "$(masked_uri)"
  else
    printf 'stopped\n'
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) printf 'usage: %s start|stop|status\n' "$0" >&2; exit 2 ;;
esac
