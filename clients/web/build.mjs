// Builds the agent desktop and the webchat widget into the server's static
// files (or into the directory given as the first argument):
//
//   desktop/index.html, app.js, app.css   the agent desktop, served at /
//   widget/relaydesk-chat.js              the webchat widget, at /widget/relaydesk-chat.js
//
// esbuild, minified, one ES module per entry point, no source maps, hashes or
// timestamps: the same sources always give the same bytes (make checkweb).

import { copyFile, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] ?? path.join(here, "../../server/relaydesk_server/web"));
const client = path.resolve(here, "../typescript/src/index.ts");

// The TypeScript client is compiled from its sources, and every package it
// imports resolves to this package's node_modules: one copy of the protobuf and
// Connect runtimes (a second copy would break `instanceof ConnectError`), and no
// need to install clients/typescript's own packages.
const oneRuntime = {
  name: "one-runtime",
  setup(build) {
    build.onResolve({ filter: /^@relaydesk\/client$/ }, () => ({ path: client }));
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.pluginData === "from-web" || !args.resolveDir || isInside(args.resolveDir, here)) {
        return undefined;
      }
      return build.resolve(args.path, { kind: args.kind, resolveDir: here, pluginData: "from-web" });
    });
  },
};

function isInside(dir, parent) {
  const relative = path.relative(parent, dir);
  return !relative.startsWith("..") && !path.isAbsolute(relative);
}

const shared = {
  absWorkingDir: here,
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2022", "chrome109", "firefox115", "safari16"],
  platform: "browser",
  charset: "utf8",
  legalComments: "eof",
  sourcemap: false,
  logLevel: "warning",
  plugins: [oneRuntime],
};

await rm(out, { recursive: true, force: true });
await mkdir(path.join(out, "desktop"), { recursive: true });
await mkdir(path.join(out, "widget"), { recursive: true });
await Promise.all([
  esbuild.build({ ...shared, entryPoints: ["desktop/app.ts"], outfile: path.join(out, "desktop/app.js") }),
  esbuild.build({ ...shared, entryPoints: ["desktop/app.css"], outfile: path.join(out, "desktop/app.css") }),
  esbuild.build({ ...shared, entryPoints: ["widget/relaydesk-chat.ts"], outfile: path.join(out, "widget/relaydesk-chat.js") }),
  copyFile(path.join(here, "desktop/index.html"), path.join(out, "desktop/index.html")),
]);
