// The TypeScript declarations: types/index.d.ts is what scripts/declarations.js makes of the protos the client loads,
// and test/types/usage.ts type-checks against them with `tsc --noEmit` (its @ts-expect-error lines must fail to).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { contract } from "../src/contract.js";
import { declarations } from "../scripts/declarations.js";

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

test("types/index.d.ts is generated from the contract the client loads, a method for every RPC", () => {
  const written = readFileSync(path.join(packageRoot, "types/index.d.ts"), "utf8");
  assert.equal(written, declarations(contract()), "stale declarations: run `npm run build`");
  for (const service of contract().services) {
    assert.match(written, new RegExp(`export interface ${service.name} \\{`));
    for (const method of service.methods) assert.match(written, new RegExp(`\\n  ${method.property}\\(`), `${service.name}.${method.name}`);
  }
});

test("the README's usage type-checks with tsc --noEmit, and misuse does not (npm run typecheck)", () => {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  try {
    execFileSync(process.execPath, [tsc, "--noEmit", "-p", path.join(packageRoot, "test/types")], { cwd: packageRoot, encoding: "utf8" });
  } catch (error) {
    assert.fail(`tsc --noEmit failed:\n${error.stdout}${error.stderr}`);
  }
});
