#!/bin/bash
# full-disk-small-blocks.sh: `rewire add` on a nearly full ext4 volume with
# 1 KiB blocks, 200 times, each time with 0 to 299 KiB left free.
#
# Run by hand, as root (it makes and mounts a loop file system, which CI
# cannot): tests/manual/full-disk-small-blocks.sh [path/to/rewire]
# It prints how many adds saved, how many said the disk is full, how many
# died of SIGBUS, then the number of check-ins in the journal (1 + saved)
# and `rewire check`'s verdict. See docs/RELIABILITY.md.
set -eu

BIN=$(realpath "${1:-build/src/rewire}")
WORK=$(mktemp -d)
IMG=$WORK/fs.img
MNT=$WORK/mnt
trap 'umount "$MNT" 2>/dev/null || true; rm -rf "$WORK"' EXIT

truncate -s 8M "$IMG"
mkfs.ext4 -q -F -m 0 -b 1024 "$IMG"   # -m 0: root gets no reserved blocks
mkdir "$MNT"
mount -o loop "$IMG" "$MNT"

D=$MNT/data
"$BIN" add --mood 5 --data-dir "$D" >/dev/null

saved=0 full=0 sigbus=0 other=0
for i in $(seq 1 200); do
  rm -f "$MNT/filler"
  avail=$(df --output=avail -B1024 "$MNT" | tail -1)
  fill=$((avail - RANDOM % 300))
  if [ "$fill" -gt 0 ]; then
    fallocate -l "${fill}K" "$MNT/filler" 2>/dev/null || true
  fi
  set +e
  out=$("$BIN" add --mood $((i % 11)) --note "note $i" --data-dir "$D" 2>&1)
  rc=$?
  set -e
  if [ $rc -eq 0 ]; then
    saved=$((saved + 1))
  elif [ $rc -eq 135 ]; then
    sigbus=$((sigbus + 1))
  elif printf '%s' "$out" | grep -q "is full"; then
    full=$((full + 1))
  else
    other=$((other + 1))
    printf 'exit %d: %s\n' "$rc" "$out"
  fi
done
rm -f "$MNT/filler"

echo "saved=$saved full=$full sigbus=$sigbus other=$other"
echo "check-ins in the journal: $(sqlite3 "$D/journal.db" 'SELECT count(*) FROM check_ins')"
"$BIN" check --data-dir "$D" | tail -1
