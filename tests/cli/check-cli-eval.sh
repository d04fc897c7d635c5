#!/usr/bin/env bash
# check-cli-eval.sh — end-to-end test of regulars-cli eval recommend and
# report uplift: figures within their ranges on a demo restaurant, the
# temporary demo database removed, bad arguments refused.
#
# Usage: check-cli-eval.sh PATH-TO-regulars-cli
#
# Copyright 2026 The Regulars authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

. "$(dirname "$0")/cli-test-lib.sh"
cli_test_begin "$1"
mkdir "$WORK/tmp"
export TMPDIR=$WORK/tmp

REGULARS_PIN=2468 run 0 -- init --branch Main --tz UTC --country GB --owner Mia

# a demo restaurant: held-out visits scored, every figure a share
run 0 -- eval recommend --data-set demo
has "$OUT" "| demo, last visit held out | blend |"
has "$OUT" "| demo, basket completion | pair count |"
run 0 -- --json eval recommend --data-set demo
python3 - "$OUT" <<'PY' || die "bad figures: $OUT"
import json, sys
r = json.loads(sys.argv[1])
assert r["data_set"] == "demo"
for part in ("last_visit", "basket"):
    assert r[part]["cases"] > 0, part
    methods = [k for k in r[part] if k != "cases"]
    assert "blend" in methods and len(methods) == 3, methods
    for m in methods:
        for k in ("hit_rate_5", "recall_10", "ndcg_10"):
            assert 0 <= r[part][m][k] <= 1, (part, m, k)
    assert r[part]["blend"]["hit_rate_5"] > 0, part
PY
[ -z "$(ls -A "$WORK/tmp")" ] || die "the demo database was left behind: $(ls "$WORK/tmp")"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM visit")" = 0 ] || die "the demo went into the terminal's database"

# this terminal's database, still empty: no cases, no error
run 0 -- --json eval recommend
python3 -c 'import json,sys; r=json.loads(sys.argv[1]); assert r["last_visit"]["cases"] == 0 and r["basket"]["cases"] == 0' "$OUT" \
  || die "cases in an empty database: $OUT"
run 2 -- eval recommend --data-set nowhere
has "$ERR" "no data set 'nowhere'"
run 2 -- eval
has "$ERR" "eval"

# uplift without logged suggestions: nothing to compare yet; the owner's
run 2 -- report uplift
has "$ERR" "Nobody is signed in"
export REGULARS_PIN=2468
run 0 -- --staff Mia report uplift
has "$OUT" "not measurable yet"
run 0 -- --json --staff Mia report uplift --days 7
python3 -c 'import json,sys; r=json.loads(sys.argv[1]); assert r["days"] == 7 and r["shown"]["visits"] == 0 and r["held_out"]["suggestions"] == 0' "$OUT" \
  || die "uplift of an empty database: $OUT"
run 2 -- report uplift --days 0
has "$ERR" "--days"
run 2 -- report uplift extra

echo "check-cli-eval: $CHECKS checks passed"
