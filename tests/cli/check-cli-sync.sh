#!/usr/bin/env bash
# check-cli-sync.sh — end-to-end test of regulars-cli enrol and sync without
# a store: bad addresses and codes are refused with a clear message and
# status, sync refuses a terminal that is not enrolled, and the sync loop
# keeps going when the store cannot be reached until SIGTERM stops it.
#
# Usage: check-cli-sync.sh PATH-TO-regulars-cli
#
# Copyright 2026 The Regulars authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

CLI=$1
WORK=$(mktemp -d)
LOOP=
cleanup () { [ -z "$LOOP" ] || kill "$LOOP" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
DB=$WORK/regulars.db
export XDG_DATA_HOME=$WORK/xdg TZ=UTC
. "$(dirname "$0")/cli-test-lib.sh"

REGULARS_PIN=2468 run 0 -- init --branch Main --tz UTC --country GB --owner Mia

# not enrolled: sync says what to do
run 2 -- sync --once
has "$ERR" "not enrolled"
run 2 -- sync
has "$ERR" "regulars-cli enrol"

# bad enrolments: wrong arguments, not https, nobody listening
run 2 -- enrol https://127.0.0.1:1
has "$ERR" "CODE"
run 2 -- enrol http://127.0.0.1:1 ABCD-1234
has "$ERR" "Nobody is signed in"
REGULARS_PIN=2468 run 2 -- --staff Mia enrol http://127.0.0.1:1 ABCD-1234
has "$ERR" "https"
run 2 -- sync --interval 0
REGULARS_PIN=2468 run 3 -- --staff Mia enrol https://127.0.0.1:1 ABCD-1234
[ -n "$ERR" ] || die "enrol to a closed port failed without a message"
[ "$(query "SELECT count(*) FROM setting WHERE key LIKE 'sync.%'")" = 0 ] \
  || die "a refused enrolment saved settings"

# an enrolled terminal whose store is down: --once fails with status 3,
# the loop reports each round and goes on until SIGTERM
query "INSERT INTO setting VALUES ('sync.url', 'https://127.0.0.1:1'), ('sync.token', 'tok')"
run 3 -- sync --once
[ -n "$ERR" ] || die "sync to a closed port failed without a message"
run 0 -- guest add --name "Ann Lee" --phone "+44 7700 900123"
"$CLI" --db "$DB" sync --interval 1 >"$WORK/out" 2>"$WORK/err" </dev/null &
LOOP=$!
for _ in $(seq 120); do
  [ "$(grep -c 'trying again' "$WORK/err" || true)" -ge 2 ] && break
  kill -0 "$LOOP" 2>/dev/null || break
  sleep 0.5
done
[ "$(grep -c 'trying again' "$WORK/err" || true)" -ge 2 ] \
  || die "the sync loop did not go on after a failed round: $(cat "$WORK/err")"
kill -TERM "$LOOP"
rc=0
wait "$LOOP" || rc=$?
LOOP=
[ "$rc" -eq 0 ] || die "the sync loop exited $rc on SIGTERM, not 0"
CHECKS=$((CHECKS + 1))
[ "$(query "SELECT count(*) FROM sync_outbox")" -gt 0 ] || die "the outbox lost changes that were never sent"

echo "check-cli-sync: $CHECKS checks passed"
