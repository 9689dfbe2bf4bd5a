/**
 * papergraph installed as the README tells a user to: `npm pack`, then `npm install` of the
 * tarball in a project of their own (its dependencies from the registry or npm's cache, install
 * scripts run); the README's library example type-checked by tsc against the packed declarations,
 * run by node, and its output compared with the one the README shows.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

/** The README's block after a marker: the library example, or the output it shows for it. */
async function readmeBlock(marker: string): Promise<string> {
  const readme = await readFile(join(ROOT, "README.md"), "utf8");
  const block = new RegExp(`<!-- ${marker} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!block?.[1]) throw new Error(`README.md has no block marked ${marker}`);
  return block[1];
}

let project = "";

beforeAll(async () => {
  if (!existsSync(join(ROOT, "dist", "lib", "index.js")))
    throw new Error('dist/ is not built; run "npm run build" (npm ci does)');
  project = await mkdtemp(join(tmpdir(), "papergraph-user-"));
  // Scripts not run: dist/ is what npm ci built, and the tarball packs it as it is.
  const packed = execFileSync(
    "npm",
    ["pack", "--ignore-scripts", "--json", "--pack-destination", project],
    { cwd: ROOT, encoding: "utf8" },
  );
  const { filename } = (JSON.parse(packed) as { filename: string }[])[0] as { filename: string };
  await writeFile(join(project, "package.json"), '{ "private": true, "type": "module" }\n');
  execFileSync(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", join(project, filename)],
    { cwd: project, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  await writeFile(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        skipLibCheck: false,
        types: ["node"],
        typeRoots: [join(ROOT, "node_modules", "@types")],
        outDir: "out",
      },
      files: ["example.ts"],
    }),
  );
  await writeFile(join(project, "example.ts"), await readmeBlock("library-example"));
}, 300_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe("the packed package", () => {
  it("holds the library, its declarations, the command and the viewer, and no sources", async () => {
    const files = JSON.parse(
      execFileSync("npm", ["pack", "--ignore-scripts", "--dry-run", "--json"], {
        cwd: ROOT,
        encoding: "utf8",
      }),
    )[0].files.map((f: { path: string }) => f.path) as string[];
    for (const expected of [
      "dist/lib/index.js",
      "dist/types/index.d.ts",
      "bin/papergraph.js",
      "viewer/dist/index.html",
    ])
      expect(files).toContain(expected);
    expect(files.some((f) => f.startsWith("src/") || f.startsWith("tests/"))).toBe(false);
  });

  it("runs the README's example, type-checked by tsc, imported by the package's name", async () => {
    const checked = spawnSync(process.execPath, [TSC, "-p", project], { encoding: "utf8" });
    expect(checked.stdout + checked.stderr).toBe("");
    expect(checked.status).toBe(0);
    const run = spawnSync(process.execPath, [join(project, "out", "example.js")], {
      cwd: project,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(await readmeBlock("library-example-output"));
  });

  it("installs the command with the package", () => {
    const bin = join(project, "node_modules", ".bin", "papergraph");
    expect(spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout.trim()).toBe("0.1.0");
  });

  it("types a wrong call as an error, so the declarations are real", async () => {
    await writeFile(
      join(project, "wrong.ts"),
      'import { neighbors } from "papergraph";\nneighbors("not a graph", 42);\n',
    );
    const checked = spawnSync(
      process.execPath,
      [
        TSC,
        "--noEmit",
        "--strict",
        "--module",
        "NodeNext",
        "--moduleResolution",
        "NodeNext",
        // Node's types, as a user's project has them (@types/node).
        "--types",
        "node",
        "--typeRoots",
        join(ROOT, "node_modules", "@types"),
        join(project, "wrong.ts"),
      ],
      { cwd: project, encoding: "utf8" },
    );
    // The mistake is found where it is made, and nowhere in papergraph's own declarations.
    expect(checked.stdout.trim()).toMatch(
      /^wrong\.ts\(2,11\): error TS2345: [^\n]*'KnowledgeGraph'/,
    );
    expect(checked.status).not.toBe(0);
  });
});
