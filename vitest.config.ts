import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
	resolve: {
		// main.ts, not a stale main.js build output beside it.
		extensions: [".ts", ".mts", ".mjs", ".js", ".json"],
		alias: {
			// The npm package ships types only; tests run against our in-memory fake.
			obsidian: fileURLToPath(new URL("./test/fakes/obsidian.ts", import.meta.url)),
		},
	},
	test: {
		include: ["test/**/*.test.ts"],
		// Property tests run thousands of cases; on a loaded 2-core CI machine 5 s is too tight a limit.
		testTimeout: 30_000,
		pool: "threads",
		maxWorkers: 2,
	},
});
