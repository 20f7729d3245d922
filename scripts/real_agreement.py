#!/usr/bin/env python3
"""Figure-level agreement between two annotations of the same real-text cases.

  python3 scripts/real_agreement.py FIRST.jsonl SECOND.jsonl [--show]

Both files hold cases as in data/eval/real/cases.jsonl (id + figures). Only cases present in both are compared. A figure
of one matches a figure of the other as figure-schema v1 scores a prediction against gold, both ways strict (metric,
segment, value and value_max within 0.01, every locality level either fills, unit compared without party prefix,
case and diacritics, first and last year of the period); the agreement is the strict F1 of SECOND against FIRST, and
the lenient F1 (metric, segment, value)."""
import json, sys, unicodedata

def fold(s):
    if s is None: return None
    s = unicodedata.normalize("NFD", s.lower().replace("đ", "d"))
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    for p in ("dang bo ", "dang uy ", "chi bo "):
        if s.startswith(p): s = s[len(p):]; break
    return " ".join(s.split())

def years(p):
    if p is None: return None
    parts = p.split("/")
    if len(parts) == 2: return (parts[0][:4], parts[1][:4])
    if len(p) == 9 and p[4] == "-": return (p[:4], p[5:])
    return (p[:4], p[:4])

def lenient(a, b):
    return a["metric"] == b["metric"] and a.get("segment") == b.get("segment") and abs(float(a["value"]) - float(b["value"])) <= 0.01

def strict(a, b):
    if not lenient(a, b): return False
    if (a.get("value_max") is None) != (b.get("value_max") is None): return False
    if a.get("value_max") is not None and abs(float(a["value_max"]) - float(b["value_max"])) > 0.01: return False
    la, lb = a["locality"], b["locality"]
    if any(fold(la.get(k)) != fold(lb.get(k)) for k in ("province", "district", "commune", "unit")): return False
    return years(a.get("period")) == years(b.get("period"))

def score(first, second, match):
    tp = fp = fn = 0
    misses = []
    for cid, gold in first.items():
        if cid not in second: continue
        pred = list(second[cid])
        used = [False] * len(pred)
        for g in gold:
            hit = next((i for i, p in enumerate(pred) if not used[i] and match(p, g)), None)
            if hit is None: fn += 1; misses.append((cid, "only first", g))
            else: used[hit] = True; tp += 1
        for i, p in enumerate(pred):
            if not used[i]: fp += 1; misses.append((cid, "only second", p))
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return tp, fp, fn, f1, misses

def load(path):
    return {c["id"]: c["figures"] for c in (json.loads(l) for l in open(path, encoding="utf-8") if l.strip())}

first, second = load(sys.argv[1]), load(sys.argv[2])
common = [c for c in first if c in second]
print(f"cases annotated twice: {len(common)}; figures: first {sum(len(first[c]) for c in common)}, second {sum(len(second[c]) for c in common)}")
for name, m in (("strict", strict), ("lenient", lenient)):
    tp, fp, fn, f1, misses = score(first, second, m)
    print(f"{name}: F1 {f1:.3f} (both {tp}, only first {fn}, only second {fp})")
    if name == "strict" and "--show" in sys.argv:
        for cid, side, f in misses:
            l = f["locality"]
            print(f"  {cid} {side}: {f['metric']} {f.get('segment')} {f['value']} {f.get('period')} {l.get('province')}/{l.get('district')}/{l.get('commune')}/{l.get('unit')}")
