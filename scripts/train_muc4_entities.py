#!/usr/bin/env python3
"""Train the MUC-4 entity classifier shipped as kb/models/muc4_entities.tsv (standard library
only): L2-regularised logistic regression over the feature names of candidate mentions,
predicting whether a candidate is a gold mention of its role.

The candidates must come from taggers that did not see their documents: split the training
split into folds, train the tagger, lexicon and relevance models on the other folds
(scripts/train_muc4.py, scripts/train_muc4_relevance.py) and write each fold's candidates
with `cargo run --release -p sitrep-muc4 --example muc4_candidates -- FOLD.jsonl` (with
SITREP_MUC4_MODELS naming the fold's models). Then

    python3 scripts/train_muc4_entities.py --gold TRAIN.jsonl --cands C0.jsonl C1.jsonl ... \\
        --out kb/models/muc4_entities.tsv [--tune]

--tune prints, per role, the threshold that maximises CEAF-REE F1 on held-out candidates
(the classifier trained on the other folds' candidates): the values of select::KEEP.
"""
import argparse
import json
import math
import random
import re
import string

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = str.maketrans("", "", string.punctuation)


def norm(s):
    """As the CEAF-REE scorer compares mentions."""
    return " ".join(_ARTICLES.sub(" ", str(s).lower().translate(_PUNCT)).split())


def load(gold_path, cand_paths):
    gold = {}
    texts = {}
    for l in open(gold_path, encoding="utf-8"):
        if l.strip():
            d = json.loads(l)
            texts[d["docid"]] = d["doctext"].lower()
            gold[d["docid"]] = {r: [{norm(m[0]) for m in e} for e in d["extracts"].get(r, [])] for r in ROLES}
    docs = []
    for p in cand_paths:
        for l in open(p, encoding="utf-8"):
            if l.strip():
                d = json.loads(l)
                g = gold[d["docid"]]
                cands = []
                for c in d["candidates"]:
                    y = 1.0 if any(norm(c["mention"]) in e for e in g[c["role"]]) else 0.0
                    cands.append((c["role"], c["mention"], c["features"], y, [tuple(x) for x in c["spans"]]))
                docs.append((d["docid"], cands))
    return gold, docs, texts


def train(docs, epochs, l2, lr):
    data = [(f, y) for _, cands in docs for _, _, f, y, _ in cands]
    w = {}
    rng = random.Random(1)
    for ep in range(epochs):
        rng.shuffle(data)
        a = lr / (1 + ep * 0.3)
        for f, y in data:
            z = sum(w.get(x, 0.0) for x in f)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = p - y
            for x in f:
                v = w.get(x, 0.0)
                w[x] = v - a * (g + l2 * v)
    return w


def score(w, f):
    return sum(w.get(x, 0.0) for x in f)


def overlap(a, b):
    return any(s <= f and t <= e for s, e in a for t, f in b)


def entities(kept, text=""):
    """As select::entities: of kept (mention, score, spans) at overlapping words the best
    stays; then mentions whose words all occur in a longer one are dropped."""
    chosen = []
    for m, s, sp in sorted(kept, key=lambda k: -k[1]):
        if not any(overlap(sp, c[2]) or f"{m} ({c[0]})" in text or f"{c[0]} ({m})" in text
                   for c in chosen):
            chosen.append((m, s, sp))
    chosen.sort(key=lambda k: k[2][0])
    out = []
    ms = [m.split(" ") for m, _, _ in chosen]
    for k, m in enumerate(ms):
        inside = any(o != k and (len(other) > len(m) or (len(other) == len(m) and o < k))
                     and all(x in other for x in m) for o, other in enumerate(ms))
        if not inside:
            out.append(norm(" ".join(m)))
    return out


def ceaf(gold_ents, pred):
    """Matched entities under strict one-mention similarity: each prediction matches at most
    one gold entity, each gold entity at most one prediction (greedy is exact here since
    predictions are single mentions and gold entities rarely share mentions)."""
    used = set()
    hit = 0
    for m in pred:
        for i, e in enumerate(gold_ents):
            if i not in used and m in e:
                used.add(i)
                hit += 1
                break
    return hit


def evaluate(gold, scored, keep, texts):
    """Per role [matched, predicted, gold] with these thresholds."""
    tot = {r: [0, 0, 0] for r in ROLES}
    for docid, cands in scored:
        for r in ROLES:
            kept = [(m, s, sp) for role, m, s, sp in cands if role == r and s >= keep[r]]
            pred = entities(kept, texts.get(docid, ""))
            t = tot[r]
            t[0] += ceaf(gold[docid][r], pred)
            t[1] += len(pred)
            t[2] += len(gold[docid][r])
    return tot


def f1(m, p, g):
    pr, rc = (m / p if p else 0.0), (m / g if g else 0.0)
    return 2 * pr * rc / (pr + rc) if pr + rc else 0.0, pr, rc


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--cands", nargs="+", required=True)
    ap.add_argument("--out")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--lr", type=float, default=0.02)
    ap.add_argument("--tune", action="store_true")
    ap.add_argument("--gold-all", help="gold of every document (default --gold), for counting missed entities")
    args = ap.parse_args()
    gold, docs, texts = load(args.gold, args.cands)
    if args.tune:
        folds = 5
        scored = []
        for k in range(folds):
            w = train([d for i, d in enumerate(docs) if i % folds != k], args.epochs, args.l2, args.lr)
            for i, (docid, cands) in enumerate(docs):
                if i % folds == k:
                    scored.append((docid, [(r, m, score(w, f), sp) for r, m, f, _, sp in cands]))
        seen = {d for d, _ in scored}
        # documents without candidates (not relevant) still count their gold entities
        scored += [(d, []) for d in gold if d not in seen]
        grid = [x / 4 for x in range(-12, 13)]
        keep = {r: 0.0 for r in ROLES}
        for _ in range(2):
            for r in ROLES:
                best = None
                for t in grid:
                    keep[r] = t
                    tot = evaluate(gold, scored, keep, texts)
                    s = [sum(tot[x][i] for x in ROLES) for i in range(3)]
                    v = f1(*s)[0]
                    if best is None or v > best[0]:
                        best = (v, t)
                keep[r] = best[1]
        tot = evaluate(gold, scored, keep, texts)
        for r in ROLES:
            print(f"{r:8} keep>={keep[r]:5.2f} F1={100 * f1(*tot[r])[0]:.2f} P={100 * f1(*tot[r])[1]:.2f} R={100 * f1(*tot[r])[2]:.2f}")
        s = [sum(tot[x][i] for x in ROLES) for i in range(3)]
        print(f"micro F1={100 * f1(*s)[0]:.2f} P={100 * f1(*s)[1]:.2f} R={100 * f1(*s)[2]:.2f}")
        print("KEEP", ", ".join(f"{keep[r]:.2f}" for r in ROLES))
    if args.out:
        w = train(docs, args.epochs, args.l2, args.lr)
        with open(args.out, "w", encoding="utf-8") as f:
            f.write("# MUC-4 entity classifier: logistic weights of candidate features;\n"
                    "# written by scripts/train_muc4_entities.py.\n")
            for x in sorted(w):
                if abs(w[x]) >= 0.01:
                    f.write(f"{x}\t{w[x]:.3f}\n")


if __name__ == "__main__":
    main()
