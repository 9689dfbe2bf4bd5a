import { defineConfig } from "vite";

// Fixed asset names let `papergraph export --format html` inline the built app into one file.
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 100_000,
    rollupOptions: {
      output: { entryFileNames: "assets/viewer.js", assetFileNames: "assets/viewer[extname]" },
    },
  },
});
