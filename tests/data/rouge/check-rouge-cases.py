#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Re-checks rouge-cases.json with a second, independent implementation of rouge-score's
definition (straightforward Counter/DP code and NLTK's stemmer). Needs python3-nltk."""
import collections
import json
import re
import sys

from nltk.stem.porter import PorterStemmer

stemmer = PorterStemmer()


def tokens(text, stem):
    words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
    return [stemmer.stem(w) if stem and len(w) > 3 else w for w in words]


def prf(overlap, p_count, t_count):
    p = overlap / max(p_count, 1)
    r = overlap / max(t_count, 1)
    return [p, r, 2 * p * r / (p + r) if p + r > 0 else 0.0]


def ngram(t, p, n):
    tc = collections.Counter(tuple(t[i:i + n]) for i in range(len(t) - n + 1))
    pc = collections.Counter(tuple(p[i:i + n]) for i in range(len(p) - n + 1))
    return prf(sum((tc & pc).values()), sum(pc.values()), sum(tc.values()))


def lcs(t, p):
    if not t or not p:
        return [0, 0, 0]
    table = [[0] * (len(p) + 1) for _ in range(len(t) + 1)]
    for i in range(len(t)):
        for j in range(len(p)):
            table[i + 1][j + 1] = table[i][j] + 1 if t[i] == p[j] else max(table[i][j + 1], table[i + 1][j])
    n = table[-1][-1]
    return prf(n, len(p), len(t))


bad = 0
for case in json.load(open(sys.argv[1] if len(sys.argv) > 1 else "rouge-cases.json"))["cases"]:
    t = tokens(case["target"], case["stem"])
    p = tokens(case["prediction"], case["stem"])
    got = {"rouge1": ngram(t, p, 1), "rouge2": ngram(t, p, 2), "rougeL": lcs(t, p)}
    places = case.get("places", 9)
    for key in ("rouge1", "rouge2", "rougeL"):
        if key in case and any(abs(a - b) > 0.6 * 10 ** -places for a, b in zip(got[key], case[key])):
            print("MISMATCH", case["name"], key, got[key], case[key])
            bad += 1
print("ok" if not bad else f"{bad} mismatches")
sys.exit(1 if bad else 0)
