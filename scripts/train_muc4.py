#!/usr/bin/env python3
"""Train the MUC-4 role tagger shipped as kb/models/muc4.bin (standard library only).

Reads MUC-4 JSON Lines with gold `extracts` (normally /work/shared/corpus/muc4/train.jsonl),
labels every token of every occurrence of a gold mention with its role, and trains an
averaged perceptron that tags each token with one of O, PerpInd, PerpOrg, Target, Victim,
Weapon from hashed features of the words around it. The model is a table of
2^BITS x 6 16-bit weights, indexed by the same feature hash the Rust side computes
(crates/sitrep-muc4/src/model.rs): keep the two in step.

    python3 scripts/train_muc4.py --train TRAIN.jsonl --out kb/models/muc4.bin
    python3 scripts/train_muc4.py --train TRAIN.jsonl --eval DEV.jsonl --pred PRED.jsonl
"""
import argparse
import json
import random
import re
import struct

LABELS = ("O", "PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
ROLES = LABELS[1:]
NL = len(LABELS)
BITS = 17
MASK = (1 << BITS) - 1
M64 = (1 << 64) - 1
TOK = re.compile(r"[a-z0-9]+(?:['.\-][a-z0-9]+)*")
ARTICLES = {"the", "a", "an"}
WINDOW = 4
SCALE = 64.0  # weights are stored as round(w * SCALE) in i16


def tokens(text):
    return [(m.group(), m.start(), m.end()) for m in TOK.finditer(text.lower())]


_wh = {}


def word_hash(w):
    h = _wh.get(w)
    if h is None:
        h = 0xCBF29CE484222325
        for b in w.encode("utf-8"):
            h = ((h ^ b) * 0x100000001B3) & M64
        _wh[w] = h
    return h


def set_bits(bits):
    global BITS, MASK
    BITS, MASK = bits, (1 << bits) - 1


def mix(t, a, b=0):
    h = ((t + 1) * 0x9E3779B97F4A7C15) & M64
    h = ((h ^ a) * 0x100000001B3) & M64
    h = ((h ^ b) * 0x100000001B3) & M64
    h ^= h >> 29
    return h & MASK


PAD = word_hash("<pad>")


VOCAB = set()  # frequent training words; others count as rare (names, mostly)
VOCAB_MIN = 20


def build_vocab(docs):
    counts = {}
    for d in docs:
        for t in tokens(d["doctext"]):
            counts[t[0]] = counts.get(t[0], 0) + 1
    return sorted(w for w, c in counts.items() if c >= VOCAB_MIN and not w[0].isdigit())


def features(hs, rare, i, prev):
    """Feature indices of token i; hs are the word hashes of the document, rare its words'
    rarity (0 frequent, 1 rare, 2 outside the text), prev the label given to token i - 1."""
    n = len(hs)

    def w(j):
        return hs[j] if 0 <= j < n else PAD

    def r(j):
        return rare[j] if 0 <= j < n else 2

    f = [
        mix(0, 0),
        mix(1, w(i)),
        mix(2, w(i - 1)),
        mix(3, w(i + 1)),
        mix(4, w(i - 2)),
        mix(5, w(i + 2)),
        mix(6, w(i - 1), w(i)),
        mix(7, w(i), w(i + 1)),
        mix(8, w(i - 2), w(i - 1)),
        mix(9, w(i + 1), w(i + 2)),
        mix(10, w(i - 1), w(i + 1)),
        mix(13, prev),
        mix(14, prev, w(i)),
        mix(15, r(i)),
        mix(16, r(i - 1), r(i)),
        mix(17, r(i), r(i + 1)),
        mix(18, w(i - 1), r(i)),
        mix(19, r(i), w(i + 1)),
        mix(23, w(i - 2), r(i)),
        mix(24, prev, r(i)),
    ]
    for j in range(i - WINDOW, i + WINDOW + 1):
        if j != i and 0 <= j < n:
            f.append(mix(11 if j < i else 12, hs[j]))
    return f


def key(mention):
    t = [w for w, _, _ in tokens(mention)]
    while t and t[0] in ARTICLES:
        t = t[1:]
    return t


def gold_labels(words, extracts):
    labels = [0] * len(words)
    spans = []
    for r, role in enumerate(ROLES, 1):
        for ent in extracts.get(role, []):
            for m in ent:
                k = key(m[0])
                if k:
                    spans.append((len(k), r, k))
    spans.sort(key=lambda s: -s[0])
    for n, r, k in spans:
        for i in range(len(words) - n + 1):
            if words[i:i + n] == k and all(labels[j] == 0 for j in range(i, i + n)):
                for j in range(i, i + n):
                    labels[j] = r
    return labels


def prepare(doc):
    toks = tokens(doc["doctext"])
    words = [t[0] for t in toks]
    hs = [word_hash(w) for w in words]
    rare = [0 if w in VOCAB else 1 for w in words]
    return toks, hs, rare


def best(w, f):
    scores = [0.0] * NL
    for x in f:
        b = x * NL
        for k in range(NL):
            scores[k] += w[b + k]
    return max(range(NL), key=scores.__getitem__), scores


def train(docs, epochs, seed=1):
    data = []
    for d in docs:
        toks, hs, rare = prepare(d)
        labels = gold_labels([t[0] for t in toks], d.get("extracts", {}))
        data.append((hs, rare, labels))
    size = (MASK + 1) * NL
    w = [0.0] * size
    total = [0.0] * size
    stamp = [0] * size
    c = 1
    rng = random.Random(seed)
    for ep in range(epochs):
        rng.shuffle(data)
        errors = 0
        for hs, rare, labels in data:
            prev = 0
            for i, y in enumerate(labels):
                f = features(hs, rare, i, prev)
                p, _ = best(w, f)
                prev = p
                if p != y:
                    errors += 1
                    for x in f:
                        for k, d in ((y, 1.0), (p, -1.0)):
                            j = x * NL + k
                            total[j] += (c - stamp[j]) * w[j]
                            stamp[j] = c
                            w[j] += d
                c += 1
        print(f"epoch {ep + 1}: {errors} token errors")
    for j in range(size):
        total[j] += (c - stamp[j]) * w[j]
    return [t / c for t in total]


def quantise(w):
    return [max(-32768, min(32767, round(x * SCALE))) for x in w]


def save(w, path):
    q = quantise(w)
    with open(path, "wb") as f:
        f.write(b"MUC4TAG1")
        f.write(struct.pack("<II", BITS, NL))
        f.write(struct.pack(f"<{len(q)}h", *q))


def joined(text, a, b):
    """True when only spaces separate tokens a and b, so they may be one mention."""
    return text[a[2]:b[1]].strip(" ") == ""


def tag(w, doc, margin):
    """Spans (role, start, end, mention) the model finds in doc; mirrors the Rust decoder."""
    toks, hs, rare = prepare(doc)
    out = []
    cur = None
    prev = 0
    for i in range(len(toks)):
        p, scores = best(w, features(hs, rare, i, prev))
        if p and scores[p] - scores[0] < margin:
            p = 0
        prev = p
        if cur and cur[0] == p and joined(doc["doctext"], toks[i - 1], toks[i]):
            cur[2] = i
        else:
            if cur and cur[0]:
                out.append(cur)
            cur = [p, i, i]
    if cur and cur[0]:
        out.append(cur)
    text = doc["doctext"]
    return [(ROLES[r - 1], text[toks[a][1]:toks[b][2]]) for r, a, b in out]


MAXN = 6


def mention_table(docs):
    """Gold mentions seen in at least two training documents, per role, with the share of
    the documents containing the phrase in which it is a gold mention of that role."""
    appear = {}
    hit = {r: {} for r in ROLES}
    for d in docs:
        words = [t[0] for t in tokens(d["doctext"])]
        grams = {" ".join(words[i:i + n]) for i in range(len(words)) for n in range(1, MAXN + 1)
                 if i + n <= len(words)}
        for g in grams:
            appear[g] = appear.get(g, 0) + 1
        for r in ROLES:
            for k in {" ".join(key(m[0])) for e in d.get("extracts", {}).get(r, []) for m in e}:
                if k in grams:
                    hit[r][k] = hit[r].get(k, 0) + 1
    rows = []
    for r in ROLES:
        for k, h in hit[r].items():
            if h >= 2:
                rows.append((r, k, h / (appear[k] + 1)))
    return sorted(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", required=True)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--out")
    ap.add_argument("--bits", type=int, default=BITS, help="log2 of the weight table's rows")
    ap.add_argument("--vocab", help="write the frequent-word list (kb/models/muc4_vocab.txt) here")
    ap.add_argument("--mentions", help="write the mention lexicon (kb/models/muc4_mentions.tsv) here")
    ap.add_argument("--eval")
    ap.add_argument("--pred")
    ap.add_argument("--margin", type=float, default=0.0)
    args = ap.parse_args()
    docs = [json.loads(l) for l in open(args.train, encoding="utf-8") if l.strip()]
    set_bits(args.bits)
    VOCAB.update(build_vocab(docs))
    if args.vocab:
        with open(args.vocab, "w", encoding="utf-8") as f:
            f.write(f"# Words seen at least {VOCAB_MIN} times in the MUC-4 training split "
                    "(scripts/train_muc4.py); other words are rare.\n")
            f.write("\n".join(sorted(VOCAB)) + "\n")
    if args.mentions:
        with open(args.mentions, "w", encoding="utf-8") as f:
            f.write("# MUC-4 mention lexicon written by scripts/train_muc4.py: role, phrase, share of\n"
                    "# training documents containing the phrase where it fills the role.\n")
            for r, k, p in mention_table(docs):
                f.write(f"{r}\t{k}\t{p:.3f}\n")
    w = train(docs, args.epochs)
    if args.out:
        save(w, args.out)
    if args.eval and args.pred:
        wq = [x / SCALE for x in quantise(w)]
        with open(args.pred, "w") as f:
            for l in open(args.eval, encoding="utf-8"):
                d = json.loads(l)
                ex = {r: [] for r in ROLES}
                seen = set()
                for role, m in tag(wq, d, args.margin):
                    k = " ".join(key(m))
                    if k and (role, k) not in seen:
                        seen.add((role, k))
                        ex[role].append([m])
                f.write(json.dumps({"docid": d["docid"], "extracts": ex}) + "\n")


if __name__ == "__main__":
    main()
