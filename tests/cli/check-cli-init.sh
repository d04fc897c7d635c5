#!/usr/bin/env bash
# check-cli-init.sh — end-to-end test of regulars-cli init --owner: the
# first owner and their PIN (from REGULARS_PIN or standard input), made with
# the branch in one step; a bad PIN or a second first owner changes nothing.
#
# Usage: check-cli-init.sh PATH-TO-regulars-cli
#
# Copyright 2026 The Regulars authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

. "$(dirname "$0")/cli-test-lib.sh"
cli_test_begin "$1"
unset REGULARS_PIN REGULARS_NEW_PIN

# no PIN, or a bad one: refused before anything is written
run 2 '' -- init --branch Main --tz Europe/London --country GB --owner Mei
has "$ERR" "REGULARS_PIN"
[ ! -e "$DB" ] || die "a refused init made a database"
REGULARS_PIN=12a4 run 2 '' -- init --branch Main --tz Europe/London --country GB --owner Mei
has "$ERR" "4 to 8 digits"
[ ! -e "$DB" ] || die "a refused init made a database"

# the PIN from standard input
run 0 '2468\n' -- --json init --branch Main --tz Europe/London --country GB --owner Mei
has "$OUT" '"owner":"Mei"'
[ "$(query "SELECT count(*) FROM staff WHERE name = 'Mei' AND role = 'owner' AND pin_hash LIKE 'pbkdf2-sha256\$%'")" = 1 ] \
  || die "no owner Mei with a hashed PIN: $(query 'SELECT name, role FROM staff')"
[ "$(query "SELECT count(*) FROM branch WHERE name = 'Main' AND tz = 'Europe/London'")" = 1 ] || die "no branch Main"

# the owner signs in with that PIN and adds staff
run 0 '2468\n1357\n' -- --staff Mei staff add Li --role waiter
REGULARS_PIN=9999 run 2 "" -- --staff Mei staff audit
[ "$(query "SELECT count(*) FROM staff")" = 2 ] || die "Li was not added"

# a second first owner is refused, and the branch is not renamed either
# (the whole database but the clock is compared)
sqlite3 "$DB" .dump | grep -v "^INSERT INTO setting VALUES('hlc'" > "$WORK/before"
REGULARS_PIN=1111 run 2 '' -- init --branch Other --tz Asia/Shanghai --owner Bo
[ -n "$ERR" ] || die "a second owner was refused without a message"
sqlite3 "$DB" .dump | grep -v "^INSERT INTO setting VALUES('hlc'" > "$WORK/after"
diff "$WORK/before" "$WORK/after" >&2 || die "a refused init changed the database"

# from the environment, on a fresh terminal
rm -f "$DB"*
REGULARS_PIN=8642 run 0 '' -- init --branch Main --tz UTC --country GB --owner "张伟"
has "$OUT" "张伟 is the owner"
REGULARS_PIN=8642 run 0 "" -- --staff "张伟" staff audit
has "$OUT" "张伟"

echo "check-cli-init: $CHECKS checks passed"
