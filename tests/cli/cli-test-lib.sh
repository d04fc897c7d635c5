# cli-test-lib.sh — what the end-to-end scripts of regulars-cli share:
# running a command against $DB and checking its exit status and output.
# Sourced first; the script then sets CLI, WORK and DB itself, or through
# cli_test_begin.
#
# Copyright 2026 The Regulars authors
# SPDX-License-Identifier: GPL-3.0-or-later

CHECKS=0

# cli_test_begin PATH-TO-regulars-cli: CLI; WORK, a new folder removed at
# exit; DB, a database in it; the XDG data folder in WORK, the clock in UTC.
cli_test_begin () {
  CLI=$1
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
  DB=$WORK/regulars.db
  export XDG_DATA_HOME=$WORK/xdg TZ=UTC
}

die () { echo "FAIL: $*" >&2; exit 1; }

# run STATUS [STDIN] -- ARGS…: regulars-cli --db $DB ARGS… with STDIN (printf
# escapes allowed; nothing when left out) on its standard input; its exit
# status must be STATUS; its output is kept in $OUT and $ERR.
run () {
  local want=$1 input='' rc=0
  shift
  if [ "$1" != "--" ]; then input=$1; shift; fi
  shift
  printf '%b' "$input" | "$CLI" --db "$DB" "$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
  OUT=$(cat "$WORK/out")
  ERR=$(cat "$WORK/err")
  [ "$rc" -eq "$want" ] || die "'$*' exited $rc, not $want: $ERR"
  CHECKS=$((CHECKS + 1))
}

has () { case "$1" in *"$2"*) ;; *) die "no '$2' in: $1" ;; esac; }
query () { sqlite3 "$DB" "$1"; }
