#!/usr/bin/env bash
# check-cli-staff.sh — end-to-end test of regulars-cli acting as a staff
# member: the first owner, staff and PINs (from the environment and from
# standard input), the lockout, guest export and erasure, member cards and
# their QR codes; every refusal leaves the database as it was.
#
# Usage: check-cli-staff.sh PATH-TO-regulars-cli
#
# Copyright 2026 The Regulars authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

. "$(dirname "$0")/cli-test-lib.sh"
cli_test_begin "$1"
unset REGULARS_PIN REGULARS_NEW_PIN
# the whole database but the clock and the audit of a sign-in (kept even
# when the command is then refused), to show a refusal changed nothing
dump () {
  sqlite3 "$DB" .dump | grep -v -e "^INSERT INTO setting VALUES('hlc'" -e "'auth.login'" \
    -e "^INSERT INTO sync_outbox VALUES([0-9]*,'audit_log'" \
    -e "^INSERT INTO sqlite_sequence VALUES('sync_outbox'" > "$1"
}
# refused STATUS [STDIN] -- ARGS…: run, and the database is unchanged
refused () {
  dump "$WORK/before"
  run "$@"
  [ -n "$ERR" ] || die "'$*' failed without a message"
  dump "$WORK/after"
  diff "$WORK/before" "$WORK/after" >&2 || die "'$*' changed the database"
}

run 0 '' -- init --branch Main --tz Asia/Shanghai --country CN

# the first owner needs nobody; then only an owner adds staff
REGULARS_NEW_PIN=2468 run 0 '' -- staff add Mei --role owner
has "$OUT" "Added Mei, owner"
refused 2 '1357\n' -- staff add Li --role waiter
has "$ERR" "Only an owner"
run 0 '2468\n1357\n' -- --staff Mei staff add Li --role waiter
run 0 '' -- --json staff list
has "$OUT" '"name":"Li"'
has "$OUT" '"role":"waiter"'
[ "$(query "SELECT count(*) FROM staff WHERE pin_hash LIKE 'pbkdf2-sha256\$%'")" = 2 ] || die "PINs not hashed"
[ "$(query "SELECT count(*) FROM staff WHERE pin_hash LIKE '%1357%' OR pin_hash LIKE '%2468%'")" = 0 ] \
  || die "a PIN is stored in clear"

# bad PINs: letters, too short, none at all — refused, nothing written
REGULARS_PIN=12a4 refused 2 '' -- --staff Mei staff audit
has "$ERR" "4 to 8 digits"
REGULARS_PIN=24 refused 2 '' -- --staff Mei staff audit
refused 2 '' -- --staff Mei staff audit
has "$ERR" "REGULARS_PIN"
refused 1 '' -- --staff Nobody staff audit
REGULARS_NEW_PIN=99 refused 2 '2468\n' -- --staff Mei staff add Bo --role host
refused 2 '' -- --staff Mei staff add Bo --role chef

# a waiter may not read the audit, export or erase
REGULARS_PIN=1357 run 2 '' -- --staff Li staff audit
has "$ERR" "Waiter Li may not read the audit log"

# five wrong PINs lock Li out, even with the right one after
for i in 1 2 3 4; do
  REGULARS_PIN=0000 run 2 '' -- --staff Li staff audit
  has "$ERR" "Wrong PIN for Li"
done
REGULARS_PIN=0000 run 2 '' -- --staff Li staff audit
has "$ERR" "try again in 30 seconds"
REGULARS_PIN=1357 refused 2 '' -- --staff Li staff audit
has "$ERR" "locked out"

# cards: issue, show, check at the door, a cut or forged payload refused
run 0 '' -- --json guest add --name "Zhang Wei" --phone 13800138000 --birthday 1980-05-17
GUEST=$(printf '%s' "$OUT" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
[ -n "$GUEST" ] || die "no guest id in: $OUT"
run 0 '' -- card issue "$GUEST" --svg "$WORK/card.svg"
has "$OUT" "█"
has "$(cat "$WORK/card.svg")" "<svg"
run 0 '' -- --json card show "$GUEST"
PAYLOAD=$(printf '%s' "$OUT" | sed -n 's/.*"payload":"\([^"]*\)".*/\1/p')
NUMBER=$(printf '%s' "$OUT" | sed -n 's/.*"number":"\([^"]*\)".*/\1/p')
has "$PAYLOAD" "RG1.$NUMBER."
run 0 '' -- card check "$PAYLOAD"
has "$OUT" "Zhang Wei"
refused 2 '' -- card check "${PAYLOAD%????}"
has "$ERR" "cut short"
refused 2 '' -- card check "${PAYLOAD%?}$( [ "${PAYLOAD: -1}" = A ] && echo B || echo A)"
has "$ERR" "forged"

# re-issue: a new number, the old card refused
run 0 '' -- --json card issue "$GUEST" --replace
has "$OUT" '"payload"'
refused 2 '' -- card check "$PAYLOAD"
has "$ERR" "revoked"

# export and erasure: the owner only, erasure only with --yes
refused 2 '' -- guest export "$GUEST"
REGULARS_PIN=2468 run 0 '' -- --staff Mei guest export "$GUEST"
has "$OUT" '"format" : "regulars-guest-export/1"'
has "$OUT" "1980-05-17"
REGULARS_PIN=2468 refused 2 '' -- --staff Mei guest forget "$GUEST"
has "$ERR" "--yes"
REGULARS_PIN=2468 run 0 '' -- --staff Mei guest forget "$GUEST" --yes
run 1 '' -- lookup Zhang
run 1 '' -- lookup 13800138000
[ "$(query "SELECT count(*) FROM guest WHERE name = 'Zhang Wei' OR birthday IS NOT NULL")" = 0 ] \
  || die "the guest's data survived the erasure"
REGULARS_PIN=2468 refused 1 '' -- --staff Mei guest forget "$GUEST" --yes

# the owner reads it all in the audit log
REGULARS_PIN=2468 run 0 '' -- --staff Mei staff audit --limit 0
for action in staff.add auth.login auth.login_failed auth.lockout guest.export guest.erase; do
  has "$OUT" "$action"
done

# disabling: not the last owner; a disabled waiter cannot sign in
REGULARS_PIN=2468 refused 2 '' -- --staff Mei staff disable Mei
REGULARS_PIN=2468 run 0 '' -- --staff Mei staff disable Li
sqlite3 "$DB" "UPDATE local_staff_lockout SET locked_until_ms = 0"
REGULARS_PIN=1357 refused 2 '' -- --staff Li staff audit
has "$ERR" "disabled"

echo "check-cli-staff: $CHECKS checks passed"
