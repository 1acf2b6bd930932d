#!/usr/bin/env python3
"""Train the MUC-4 document relevance classifiers shipped as kb/models/muc4_relevance.tsv and
kb/models/muc4_roles.tsv (standard library only): L2-regularised logistic regression over the
set of words of a document (words seen in at least MIN_DF training documents), predicting
whether the document has any gold role filler (muc4_relevance.tsv: `word<TAB>weight` lines,
the bias as the word `<bias>`) and, per role, whether it has a filler of that role
(muc4_roles.tsv: `role<TAB>word<TAB>weight` lines).

    python3 scripts/train_muc4_relevance.py --train TRAIN.jsonl --out kb/models/muc4_relevance.tsv \\
        --roles-out kb/models/muc4_roles.tsv
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


def fit(data, vocab, epochs, lr0, l2):
    """Logistic regression over word lists (the summed weights scaled by 1/sqrt(length)):
    (weights, bias)."""
    data = list(data)
    w = {x: 0.0 for x in vocab}
    b = 0.0
    rng = random.Random(1)
    for ep in range(epochs):
        rng.shuffle(data)
        lr = lr0 / (1 + ep * 0.2)
        for ws, y in data:
            z = b + sum(w[x] for x in ws) / math.sqrt(len(ws) or 1)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = p - y
            b -= lr * g
            s = lr * g / math.sqrt(len(ws) or 1)
            for x in ws:
                w[x] -= s + lr * l2 * w[x]
    return w, b


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--roles-out", help="also write the per-role classifiers here")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--lr", type=float, default=0.1)
    args = ap.parse_args()
    docs = [json.loads(l) for l in open(args.train, encoding="utf-8") if l.strip()]
    sets = [wordset(d["doctext"]) for d in docs]
    df = {}
    for ws in sets:
        for w in ws:
            df[w] = df.get(w, 0) + 1
    vocab = {w for w, c in df.items() if c >= MIN_DF}
    sets = [[w for w in ws if w in vocab] for ws in sets]
    has = [[1.0 if d["extracts"].get(r) else 0.0 for r in ROLES] for d in docs]
    w, b = fit(zip(sets, (max(h) for h in has)), vocab, args.epochs, args.lr, args.l2)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# MUC-4 relevance: logistic weights over the word set of a document, scaled by\n"
                "# 1/sqrt(number of known words); written by scripts/train_muc4_relevance.py.\n")
        f.write(f"<bias>\t{b:.4f}\n")
        for x in sorted(vocab):
            if abs(w[x]) >= 0.005:
                f.write(f"{x}\t{w[x]:.4f}\n")
    if args.roles_out:
        with open(args.roles_out, "w", encoding="utf-8") as f:
            f.write("# MUC-4 relevance per role (does the document have a filler of the role?), as\n"
                    "# muc4_relevance.tsv: role<TAB>word<TAB>weight; scripts/train_muc4_relevance.py.\n")
            for i, r in enumerate(ROLES):
                wr, br = fit(zip(sets, (h[i] for h in has)), vocab, args.epochs, args.lr, args.l2)
                f.write(f"{r}\t<bias>\t{br:.4f}\n")
                for x in sorted(vocab):
                    if abs(wr[x]) >= 0.005:
                        f.write(f"{r}\t{x}\t{wr[x]:.4f}\n")


if __name__ == "__main__":
    main()
