#!/usr/bin/env node
// What the SDK adds to a browser app: dist/esm bundled by esbuild (minified, ESM, for the
// browser) with openapi-fetch, raw and gzip -9 bytes, next to openapi-fetch alone.
// Needs `npm run build` first. Quoted in docs/adr/0004-typescript-sdk-generator.md.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entries = {
  "openapi-fetch alone": 'import createClient from "openapi-fetch"; export { createClient };',
  "@haven/sdk (createHaven, errors, stores)":
    'export { createHaven, HavenError, HttpError, NetworkError, TimeoutError, isHavenError, MemoryTokenStore, webStorageTokenStore } from "./dist/esm/index.js";',
};
for (const [name, contents] of Object.entries(entries)) {
  const out = await build({
    stdin: { contents, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
  });
  const code = out.outputFiles[0].contents;
  console.log(`${name}: ${code.length} B minified, ${gzipSync(code, { level: 9 }).length} B gzip`);
}
