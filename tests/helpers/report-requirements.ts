/** Vitest's global setup: says, before the run, which tests this machine skips and why. */
import { REQUIREMENTS } from "./requirements.js";

export default function reportRequirements(): void {
  for (const requirement of Object.values(REQUIREMENTS))
    if (!requirement.met) console.log(`skipped: ${requirement.tests}: ${requirement.missing}`);
}
