#!/bin/sh
# Runs as root only long enough to prepare the data folder, then becomes the unprivileged `node` user.
set -eu

# No core dumps, soft and hard: a crashed process image would hold the log text it was reading.
ulimit -c 0

if [ "$(id -u)" = "0" ]; then
  data_dir=$(dirname "${FLIGHT_RECORDER_DB:-/data/flight-recorder.db}")
  mkdir -p "$data_dir"
  # A fresh Fly volume is mounted owned by root.
  chown node:node "$data_dir"
  chmod 0700 "$data_dir"
  exec setpriv --reuid=node --regid=node --init-groups --no-new-privs -- "$@"
fi
exec "$@"
