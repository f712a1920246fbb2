#!/usr/bin/env bash
# Builds the browser apps of clients/web (the agent desktop and the webchat widget)
# into the server's static files, server/relaydesk_server/web/, or into the
# directory given as $1 (make checkweb builds into a temporary one and compares).
#   1. npm ci in clients/web, unless node_modules already holds what
#      package-lock.json pins (the build compiles clients/typescript's sources
#      against these packages, so that package needs no install of its own);
#   2. tsc --noEmit: the strict type check;
#   3. esbuild (clients/web/build.mjs): minified ES modules, the same bytes for the
#      same sources.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-server/relaydesk_server/web}")"
web=clients/web

for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "building the web apps needs $tool on PATH" >&2; exit 1; }
done

# npm records what it installed in node_modules/.package-lock.json: every locked
# package but the optional ones for other platforms (esbuild's binaries).
installed_as_locked() {
  node --input-type=module -e '
    import { readFileSync } from "node:fs";
    const read = (file) => JSON.parse(readFileSync(file, "utf8")).packages;
    const locked = read("package-lock.json");
    const installed = read("node_modules/.package-lock.json");
    const same = Object.entries(locked).every(([path, p]) =>
      !path || (installed[path] ? installed[path].version === p.version : p.optional === true));
    process.exit(same && Object.keys(installed).every((path) => path in locked) ? 0 : 1);
  ' 2>/dev/null
}

cd "$web"
if ! installed_as_locked; then
  npm ci --no-audit --no-fund --prefer-offline --loglevel=error
fi
npx --no-install tsc --noEmit -p .
node build.mjs "$out"
