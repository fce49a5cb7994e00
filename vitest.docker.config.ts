import { defineConfig } from "vitest/config";

// The Dockerfile replay installs and compiles from scratch: minutes, so it runs apart from `npm test`.
export default defineConfig({
  test: {
    include: ["test-docker/**/*.test.ts"],
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
