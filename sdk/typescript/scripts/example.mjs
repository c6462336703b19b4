#!/usr/bin/env node
// Proves the package from the outside: `npm pack` builds the tarball, a copy of
// examples/app installs it (not the sources) with its dependencies, compiles under
// strict + exactOptionalPropertyTypes + noUncheckedIndexedAccess (skipLibCheck off, so the
// package's declarations are checked too), runs as ES module, and `require()`s the CJS
// build. Needs `npm run build` first.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const work = mkdtempSync(join(tmpdir(), "haven-sdk-example-"));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "inherit"] }).toString();
try {
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], root))[0];
  const files = packed.files.map((f) => f.path);
  const outside = files.filter((f) => !/^(dist\/(esm|cjs)\/|README\.md$|package\.json$)/.test(f));
  if (outside.length > 0) throw new Error(`the tarball holds files it should not: ${outside.join(", ")}`);
  console.log(`packed ${packed.filename}: ${files.length} files, ${packed.size} bytes`);

  const app = join(work, "app");
  cpSync(join(root, "examples", "app"), app, {
    recursive: true,
    filter: (src) => !/node_modules|build/.test(src.slice(root.length)),
  });
  run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", "--prefer-offline", join(work, packed.filename)], app);
  run(join(root, "node_modules", ".bin", "tsc"), ["-p", join(app, "tsconfig.json")], app);
  console.log("the example compiles against the installed tarball (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess)");
  process.stdout.write(run("node", ["build/main.js"], app));
  const cjs = run("node", ["-e", "const s = require('@haven/sdk'); console.log(typeof s.createHaven, typeof s.HavenError)"], app);
  if (cjs.trim() !== "function function") throw new Error(`require('@haven/sdk') gave: ${cjs}`);
  console.log("require('@haven/sdk') loads the CommonJS build");
} finally {
  rmSync(work, { recursive: true, force: true });
}
