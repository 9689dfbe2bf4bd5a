/**
 * What some tests need from outside the repository. Where a requirement is missing, the tests that
 * need it are skipped, and the run says which and why (tests/helpers/report-requirements.ts). In
 * CI the tools are installed by .ci/run, so there a missing tool fails its tests instead.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export interface Requirement {
  /** Whether the tests that need it run here. */
  met: boolean;
  /** The tests that need it. */
  tests: string;
  /** Why they are skipped where it is missing, and how to get it. */
  missing: string;
}

const inCI = Boolean(process.env.CI);

function runs(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}

/** Debian's Chromium, as CI installs it; `npx playwright install` cannot download a browser here. */
export const CHROMIUM = "/usr/bin/chromium";

/** The project's shared data, beside a developer's checkout; a user's clone has none. */
export const SHARED = join(import.meta.dirname, "..", "..", "..", "shared");

export const REQUIREMENTS = {
  chromium: {
    met: inCI || existsSync(CHROMIUM),
    tests: "the viewer's end-to-end tests (tests/e2e)",
    missing: `no browser at ${CHROMIUM} (Debian: apt-get install chromium)`,
  },
  xmllint: {
    met: inCI || runs("xmllint", ["--version"]),
    tests: "the GEXF exports checked against the GEXF 1.3 grammar",
    missing: "xmllint is not installed (Debian: apt-get install libxml2-utils)",
  },
  networkx: {
    met: runs("python3", ["-c", "import networkx"]),
    tests: "the GEXF export read back by networkx",
    missing: "python3 has no networkx (Debian: apt-get install python3-networkx)",
  },
  slurm: {
    met: inCI || runs("sinfo", ["--noheader", "--states=idle,mixed"]),
    tests: "sharded extraction as a real Slurm job array (tests/cluster/slurm.test.ts)",
    missing:
      "no Slurm cluster answers here (.ci/slurm up starts one of one node: Debian's slurm-wlm and munge)",
  },
  devGold: {
    met: existsSync(join(SHARED, "gold", "dev.jsonl")),
    tests: "the extractor's score on the annotated dev set",
    missing: "../shared/gold/dev.jsonl is absent: a clone without the project's shared data",
  },
} satisfies Record<string, Requirement>;
