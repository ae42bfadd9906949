// The package as npm would publish it (`npm pack`): installed by itself in an empty folder, it loads its own copy of
// the protos (not the repository's), makes every service, and carries its declarations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

test("the packed package works on its own: main module, protos, types, engines", () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "localvision-pack-"));
  try {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const [{ filename, files }] = JSON.parse(execFileSync(npm, ["pack", "--json", "--pack-destination", folder], { cwd: packageRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
    const packed = files.map((f) => f.path);
    for (const expected of ["src/index.js", "types/index.d.ts", "types/core.d.ts", "proto/localvision/v1/graph.proto", "proto/google/rpc/error_details.proto", "README.md"]) {
      assert.ok(packed.includes(expected), `${expected} is packed`);
    }
    assert.ok(!packed.some((f) => f.startsWith("test/") || f.startsWith("scripts/")), "tests and build scripts stay out");

    const installed = path.join(folder, "app/node_modules/localvision");
    mkdirSync(installed, { recursive: true });
    execFileSync("tar", ["-xzf", path.join(folder, filename), "-C", installed, "--strip-components=1"]);
    // Its two runtime dependencies, as npm would install them beside it.
    for (const dependency of Object.keys(JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8")).dependencies)) {
      const target = path.join(folder, "app/node_modules", dependency);
      mkdirSync(path.dirname(target), { recursive: true });
      if (!existsSync(target)) symlinkSync(path.join(packageRoot, "node_modules", dependency), target, "dir");
    }
    writeFileSync(
      path.join(folder, "app/main.mjs"),
      `import { LocalVisionClient, LocalVisionError } from "localvision";
const client = new LocalVisionClient({ address: "https://127.0.0.1:1" });
console.log(Object.keys(client.services).join(","), typeof client.graph.getNode, typeof LocalVisionError);
client.close();`,
    );
    const env = { ...process.env };
    delete env.LOCALVISION_PROTO_DIR;
    const output = execFileSync(process.execPath, [path.join(folder, "app/main.mjs")], { cwd: path.join(folder, "app"), encoding: "utf8", env });
    assert.equal(output.trim(), "access,admin,evaluation,graph,insight,network,theory function function");

    const manifest = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8"));
    assert.equal(manifest.exports["."].types, "./types/index.d.ts");
    assert.match(manifest.engines.node, />=20/);
    assert.deepEqual(Object.keys(manifest.dependencies).sort(), ["@grpc/grpc-js", "protobufjs"]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
