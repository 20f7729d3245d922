#!/usr/bin/env python3
"""Builds data/eval/real/cases.jsonl from annotators' working files and prints the set's counts.

  python3 scripts/real_set.py WORK_DIR [--out data/eval/real/cases.jsonl]

WORK_DIR holds one JSONL file per annotator (cases as in data/eval/real/README.md, plus working fields). Only facts
are written to the repository: URL, hash, length, query, site facts, published date as shown, and gold figures
located by character offset. Evidence fragments and annotators' notes stay in WORK_DIR (they quote the page).
The split is by site and never changes: a site is sealed when the first byte of sha256("newsminer-real-split:" + site)
is 171 or more (about one third of sites), so adding cases never moves a site between parts."""
import argparse, collections, glob, hashlib, json, os, sys

KEEP_FIGURE = ["metric", "segment", "value", "value_max", "qualifier", "per_year", "period", "locality", "at"]

def split_of(site):
    return "sealed" if hashlib.sha256(("newsminer-real-split:" + site).encode()).digest()[0] >= 171 else "dev"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work"); ap.add_argument("--out", default="data/eval/real/cases.jsonl")
    ap.add_argument("--second", default=None, help="second annotator's file: not merged, only reported")
    a = ap.parse_args()
    cases, seen = [], set()
    for path in sorted(glob.glob(os.path.join(a.work, "g*.jsonl"))):
        annotator = os.path.splitext(os.path.basename(path))[0]
        for line in open(path, encoding="utf-8"):
            if not line.strip(): continue
            c = json.loads(line)
            if c["id"] in seen: continue
            seen.add(c["id"])
            site = c["site"].lower().removeprefix("www.")
            cases.append({
                "id": c["id"], "url": c["url"], "sha256": c["sha256"], "length": c["length"], "query": c["query"],
                "site": site, "site_province": c.get("site_province"), "site_kind": c.get("site_kind"),
                "published": c.get("published"), "year": c.get("year_hint"), "split": split_of(site),
                "annotator": annotator,
                "figures": [{k: f.get(k) for k in KEEP_FIGURE} for f in c.get("figures", [])],
            })
    cases.sort(key=lambda c: c["id"])
    with open(a.out, "w", encoding="utf-8") as out:
        for c in cases: out.write(json.dumps(c, ensure_ascii=False) + "\n")
    report(cases)

def report(cases):
    def count(key):
        return collections.Counter(key(c) for c in cases)
    sites = {c["site"] for c in cases}
    provinces = collections.Counter()
    for c in cases:
        names = {c["site_province"]} | {f["locality"]["province"] for f in c["figures"]}
        for n in names - {None}: provinces[n] += 1
    print(f"cases {len(cases)}, sites {len(sites)}, provinces {len(provinces)}, gold figures {sum(len(c['figures']) for c in cases)}")
    for part in ("dev", "sealed"):
        sub = [c for c in cases if c["split"] == part]
        print(f"  {part}: {len(sub)} cases, {len({c['site'] for c in sub})} sites, {sum(len(c['figures']) for c in sub)} figures")
    print("by site kind:", dict(count(lambda c: c["site_kind"]).most_common()))
    print("by year:", dict(sorted(count(lambda c: c["year"] or 0).items())))
    print("by metric:", dict(collections.Counter(f["metric"] for c in cases for f in c["figures"]).most_common()))
    print("by province (cases naming it as site or figure province):", dict(provinces.most_common()))
    print("with a shown date:", sum(1 for c in cases if c["published"]))

if __name__ == "__main__":
    main()
