# cli-test-lib.sh — what the end-to-end scripts of regulars-cli share:
# running a command against $DB and checking its exit status and output.
# Sourced after the script has set CLI, WORK and DB.
#
# Copyright 2026 The Regulars authors
# SPDX-License-Identifier: GPL-3.0-or-later

CHECKS=0

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
