#!/usr/bin/env python3
"""Train every MUC-4 model shipped in kb/models (standard library only; needs cargo):

1. the training split is cut into FOLDS contiguous folds (neighbouring reports tell of the
   same events, so interleaved folds would flatter names and phrases the tagger memorised);
   for each, the tagger, mention lexicon, frequent-word list (scripts/train_muc4.py) and
   relevance classifiers (scripts/train_muc4_relevance.py) are trained on the other folds;
2. the candidate mentions of each fold's documents are written by the `muc4_candidates`
   example of crates/sitrep-muc4 with that fold's models (SITREP_MUC4_MODELS), so the entity
   classifier learns from candidates of documents the tagger did not see;
3. scripts/train_muc4_entities.py trains the entity classifier on them (--tune prints the
   per-role thresholds of select::KEEP);
4. the tagger (6 epochs), lexicon, word list and relevance classifiers are trained on the
   whole split.

    python3 scripts/train_muc4_all.py --train /work/shared/corpus/muc4/train.jsonl --out kb/models
"""
import argparse
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(cmd, env=None, stdout=None):
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, env=env, stdout=stdout or subprocess.DEVNULL)


def models(train, out, epochs=5):
    """The tagger, lexicon, word list and relevance classifiers of `train` into `out`."""
    run([sys.executable, os.path.join(HERE, "train_muc4.py"), "--train", train, "--epochs", str(epochs),
         "--out", os.path.join(out, "muc4.bin"), "--vocab", os.path.join(out, "muc4_vocab.txt"),
         "--mentions", os.path.join(out, "muc4_mentions.tsv")])
    run([sys.executable, os.path.join(HERE, "train_muc4_relevance.py"), "--train", train,
         "--out", os.path.join(out, "muc4_relevance.tsv"),
         "--roles-out", os.path.join(out, "muc4_roles.tsv")])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", required=True)
    ap.add_argument("--out", default=os.path.join(ROOT, "kb", "models"))
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    lines = [l for l in open(args.train, encoding="utf-8") if l.strip()]
    tmp = tempfile.mkdtemp(prefix="muc4_folds_")
    dirs = []
    for k in range(args.folds):
        d = os.path.join(tmp, f"fold{k}")
        os.makedirs(d)
        with open(os.path.join(d, "train.jsonl"), "w", encoding="utf-8") as f:
            f.writelines(l for i, l in enumerate(lines) if i * args.folds // len(lines) != k)
        with open(os.path.join(d, "held_out.jsonl"), "w", encoding="utf-8") as f:
            f.writelines(l for i, l in enumerate(lines) if i * args.folds // len(lines) == k)
        dirs.append(d)
    with ThreadPoolExecutor(args.jobs) as pool:
        list(pool.map(lambda d: models(os.path.join(d, "train.jsonl"), d), dirs))
    run(["cargo", "build", "--release", "-p", "sitrep-muc4", "--example", "muc4_candidates"])
    exe = os.path.join(ROOT, "target", "release", "examples", "muc4_candidates")
    cands = []
    for d in dirs:
        path = os.path.join(d, "candidates.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            run([exe, os.path.join(d, "held_out.jsonl")], env={**os.environ, "SITREP_MUC4_MODELS": d}, stdout=f)
        cands.append(path)
    run([sys.executable, os.path.join(HERE, "train_muc4_entities.py"), "--gold", args.train,
         "--cands", *cands, "--tune", "--out", os.path.join(args.out, "muc4_entities.tsv")],
        stdout=sys.stdout)
    # The shipped tagger sees the whole split for one more epoch than the fold taggers.
    models(args.train, args.out, epochs=6)
    print(f"fold models and candidates left in {tmp}", file=sys.stderr)


if __name__ == "__main__":
    main()
