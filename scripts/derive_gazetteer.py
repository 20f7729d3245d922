#!/usr/bin/env python3
"""Derive the compact, facts-only gazetteer CSVs in data/gazetteer/ from the shared gazetteer folder.

Usage: python3 scripts/derive_gazetteer.py [SHARED_GAZETTEER_DIR]
(default: ../shared/gazetteer relative to the repository root). Standard library only.

Reads derived/units_history.csv, derived/units_2025-07-01.csv, derived/mapping_2025_commune_old_to_new.csv and
derived/name_variants.csv (see that folder's README) and writes:
  units_history.csv  every pre-reform unit version, 2008-08-01 -> 2025-07-01
  units_2025.csv     the units in force from 2025-07-01 (34 provinces, 3,321 communes, no districts)
  mapping_2025.csv   old commune -> new commune (whole / partial / unchanged / ...)
  variants.csv       other spellings of a unit's name (only those that differ from the canonical name)
Names are NFC, squeezed, without their type word, with modern tone placement (Hòa, Thủy), like the figure schema.
"""
import csv
import os
import re
import sys
import unicodedata

REFORM_DATE = "2025-07-01"

# Longest first so "Thành phố" wins over nothing and "Thị trấn" over "Thị xã" never clashes.
TYPE_WORDS = ["Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Huyện", "Quận", "Tỉnh", "Xã"]

# Where the canonical GSO spelling is not the one the official post-2025 table and local usage settled on.
# 467: GSO lists "Huyện Đa Krông"; the NSO table and the district's own usage write "Đakrông". The GSO spelling is
# kept as a variant so both match.
PREFERRED_NAMES = {("pre2025", "467"): "Đakrông"}

# Spellings expected in running text but absent from every list (README of the shared gazetteer, section 5).
EXTRA_VARIANTS = [("pre2025", "62", "Kontum")]

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def squeeze(s):
    return " ".join(nfc(s).replace("\u2019", "'").split())


def modern_tones(s):
    """Move the tone of an open 'oa', 'oe', 'uy' syllable to its first vowel (hoà -> hòa, thuỷ -> thủy).
    Mirrors VietnameseText.ToneKey but keeps the letter case."""
    out = list(s)
    i = 0
    while i + 1 < len(out):
        bare = out[i]
        low = bare.lower()
        if low in ("o", "u"):
            nxt = unicodedata.normalize("NFD", out[i + 1])
            if len(nxt) == 2 and nxt[1] in TONE_MARKS:
                base = nxt[0].lower()
                ok = (low == "o" and base in ("a", "e")) or (low == "u" and base == "y")
                follows = i + 2 < len(out) and out[i + 2].isalpha()
                prev = out[i - 1].lower() if i > 0 else ""
                if ok and not follows and prev != "q" and not (low == "u" and prev == "g"):
                    out[i] = nfc(bare + nxt[1])
                    out[i + 1] = nxt[0]
                    i += 2
                    continue
        i += 1
    return "".join(out)


def split_type(full):
    """'Phường Phường Đúc' -> ('Phường', 'Phường Đúc'); 'Phường 05' -> ('Phường', '5'); 'Thị Xã Buôn Hồ' -> ('Thị xã', 'Buôn Hồ')."""
    s = squeeze(full)
    for t in TYPE_WORDS:
        if s.lower().startswith(t.lower() + " "):
            name = s[len(t) + 1:]
            # Numbered wards and urban districts keep the number as their name; leading zeros are a GSO habit.
            if re.fullmatch(r"\d+", name):
                name = str(int(name))
            return t, modern_tones(name)
    return None, modern_tones(s)


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{os.path.basename(path)}: {len(rows)} rows, {os.path.getsize(path):,} bytes")


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, "..", "shared", "gazetteer")
    derived = os.path.join(src, "derived")
    out = os.path.join(repo, "data", "gazetteer")
    os.makedirs(out, exist_ok=True)
    header = ["level", "code", "name", "type", "parent_code", "province_code", "valid_from", "valid_to"]

    canonical = {}  # (era, code) -> set of canonical names
    history = []
    for r in read(os.path.join(derived, "units_history.csv")):
        # The README says to trust the name prefix over GSO's type field (it flips for a few units).
        t, name = split_type(r["name"])
        if t is None:
            raise SystemExit(f"no type word in {r['name']!r}")
        name = PREFERRED_NAMES.get(("pre2025", r["code"]), name)
        canonical.setdefault(("pre2025", r["code"]), set()).add(name)
        valid_to = r["valid_to"] or REFORM_DATE
        history.append([r["level"], r["code"], name, t, r["parent_code"], r["province_code"], r["valid_from"], valid_to])
    history.sort(key=lambda x: (int(x[0]), x[1], x[6]))
    # Versions that differed only in spelling details ("Phường 05" -> "Phường 5") are one version once names are
    # canonical: merge consecutive rows with the same name, type and parent.
    merged = []
    for row in history:
        prev = merged[-1] if merged else None
        if prev and prev[:6] == row[:6] and prev[7] == row[6]:
            prev[7] = row[7]
        else:
            merged.append(row)
    history = merged
    write(os.path.join(out, "units_history.csv"), header, history)

    units25 = []
    for r in read(os.path.join(derived, "units_2025-07-01.csv")):
        t, name = split_type(r["name"])
        if t is None:
            # One NSO row lost the diacritics of its type word ("Xa Ea Kly"); its type column is still right.
            t, name = split_type(r["type"] + " " + squeeze(r["name"]).split(" ", 1)[1])
            print(f"  repaired type word: {r['name']!r} -> {t} {name}")
        level = r["level"]
        # From 2025-07-01 communes sit directly under the province.
        parent = "" if level == "1" else r["province_code"]
        canonical.setdefault(("2025", r["code"]), set()).add(name)
        units25.append([level, r["code"], name, t, parent, r["province_code"], REFORM_DATE, ""])
    units25.sort(key=lambda x: (int(x[0]), x[1]))
    write(os.path.join(out, "units_2025.csv"), header, units25)

    mapping = set()
    for r in read(os.path.join(derived, "mapping_2025_commune_old_to_new.csv")):
        old = r["old_code_corrected"] or r["old_code"]
        if not old or not r["new_code"]:
            continue
        mapping.add((old, r["new_code"], r["relation"]))
    write(os.path.join(out, "mapping_2025.csv"), ["old_code", "new_code", "relation"], sorted(mapping))

    variants = set()
    for r in read(os.path.join(derived, "name_variants.csv")):
        t, name = split_type(r["spelling"])
        if t is None:
            continue  # a spelling whose type word is itself misspelt is no use to a matcher
        key = (r["era"], r["code"])
        if name.lower() not in {n.lower() for n in canonical.get(key, ())}:
            variants.add((r["era"], r["code"], name))
    # Keep the GSO spelling that a preferred name replaced.
    variants.add(("pre2025", "467", "Đa Krông"))
    for v in EXTRA_VARIANTS:
        variants.add(v)
    # GSO abbreviates farm towns as "NT X"; text writes "Nông trường X".
    for (era, code), names in canonical.items():
        for n in names:
            m = re.match(r"^N\.?T\.? (.+)$", n)
            if m:
                variants.add((era, code, "Nông trường " + m.group(1)))
                variants.add((era, code, m.group(1)))
    write(os.path.join(out, "variants.csv"), ["era", "code", "spelling"], sorted(variants))


if __name__ == "__main__":
    main()
