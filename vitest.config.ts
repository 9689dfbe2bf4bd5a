import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/helpers/report-requirements.ts"],
    setupFiles: ["tests/helpers/seeded-properties.ts"],
    testTimeout: 30_000,
  },
});
