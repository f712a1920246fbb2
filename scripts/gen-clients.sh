#!/usr/bin/env bash
# Generates the Go, TypeScript and Java clients' code from protos/ with
# buf.gen.yaml, under OUT_ROOT (default: the project itself). The generated
# directories hold nothing else, so they are emptied first.
set -euo pipefail
buf=${1:?usage: gen-clients.sh BUF [OUT_ROOT]}
root=${2:-.}
cd "$(dirname "$0")/.."
GENERATED_DIRS=(clients/go/relaydesk clients/typescript/src/gen clients/java/src/generated)
for dir in "${GENERATED_DIRS[@]}"; do rm -rf "${root:?}/$dir"; done
"$buf" generate --template buf.gen.yaml -o "$root"
