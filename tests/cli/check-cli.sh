#!/usr/bin/env bash
# check-cli.sh — end-to-end test of regulars-cli: every command, its output
# and exit status, and for every refused command (bad phone, empty name,
# unknown id, invalid UTF-8, unknown option, missing argument, read-only,
# locked or corrupt database) that the database is exactly as before.
#
# Usage: check-cli.sh PATH-TO-regulars-cli
#
# Copyright 2026 The Regulars authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

CLI=$1
WORK=$(mktemp -d)
LOCKER_PID=
cleanup () {
  if [ -n "$LOCKER_PID" ]; then kill "$LOCKER_PID" 2>/dev/null || true; fi
  chmod -R u+w "$WORK" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

DB=$WORK/regulars.db
export XDG_DATA_HOME=$WORK/xdg
export TZ=UTC
CHECKS=0

fail () {
  echo "FAIL: $*" >&2
  exit 1
}

# expect STATUS COMMAND…: runs it, keeps its output in $OUT and $ERR.
expect () {
  local want=$1 rc=0
  shift
  "$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
  OUT=$(cat "$WORK/out")
  ERR=$(cat "$WORK/err")
  [ "$rc" -eq "$want" ] || fail "'$*' exited $rc instead of $want; stderr: $ERR"
  if [ "$want" -ne 0 ]; then
    [ -n "$ERR" ] || fail "'$*' failed without a message"
    [ "$(printf '%s\n' "$ERR" | wc -l)" -eq 1 ] || fail "'$*' printed more than one line of error: $ERR"
  fi
  CHECKS=$((CHECKS + 1))
}

contains () {
  case "$1" in
    *"$2"*) ;;
    *) fail "expected '$2' in: $1" ;;
  esac
}

lacks () {
  case "$1" in
    *"$2"*) fail "did not expect '$2' in: $1" ;;
    *) ;;
  esac
}

cli () {
  "$CLI" --db "$DB" "$@"
}

# The owner, made after init, signs in for what needs a permission.
boss () {
  REGULARS_PIN=2468 "$CLI" --db "$DB" --staff Mia "$@"
}

# The database's content; the terminal's clock floor (setting 'hlc') is
# bookkeeping and may move on any open.
# A refused command changes nothing but the audit of who signed in.
snapshot () {
  sqlite3 "${2:-$DB}" .dump |
    grep -v -e "^INSERT INTO setting VALUES('hlc'" -e "^INSERT INTO audit_log " -e "'audit_log'" \
      -e "^INSERT INTO sqlite_sequence VALUES('sync_outbox'" > "$1"
}

# refused STATUS COMMAND…: the command fails with STATUS and changes nothing.
refused () {
  snapshot "$WORK/before"
  expect "$@"
  snapshot "$WORK/after"
  cmp -s "$WORK/before" "$WORK/after" || fail "'${*:2}' was refused but changed the database"
}

# json_get KEY: the first string value of KEY in $OUT.
json_get () {
  printf '%s\n' "$OUT" | grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | sed 's/^[^:]*:"\(.*\)"$/\1/'
}

count () {
  sqlite3 "${2:-$DB}" "$1"
}

# A card number: 11 digits and their Luhn check digit.
luhn () {
  local payload=$1 sum=0 k=0 i d
  for ((i = ${#payload} - 1; i >= 0; i--)); do
    d=${payload:i:1}
    if [ $((k % 2)) -eq 0 ]; then
      d=$((d * 2))
      if [ "$d" -gt 9 ]; then d=$((d - 9)); fi
    fi
    sum=$((sum + d))
    k=$((k + 1))
  done
  echo "$payload$(((10 - sum % 10) % 10))"
}

echo "== usage"
expect 2 "$CLI"
expect 0 "$CLI" --help
contains "$OUT" "lookup"
expect 2 "$CLI" --db "$DB" frobnicate
contains "$ERR" "no command"
expect 2 "$CLI" --db
expect 2 "$CLI" --db --json lookup 8000
contains "$ERR" "--db needs"
[ ! -e ./--json ] || fail "--db took the next option as the file name"
expect 0 "$CLI" --db "$DB" guest --help
contains "$OUT" "merge"

echo "== init"
expect 2 "$CLI" --db "$DB" init --bogus
contains "$ERR" "bogus"
expect 2 "$CLI" --db "$DB" init --tz
expect 0 cli init --branch Riverside --tz Asia/Shanghai --country cn
contains "$OUT" "Riverside"
expect 0 cli --json init
contains "$OUT" '"country":"CN"'
contains "$OUT" '"tz":"Asia/Shanghai"'
BRANCH=$(json_get branch_id)
[ -n "$BRANCH" ] || fail "init gave no branch id"
refused 2 cli init --tz Mars/Olympus
refused 2 cli init --country ZZ
refused 2 cli init --branch ""
refused 2 cli init --branch $'Rive\xffrside'
expect 0 cli init --country US
expect 0 cli --json init
contains "$OUT" '"country":"US"'
expect 0 cli init --country CN
[ "$(count "SELECT count(*) FROM branch")" -eq 1 ] || fail "init made a second branch"
# the default database lives in the XDG data folder, made on demand
expect 0 "$CLI" init --branch Harbour --tz Europe/London
[ -f "$XDG_DATA_HOME/regulars/regulars.db" ] || fail "no database in the XDG data folder"

echo "== menu"
REGULARS_PIN=2468 expect 0 cli init --owner Mia
refused 2 cli menu add --name "Ghost" --price 5
contains "$ERR" "Nobody is signed in"
expect 0 boss menu add --name "Kung Pao Chicken 宫保鸡丁" --price 48 --cost 14.40 --category "Hot dishes" \
  --allergen peanut --allergen soy --tag spicy
contains "$OUT" "48.00"
expect 0 boss menu add --name "Mapo Tofu" --price 36.5 --category "Hot dishes" --allergen soy --tag spicy
expect 0 boss menu add --name "Jasmine Tea" --price 18 --category Drinks
refused 2 boss menu add --name "" --price 5
refused 2 boss menu add --name "Ghost" --price -3
refused 2 boss menu add --name "Ghost" --price 12abc
refused 2 boss menu add --name "Ghost"
refused 2 boss menu add --name "mapo tofu" --price 30
refused 2 boss menu add --name $'Bad\xff' --price 3
expect 0 cli menu list
contains "$OUT" "宫保鸡丁"
contains "$OUT" "36.50"
expect 0 cli --json menu list --category Drinks
contains "$OUT" '"name":"Jasmine Tea"'
lacks "$OUT" "Mapo"
expect 0 boss menu 86 "Mapo Tofu"
contains "$OUT" "86'd"
refused 1 boss menu 86 "Peking Duck"
expect 0 boss menu 86 "Mapo Tofu" --back
lacks "$OUT" "86'd"

echo "== tables"
expect 0 boss tables add --name 1 --seats 4 --zone window --feature view
expect 0 boss tables add --name 2 --seats 2
expect 0 boss tables add --name 3 --seats 8 --zone main --round
refused 2 boss tables add --name 4 --seats 0
refused 2 boss tables add --name 1 --seats 4
refused 1 boss tables add --name 5 --seats 4 --zone nowhere
refused 2 boss tables add --seats 4
expect 0 cli tables list
contains "$OUT" "free"
expect 0 cli --json tables list
contains "$OUT" '"zone_kind":"window"'
expect 0 cli tables suggest --party 3
contains "$OUT" "seats"
refused 2 cli tables suggest --party 0
refused 1 cli tables suggest --party 20

echo "== guests"
CARD=$(luhn 80000000001)
BADCARD=${CARD%?}$(((${CARD: -1} + 1) % 10))
expect 0 cli --json guest add --name 张伟 --phone "138 0013 8000" --card "$CARD" --tag spicy \
  --allergy peanut:anaphylactic --birthday 1985-04-12 --zone window
G1=$(json_get id)
contains "$OUT" '"phones":["+8613800138000"]'
expect 0 cli --json guest add --name "Zoë Dubois" --phone "+44 20 7946 0018" --language fr
G2=$(json_get id)
refused 2 cli guest add --name "Li Na" --phone 12ab
refused 2 cli guest add --name "" --phone 13900139000
refused 2 cli guest add --name "   "
refused 2 cli guest add --name $'Li \xff Na'
refused 2 cli guest add --phone 13900139000
refused 2 cli guest add --name "Li Na" --phone 13800138000
refused 2 cli guest add --name "Li Na" --card "$BADCARD"
refused 2 cli guest add --name "Li Na" --card "$CARD"
refused 2 cli guest add --name "Li Na" --birthday 2023-02-30
refused 2 cli guest add --name "Li Na" --allergy peanut:deadly
refused 1 cli guest add --name "Li Na" --like "Peking Duck"
refused 2 cli guest add --name "Li Na" --colour blue
expect 0 cli guest add --name "Li Na" --phone 13900139000

echo "== lookup"
expect 0 cli lookup "+86 138-0013-8000"
contains "$OUT" "张伟"
contains "$OUT" "phone"
expect 0 cli lookup 8000
contains "$OUT" "张伟"
expect 0 cli lookup zoe
contains "$OUT" "Zoë Dubois"
expect 0 cli lookup "$CARD"
contains "$OUT" "card"
expect 0 cli --json lookup 张
contains "$OUT" '"name":"张伟"'
contains "$OUT" "\"id\":\"$G1\""
expect 1 cli lookup nobody
expect 1 cli --json lookup nobody
contains "$OUT" '"matches":[]'
expect 2 cli lookup $'\xff\xfe'
expect 2 cli lookup
expect 2 cli lookup a b
printf '13800138000\nzoe\nnobody\n\xff\n' > "$WORK/queries"
expect 0 cli lookup --batch < "$WORK/queries"
[ "$(printf '%s\n' "$OUT" | wc -l)" -eq 4 ] || fail "lookup --batch gave not one line per query: $OUT"
contains "$(printf '%s\n' "$OUT" | sed -n 1p)" '"name":"张伟"'
contains "$(printf '%s\n' "$OUT" | sed -n 2p)" '"name":"Zoë Dubois"'
contains "$(printf '%s\n' "$OUT" | sed -n 3p)" '"matches":[]'
contains "$(printf '%s\n' "$OUT" | sed -n 4p)" '"error":'

echo "== guest show and edit"
expect 0 cli guest show "$G1"
contains "$OUT" "张伟"
contains "$OUT" "peanut"
contains "$OUT" "anaphylactic"
contains "$OUT" "no visits yet"
expect 0 cli --json guest show "$G1"
contains "$OUT" '"kind":"allergy"'
contains "$OUT" '"history":[]'
refused 1 cli guest show 0192d9b0-3c1f-7abc-8def-0123456789ab
refused 1 cli guest show nobody
refused 2 cli guest show
expect 0 cli guest edit "$G1" --tag sweet-sour --like "Mapo Tofu" --vip --note "喜欢靠窗"
expect 0 cli --json guest show "$G1"
contains "$OUT" '"vip":true'
contains "$OUT" '"value":"sweet-sour"'
contains "$OUT" '"label":"Mapo Tofu"'
refused 2 cli guest edit "$G1" --birthday 1985-13-01
refused 2 cli guest edit "$G1" --name ""
refused 2 cli guest edit "$G1" --phone "+44 20 7946 0018"
refused 1 cli guest edit 0192d9b0-3c1f-7abc-8def-0123456789ab --vip

echo "== visits"
expect 0 cli --json visit seat --table 1 --guest "$G1" --party 2
V1=$(json_get id)
contains "$OUT" '"status":"open"'
refused 2 cli visit seat --table 1 --party 2
refused 1 cli visit seat --table 99 --party 2
refused 1 cli visit seat --table 2 --guest 0192d9b0-3c1f-7abc-8def-0123456789ab
refused 2 cli visit seat --party 2
expect 0 cli visit add "$V1" "Mapo Tofu" --qty 2
contains "$OUT" "73.00"
refused 2 cli visit add "$V1" "Kung Pao Chicken 宫保鸡丁"
contains "$ERR" "peanut"
expect 0 cli --json visit add "$V1" "Kung Pao Chicken 宫保鸡丁" --confirm-allergens
L2=$(json_get id)
contains "$OUT" '"allergen_override":"peanut"'
refused 2 cli visit add "$V1" "Jasmine Tea" --note $'no sugar\nat all'
contains "$ERR" "one line"
expect 0 cli --json visit add "$V1" "Jasmine Tea" --note " no sugar, 少冰 "
contains "$OUT" '"note":"no sugar, 少冰"'
refused 1 cli visit add "$V1" "Peking Duck"
refused 2 cli visit add "$V1" "Jasmine Tea" --qty 0
refused 2 cli visit add "$V1" "Jasmine Tea" --qty x
refused 1 cli visit add 0192d9b0-3c1f-7abc-8def-0123456789ab "Jasmine Tea"
refused 2 cli visit void "$V1" --line "$L2" --reason "sent back"
contains "$ERR" "Nobody is signed in"
expect 0 boss visit void "$V1" --line "$L2" --reason "sent back"
contains "$OUT" "void: sent back"
refused 2 cli visit void "$V1" --line "$L2" --reason "again"
expect 0 cli visit ticket "$V1" --pdf "$WORK/ticket.pdf"
contains "$OUT" "ALLERGIES AT THIS TABLE"
contains "$OUT" "张伟: PEANUT"
contains "$OUT" "Mapo Tofu"
contains "$OUT" ">> no sugar, 少冰"
lacks "$OUT" "Kung Pao"
[ "$(head -c 5 "$WORK/ticket.pdf")" = "%PDF-" ] || fail "visit ticket --pdf wrote no PDF"
refused 1 cli visit ticket 0192d9b0-3c1f-7abc-8def-0123456789ab
refused 2 cli visit ticket
expect 0 cli visit show "$V1"
contains "$OUT" "Mapo Tofu"
contains "$OUT" "91.00"
contains "$OUT" "no sugar, 少冰"
expect 0 cli feedback "$V1" --rating 5 --comment "很好吃"
expect 0 cli --json feedback "$V1" --dish "Mapo Tofu" --rating 4
contains "$OUT" '"aspect":"dish"'
refused 2 cli feedback "$V1" --rating 9
refused 2 cli feedback "$V1" --rating 3 --aspect taste
refused 2 cli feedback "$V1" --dish "Jasmine Tea" --rating 2 --aspect service
refused 1 cli feedback 0192d9b0-3c1f-7abc-8def-0123456789ab --rating 4
refused 2 cli visit close "$V1" --pay bitcoin
refused 2 cli visit close "$V1" --tip -5
expect 0 cli --json visit close "$V1" --tip 5 --pay mobile
contains "$OUT" '"status":"closed"'
contains "$OUT" '"subtotal":9100'
refused 2 cli visit close "$V1"
expect 0 cli tables list
contains "$OUT" "to_clean"
expect 0 cli tables status 1 free
refused 2 cli tables status 1 dirty
refused 1 cli tables status 42 free
expect 0 cli guest show "$G1"
contains "$OUT" "Mapo Tofu"
contains "$OUT" "visits    1"
expect 0 cli recommend "$G1" --daypart dinner
contains "$OUT" "Mapo Tofu"
expect 0 cli --json recommend "$G1" --daypart lunch --n 3
contains "$OUT" '"usual":['
refused 1 cli recommend 0192d9b0-3c1f-7abc-8def-0123456789ab --daypart dinner
refused 2 cli recommend "$G1" --daypart brunch
refused 2 cli recommend "$G1" --n 0
expect 0 cli --json visit seat --table 2 --party 2
V2=$(json_get id)
refused 2 cli visit void "$V2"
contains "$ERR" "Nobody is signed in"
expect 0 boss visit void "$V2"
contains "$OUT" "void"
refused 2 boss visit void "$V2"

echo "== duplicates and merge"
expect 0 cli --json guest add --name 张伟 --phone 13700137000
G3=$(json_get id)
expect 0 cli guest duplicates "$G3"
contains "$OUT" "$G1"
expect 0 cli --json guest duplicates --phone "138-0013-8000"
contains "$OUT" "$G1"
refused 1 cli guest duplicates --name "Quentin Xavier Zebulon"
refused 2 cli guest duplicates
expect 0 cli guest merge "$G1" "$G3"
refused 2 cli guest merge "$G1" "$G3"
refused 2 cli guest merge "$G1" "$G1"
refused 1 cli guest merge "$G1" 0192d9b0-3c1f-7abc-8def-0123456789ab
refused 2 cli guest merge "$G1"
expect 0 cli --json guest show "$G3"
contains "$OUT" "\"id\":\"$G1\""
contains "$OUT" "+8613700137000"

echo "== import"
cat > "$WORK/orders.csv" <<'EOF'
order_id,order_time,item,quantity,unit_price,phone
1001,2026-03-01 12:10,Har Gow,2,32.00,13800138000
1001,2026-03-01 12:10,Jasmine Tea,1,18.00,13800138000
1002,2026-03-01 19:30,Kung Pao Chicken 宫保鸡丁,1,48.00,
1003,2026-03-02 12:00,,1,10.00,
EOF
MAP=visit=order_id,time=order_time,item=item,qty=quantity,price=unit_price,phone=phone
refused 2 cli import orders "$WORK/orders.csv"
refused 2 cli import orders "$WORK/orders.csv" --map visit=order_id,colour=item
refused 2 cli import orders "$WORK/orders.csv" --map "$MAP" --strict
refused 1 cli import orders "$WORK/missing.csv" --map "$MAP"
refused 2 cli import guests "$WORK/orders.csv" --map "$MAP"
LINES_BEFORE=$(count "SELECT count(*) FROM order_line")
expect 0 cli import orders "$WORK/orders.csv" --map "$MAP"
contains "$OUT" "Read 4 rows: imported 3 order lines in 2 visits; revenue 130.00"
contains "$OUT" "skipped line 5"
[ "$(count "SELECT count(*) FROM order_line")" -eq $((LINES_BEFORE + 3)) ] || fail "import wrote the wrong lines"
expect 0 cli --json import orders "$WORK/orders.csv" --map "$MAP"
contains "$OUT" '"lines":0'
contains "$OUT" '"duplicate_visits":2'
[ "$(count "SELECT count(*) FROM order_line")" -eq $((LINES_BEFORE + 3)) ] || fail "a second import added lines"

echo "== broken databases"
# read-only: reads work, writes are refused with a clear message
cp "$DB" "$WORK/ro.db"
RO="file:$WORK/ro.db?mode=ro"
expect 0 "$CLI" --db "$RO" lookup 8000
snapshot "$WORK/ro-before" "$WORK/ro.db"
expect 3 "$CLI" --db "$RO" guest add --name "Wang Fang" --phone 13600136000
contains "$ERR" "read-only"
REGULARS_PIN=2468 expect 3 "$CLI" --db "$RO" --staff Mia menu 86 "Mapo Tofu"
snapshot "$WORK/ro-after" "$WORK/ro.db"
cmp -s "$WORK/ro-before" "$WORK/ro-after" || fail "a read-only database was changed"
if [ "$(id -u)" -ne 0 ]; then
  chmod a-w "$WORK/ro.db"
  expect 3 "$CLI" --db "$WORK/ro.db" guest add --name "Wang Fang"
  chmod u+w "$WORK/ro.db"
fi
# corrupt: refused, and the file left as it was
head -c 8192 /dev/urandom > "$WORK/corrupt.db"
cp "$WORK/corrupt.db" "$WORK/corrupt.orig"
expect 3 "$CLI" --db "$WORK/corrupt.db" lookup 8000
expect 3 "$CLI" --db "$WORK/corrupt.db" guest add --name "Wang Fang"
cmp -s "$WORK/corrupt.db" "$WORK/corrupt.orig" || fail "a corrupt file was changed"
printf 'not a database, a shopping list: rice, tea, chili oil, scallions, ginger, garlic, tofu, pork belly\n%.0s' {1..80} > "$WORK/list.db"
expect 3 "$CLI" --db "$WORK/list.db" init
expect 3 "$CLI" --db "$WORK" lookup 8000
expect 3 "$CLI" --db "$WORK/no/such/folder/r.db" lookup 8000
# locked: another program holds the write lock
(printf 'BEGIN EXCLUSIVE;\nSELECT 1;\n'; sleep 20) | sqlite3 "$DB" > /dev/null &
LOCKER_PID=$!
# wait until the lock is really held: a write of our own is then refused
for _ in $(seq 100); do
  if ! sqlite3 -cmd ".timeout 50" "$DB" "BEGIN IMMEDIATE; ROLLBACK;" > /dev/null 2>&1; then break; fi
  sleep 0.1
done
refused 3 cli guest add --name "Wang Fang" --phone 13600136000
contains "$ERR" "in use"
kill "$LOCKER_PID" 2>/dev/null || true
wait "$LOCKER_PID" 2>/dev/null || true
LOCKER_PID=
expect 0 cli guest add --name "Wang Fang" --phone 13600136000

echo "== demo"
DEMO=$WORK/demo.db
refused 2 "$CLI" --db "$DEMO" demo --guests -1
refused 2 "$CLI" --db "$DEMO" demo --days 0
refused 2 "$CLI" --db "$DEMO" demo --branches 99
refused 2 "$CLI" --db "$DEMO" demo --until 2026-13-01
refused 2 "$CLI" --db "$DEMO" demo --guests many
expect 0 "$CLI" --db "$DEMO" --json demo --guests 300 --days 30 --branches 2 --seed 5 --until 2026-06-30
FIRST=$(printf '%s\n' "$OUT" | sed 's/,"seconds":[^}]*//')
contains "$FIRST" '"guests":300'
contains "$FIRST" '"branches":2'
[ "$(count "SELECT count(*) FROM order_line" "$DEMO")" -gt 100 ] || fail "the demo has too few order lines"
[ "$(count "SELECT count(*) FROM sync_outbox" "$DEMO")" -eq 0 ] || fail "demo rows went to the sync outbox"
refused 2 "$CLI" --db "$DEMO" demo --guests 10 --days 3
expect 0 "$CLI" --db "$WORK/demo2.db" --json demo --guests 300 --days 30 --branches 2 --seed 5 --until 2026-06-30
[ "$(printf '%s\n' "$OUT" | sed 's/,"seconds":[^}]*//')" = "$FIRST" ] || fail "the same seed made another demo"
PHONE=$(count "SELECT e164 FROM guest_phone ORDER BY id LIMIT 1" "$DEMO")
expect 0 "$CLI" --db "$DEMO" lookup "$PHONE"
contains "$OUT" "phone"
expect 0 "$CLI" --db "$DEMO" tables list
contains "$OUT" "VIP 1"
expect 0 "$CLI" --db "$DEMO" menu list --category "Dim sum"
contains "$OUT" "Har Gow"

echo "check-cli: $CHECKS checks passed"
