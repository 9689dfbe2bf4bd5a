import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createViewerServer, GAPS_PATH, VIEWER_DIR } from "../../src/serve/index.js";
import type { GapReport } from "../../src/time/index.js";
import { smallGraphDir } from "../helpers/graph.js";

describe("the server's answers on gaps", () => {
  let base: string;
  let close: () => void;

  beforeAll(async () => {
    const server = createViewerServer({ viewerDir: VIEWER_DIR, graphDir: await smallGraphDir() });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${GAPS_PATH}`;
    close = () => server.close();
  });

  afterAll(() => close?.());

  it("answers an entity's gaps as JSON, saying which scorer ranked them", async () => {
    const response = await fetch(`${base}?concept=dataset%3Amodelnet40&limit=5`);
    expect(response.status).toBe(200);
    const report = (await response.json()) as GapReport;
    expect(report.scorer).toBe("adamic-adar");
    expect(report.because).toBe("no paper has a date to learn from");
    expect(Array.isArray(report.gaps)).toBe(true);
  });

  it("refuses an unknown entity, a limit out of range and a pair type it does not know", async () => {
    const unknown = await fetch(`${base}?concept=method%3Anone&limit=5`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toBe(
      'no entity "method:none" in this build',
    );
    expect((await fetch(`${base}?concept=dataset%3Amodelnet40&limit=0`)).status).toBe(400);
    expect((await fetch(`${base}?concept=dataset%3Amodelnet40&pair=paper-task`)).status).toBe(400);
  });
});
