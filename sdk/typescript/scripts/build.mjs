#!/usr/bin/env node
// Builds the package (dist/esm, dist/cjs with its {"type": "commonjs"} marker) and the
// tests (build/), each with tsc under the strict settings of tsconfig.base.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tsc = join(root, "node_modules", ".bin", "tsc");
rmSync(join(root, "dist"), { recursive: true, force: true });
rmSync(join(root, "build"), { recursive: true, force: true });
for (const project of ["tsconfig.json", "tsconfig.cjs.json", "tsconfig.test.json"]) {
  execFileSync(tsc, ["-p", join(root, project)], { stdio: "inherit", cwd: root });
}
mkdirSync(join(root, "dist", "cjs"), { recursive: true });
writeFileSync(join(root, "dist", "cjs", "package.json"), '{ "type": "commonjs" }\n');
