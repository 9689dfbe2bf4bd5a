/**
 * papergraph installed as a user installs it: `npm pack`, the tarball unpacked into a project's
 * node_modules, the README's library example type-checked by tsc against the packed declarations
 * and run by node. Its dependencies resolve from this repository's node_modules, as they would
 * from the user's after `npm install`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

/** The code block the README marks as the library example. */
async function readmeExample(): Promise<string> {
  const readme = await readFile(join(ROOT, "README.md"), "utf8");
  const block = /<!-- library-example -->\s*```ts\n([\s\S]*?)```/.exec(readme);
  if (!block?.[1]) throw new Error("README.md has no library example");
  return block[1];
}

let project = "";

beforeAll(async () => {
  if (!existsSync(join(ROOT, "dist", "lib", "index.js")))
    throw new Error('dist/ is not built; run "npm run build" (npm ci does)');
  // Inside the repository, so that the package's dependencies resolve from its node_modules.
  await mkdir(join(ROOT, "node_modules", ".cache"), { recursive: true });
  project = await mkdtemp(join(ROOT, "node_modules", ".cache", "papergraph-user-"));
  // Scripts not run: dist/ is what npm ci built, and the tarball packs it as it is.
  const packed = execFileSync(
    "npm",
    ["pack", "--ignore-scripts", "--json", "--pack-destination", project],
    { cwd: ROOT, encoding: "utf8" },
  );
  const { filename } = (JSON.parse(packed) as { filename: string }[])[0] as { filename: string };
  const installed = join(project, "node_modules", "papergraph");
  await mkdir(installed, { recursive: true });
  execFileSync("tar", ["-xzf", join(project, filename), "-C", installed, "--strip-components=1"]);
  await writeFile(join(project, "package.json"), '{ "type": "module" }\n');
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
  await writeFile(join(project, "example.ts"), await readmeExample());
}, 120_000);

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

  it("runs the README's example, type-checked by tsc, imported by the package's name", () => {
    const checked = spawnSync(process.execPath, [TSC, "-p", project], { encoding: "utf8" });
    expect(checked.stdout + checked.stderr).toBe("");
    expect(checked.status).toBe(0);
    const run = spawnSync(process.execPath, [join(project, "out", "example.js")], {
      cwd: project,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    const [neighbours, size] = run.stdout.trim().split("\n");
    expect(neighbours).toMatch(/^QM9: /);
    expect(neighbours).toContain("Molecular graph transformers (paper)");
    expect(neighbours).toContain("molecular property prediction (task)");
    expect(size).toMatch(/^\d+ nodes, \d+ threads$/);
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
