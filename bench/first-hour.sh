#!/usr/bin/env bash
# A newcomer's first minutes, timed on a fresh clone of this repository's HEAD:
# `npm ci` (which builds), then `npm start` until GET /graphql answers, three times
# (the first on an empty data folder), then `npm run keys -- list`.
#   bash bench/first-hour.sh [port]
set -u
port="${1:-4311}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
folder="$(mktemp -d)"
trap 'pkill -TERM -f "dist/src/main.js --port ${port}" 2>/dev/null; rm -rf "${folder}"' EXIT
git clone -q "${repo}" "${folder}" && cd "${folder}" || exit 1
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }

started=$(now)
npm ci --no-audit --no-fund > npm-ci.log 2>&1 || { tail -20 npm-ci.log; exit 1; }
echo "npm ci (with its build): $(since "${started}") s; EBADENGINE warnings: $(grep -c EBADENGINE npm-ci.log)"

for run in 1 2 3; do
  started=$(now)
  npm start -- --port "${port}" > "start-${run}.log" 2>&1 &
  until curl -sf -o /dev/null "http://127.0.0.1:${port}/graphql?query=%7B__typename%7D"; do sleep 0.05; done
  echo "npm start ${run} to its first answer: $(since "${started}") s"
  pkill -TERM -f "dist/src/main.js --port ${port}"
  while pgrep -f "dist/src/main.js --port ${port}" > /dev/null; do sleep 0.1; done
done

started=$(now)
npm run keys -- list > keys.log 2>&1
echo "npm run keys -- list: $(since "${started}") s"
