#!/bin/sh
# Validates `racoonctl status -f json` (plain and verbose) against the protocol reference's JSON schema,
# in the states racoonsim can be put in: idle, connected with Xauth and mode-cfg, with a phase 2.
# usage: check-status-schema.sh BUILD_DIR SCHEMA
set -eu
build=$1
schema=$2
work=$(mktemp -d)
sock="$work/racoon.sock"
"$build/tools/racoonsim/racoonsim" --socket "$sock" 2>"$work/racoonsim.log" &
sim=$!
trap 'kill "$sim" 2>/dev/null; wait "$sim" 2>/dev/null; rm -rf "$work"' EXIT INT TERM
i=0
while [ ! -S "$sock" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done

rc() { "$build/src/cli/racoonctl" -s "$sock" "$@"; }
n=0
capture() {
    n=$((n + 1))
    rc status -f json >"$work/status-$n.json"
    rc status -v -f json >"$work/status-$n-verbose.json"
}
capture
printf 'labpass\n' | rc vc -u labuser 192.0.2.1 >/dev/null 2>&1
capture
rc es isakmp inet 192.0.2.2 198.51.100.1 >/dev/null
sleep 0.4
rc es -w esp inet 192.0.2.2/32 10.20.0.0/16 any >/dev/null
capture

python3 - "$schema" "$work"/status-*.json <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft202012Validator(schema) if hasattr(jsonschema, "Draft202012Validator") else jsonschema.Draft7Validator(schema)
passed = failed = 0
for path in sys.argv[2:]:
    doc = json.load(open(path))
    errors = list(validator.iter_errors(doc))
    verbose = path.endswith("-verbose.json")
    if verbose != ("phase2" in doc):
        errors.append("phase2 must be present exactly in the verbose status")
    if errors:
        failed += 1
        print("FAIL", path.rsplit("/", 1)[-1], "; ".join(str(e)[:300] for e in errors))
    else:
        passed += 1
print("status schema: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
