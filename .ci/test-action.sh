#!/usr/bin/env bash
# Runs action.yml's own steps (through .ci/RunAction.java) on a sample posts repository in a temp
# folder, twice: the first run builds the jar once from these sources and caches it, the second
# finds the jar and the images in the cache and, for a week without posts, reports empty=true.
# Needs target/gazette.jar (for its YAML reader), Java 17, Maven with the dependencies downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ws="$tmp/workspace"
mkdir -p "$ws"
cp -R samples/blog "$ws/posts"
printf 'zone: Asia/Shanghai\ntitle: Notes {week}\n' > "$ws/posts/gazette.yml"

# The jar cache lives under $HOME: use a fresh one, with the real Maven repository.
export GAZETTE_MAVEN_ARGS="-o -Dmaven.repo.local=${HOME}/.m2/repository"
export HOME="$tmp/home"
mkdir -p "$HOME"

run() { java -cp "$root/target/gazette.jar" "$root/.ci/RunAction.java" "$root" "$ws" "$@"; }

run 'range=week: 2021-W26' formats=epub profile=kindle > "$tmp/first.log"
first="$(cat "$tmp/first.log")"
echo "$first"
grep -q 'cache miss: .*gazette-action/jar/src-' <<< "$first"
grep -q '^step: Download or build the jar' <<< "$first"
grep -q '^output empty=false$' <<< "$first"
epub="$(sed -n 's/^output files=//p' <<< "$first")"
[[ $epub == digest/*.epub ]]
test -s "$ws/$epub"
grep -q '^output report=digest/report.json$' <<< "$first"
grep -q '"included"' "$ws/digest/report.json"
ls "$HOME"/.cache/gazette-action/jar/src-*/gazette.jar > /dev/null

run 'range=week: 2021-W20' formats=epub > "$tmp/second.log"
second="$(cat "$tmp/second.log")"
echo "$second"
grep -q 'cache hit: .*gazette-action/jar/src-' <<< "$second"
grep -q 'step skipped: Download or build the jar' <<< "$second"
grep -q '^output empty=true$' <<< "$second"
grep -q '^output files=$' <<< "$second"
echo "action steps: 2 passed, 0 failed"
