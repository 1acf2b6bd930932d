#!/usr/bin/env python3
"""Train the MUC-4 document relevance classifier shipped as kb/models/muc4_relevance.tsv
(standard library only): L2-regularised logistic regression over the set of words of a
document (words seen in at least MIN_DF training documents), predicting whether the document
has any gold role filler. Output: `word<TAB>weight` lines, the bias as the word `<bias>`.

    python3 scripts/train_muc4_relevance.py --train TRAIN.jsonl --out kb/models/muc4_relevance.tsv
"""
import argparse
import json
import math
import random
import re

TOK = re.compile(r"[a-z0-9]+(?:['.\-][a-z0-9]+)*")
ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
MIN_DF = 5


def wordset(text):
    return {w for w in TOK.findall(text.lower()) if not w[0].isdigit()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--lr", type=float, default=0.1)
    args = ap.parse_args()
    docs = [json.loads(l) for l in open(args.train, encoding="utf-8") if l.strip()]
    data = [(wordset(d["doctext"]), 1.0 if any(d["extracts"].get(r) for r in ROLES) else 0.0) for d in docs]
    df = {}
    for ws, _ in data:
        for w in ws:
            df[w] = df.get(w, 0) + 1
    vocab = {w for w, c in df.items() if c >= MIN_DF}
    data = [([w for w in ws if w in vocab], y) for ws, y in data]
    w = {x: 0.0 for x in vocab}
    b = 0.0
    rng = random.Random(1)
    for ep in range(args.epochs):
        rng.shuffle(data)
        lr = args.lr / (1 + ep * 0.2)
        for ws, y in data:
            z = b + sum(w[x] for x in ws) / math.sqrt(len(ws) or 1)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = p - y
            b -= lr * g
            s = lr * g / math.sqrt(len(ws) or 1)
            for x in ws:
                w[x] -= s + lr * args.l2 * w[x]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# MUC-4 relevance: logistic weights over the word set of a document, scaled by\n"
                "# 1/sqrt(number of known words); written by scripts/train_muc4_relevance.py.\n")
        f.write(f"<bias>\t{b:.4f}\n")
        for x in sorted(vocab):
            if abs(w[x]) >= 0.005:
                f.write(f"{x}\t{w[x]:.4f}\n")


if __name__ == "__main__":
    main()
