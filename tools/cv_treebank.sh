#!/usr/bin/env bash
# Held-out spacing scores for the treebank table (data/treebank.tsv), which is built from the
# same UD dev sentences the spacing scorer uses: two folds of the scored lines (alternating
# blocks of 20); for each, the table is rebuilt without that fold's sentences, the adapter is
# rebuilt with it, and the fold is scored. data/treebank.tsv is restored on exit.
#
# Usage, from the repository root with ../shared beside it:  bash tools/cv_treebank.sh
set -euo pipefail
cd "$(dirname "$0")/.."
UD=../shared/data/ud
work=$(mktemp -d)
cp data/treebank.tsv "$work/treebank.full.tsv"
restore() {
  cp "$work/treebank.full.tsv" data/treebank.tsv
  cargo build --release --example cli -q 2>/dev/null || true
  rm -rf "$work"
}
trap restore EXIT

for k in 0 1; do
  fold="$work/fold$k"
  mkdir -p "$fold"
  python3 - "$k" "$fold" "$UD" <<'PY'
import sys
k, out, ud = int(sys.argv[1]), sys.argv[2], sys.argv[3]
def lines(name):
    text = open(f"{ud}/{name}", encoding="utf-8").read().split("\n")
    return text[:-1] if text[-1] == "" else text
files = {n: lines(n) for n in ("spacing.gold.txt", "spacing.A.in.txt", "spacing.B.in.txt", "spacing.ids.txt")}
keep = [i for i in range(len(files["spacing.gold.txt"])) if (i // 20) % 2 == k]
for name, rows in files.items():
    open(f"{out}/{name}", "w", encoding="utf-8").write("".join(rows[i] + "\n" for i in keep))
open(f"{out}/exclude.txt", "w", encoding="utf-8").write("".join(files["spacing.ids.txt"][i] + "\n" for i in keep))
PY
  python3 tools/gen_treebank.py "$UD" "$fold" --exclude-ids "$fold/exclude.txt"
  cp "$fold/treebank.tsv" data/treebank.tsv
  cargo build --release --example cli -q
  cp target/release/examples/cli "$fold/cli"
done

for k in 0 1; do
  python3 ../shared/eval/score.py spacing --adapter "$work/fold$k/cli" --data "$work/fold$k"
done | python3 -c '
import json, sys
total = {v: {"tp": 0, "fp": 0, "fn": 0, "gaps": 0, "wrong": 0} for v in "ABC"}
for line in sys.stdin:
    r = json.loads(line)
    for v in "ABC":
        z = r[v]["zwnj"]
        for key in ("tp", "fp", "fn"):
            total[v][key] += z[key]
        total[v]["gaps"] += r[v]["gaps"]
        confusion = r[v]["confusion_gold_to_output"]
        total[v]["wrong"] += sum(n for pair, n in confusion.items() if len(set(pair.split(">"))) == 2)
        total[v]["wrong"] += r[v]["gaps"] - sum(confusion.values())  # unaligned lines
for v, t in total.items():
    tp, fp, fn = t["tp"], t["fp"], t["fn"]
    f1 = 2 * tp / max(1, 2 * tp + fp + fn)
    damage = 100 * t["wrong"] / t["gaps"]
    extra = f"  damage {damage:.3f}%" if v == "C" else ""
    print(f"held-out {v}: ZWNJ F1 {f1:.3f} (tp {tp} fp {fp} fn {fn}){extra}")
'
