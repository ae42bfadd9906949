// README.md's examples, run against a started server with the sample dataset, in the order they stand: every `js`
// block as a module of its own (importing "localvision" as a user would), with 127.0.0.1:50051 replaced by the
// server's address, and its output compared with the `text` block right after it, where there is one; the `ts`
// blocks type-checked with tsc --noEmit; and the `node src/shortest-path.js` command run and compared the same way.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { notBuilt, startServer } from "./running-server.js";

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DOCUMENTED_ADDRESS = "127.0.0.1:50051";

/** The fenced blocks of `markdown`, each { lang, code, line, output } where output is the `text` block after it. */
export function fencedBlocks(markdown) {
  const lines = markdown.split("\n");
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    blocks.push({ lang: open[1], code: body.join("\n"), line: start + 1, end: i + 1 });
  }
  blocks.forEach((block, n) => {
    const next = blocks[n + 1];
    const between = next ? lines.slice(block.end, next.line - 1) : [];
    if (next && (next.lang === "text" || next.lang === "") && between.every((l) => l.trim() === "")) block.output = next.code;
  });
  return blocks;
}

const readme = readFileSync(path.join(packageRoot, "README.md"), "utf8");
const blocks = fencedBlocks(readme);

describe("README.md's examples, against the real server", { skip: notBuilt }, () => {
  let server;
  let folder;

  before(async () => {
    server = await startServer();
    folder = mkdtempSync(path.join(os.tmpdir(), "localvision-readme-"));
    // The examples import the package by its name, as they would from an installed copy.
    mkdirSync(path.join(folder, "node_modules"));
    symlinkSync(packageRoot, path.join(folder, "node_modules/localvision"), "dir");
  });

  after(() => {
    server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test("the README has examples for every service, the streams and the errors", () => {
    const js = blocks.filter((b) => b.lang === "js").map((b) => b.code).join("\n");
    for (const service of ["graph", "evaluation", "insight", "network", "theory", "access", "admin"]) assert.match(js, new RegExp(`\\.${service}\\.`), service);
    assert.match(js, /for await \(const batch of client\.graph\.exportGraph/);
    assert.match(js, /importGraph\(batches\(\)\)/);
    assert.match(js, /fieldViolations/);
  });

  // In document order: a write in one example is seen by the next, and the access example, which makes the first
  // key, comes last.
  for (const block of blocks.filter((b) => b.lang === "js" || (b.lang === "bash" && b.code.startsWith("node src/shortest-path.js")))) {
    test(`the ${block.lang} example at README.md line ${block.line}`, () => {
      let stdout;
      try {
        if (block.lang === "js") {
          const file = path.join(folder, `line-${block.line}.mjs`);
          writeFileSync(file, block.code.replaceAll(DOCUMENTED_ADDRESS, server.address.replace(/^http:\/\//, "")));
          stdout = execFileSync(process.execPath, [file], { cwd: folder, encoding: "utf8", timeout: 60_000, env: { ...process.env, LV_SERVER: "", LV_API_KEY: "" } });
        } else {
          const args = block.code.trim().split(/\s+/).slice(1).map((a) => (a === DOCUMENTED_ADDRESS ? server.address : a));
          stdout = execFileSync(process.execPath, args, { cwd: packageRoot, encoding: "utf8", timeout: 60_000 });
        }
      } catch (error) {
        assert.fail(`the example failed (exit ${error.status}):\n${error.stdout}\n${error.stderr}`);
      }
      if (block.output !== undefined) assert.equal(stdout.trimEnd(), block.output.trimEnd());
    });
  }

  test("the lv-path command is shown with its output", () => {
    assert.ok(blocks.find((b) => b.lang === "bash" && b.code.startsWith("node src/shortest-path.js"))?.output);
  });

  test("the ts examples type-check with tsc --noEmit", () => {
    const ts = blocks.filter((b) => b.lang === "ts");
    assert.ok(ts.length > 0);
    // Inside the package, so that "localvision" resolves to it by its own name, as in usage.ts.
    const checked = path.join(packageRoot, "test/types/readme");
    rmSync(checked, { recursive: true, force: true });
    mkdirSync(checked);
    try {
      const files = ts.map((b) => {
        const name = `line-${b.line}.ts`;
        writeFileSync(path.join(checked, name), `${b.code}\nexport {};\n`);
        return name;
      });
      writeFileSync(path.join(checked, "tsconfig.json"), JSON.stringify({ extends: "../tsconfig.json", files }));
      const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
      try {
        execFileSync(process.execPath, [tsc, "--noEmit", "-p", checked], { cwd: packageRoot, encoding: "utf8" });
      } catch (error) {
        assert.fail(`tsc --noEmit failed on README's ts examples:\n${error.stdout}${error.stderr}`);
      }
    } finally {
      rmSync(checked, { recursive: true, force: true });
    }
  });
});
