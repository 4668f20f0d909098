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
		// The time-out only catches a hang: no test may depend on the machine's speed (timing is the bench's). Property
		// tests run hundreds of cases; on a 2-core CI machine shared with other work they take four to five times
		// as long as alone (a 9 s test took 41 s beside a busy loop and another vitest run), so the guard is generous.
		testTimeout: 120_000,
		// The same for set-up: launching Chromium and bundling the view for the browser test.
		hookTimeout: 120_000,
		pool: "threads",
		maxWorkers: 2,
	},
});
