/**
 * `npm run bench`: builds the two benchmarks with esbuild and runs them one after the other, in their own
 * processes, with the options given (`npm run bench -- --sizes=1000,10000`; each takes the options it knows):
 * bench/run.ts (parser, progress, sync) and bench/plugin.ts (the plugin in the in-memory Obsidian: the longest
 * task while typing and after a create). Never part of `npm test`.
 */
import { spawnSync } from "node:child_process";
import { build } from "esbuild";

const out = "node_modules/.cache/paper-catalogue-bench";
const common = { bundle: true, platform: "node", format: "esm", packages: "external", logLevel: "warning" };
await build({ ...common, entryPoints: ["bench/run.ts"], outfile: `${out}/run.mjs` });
// The plugin runs on the in-memory Obsidian the tests use.
await build({ ...common, entryPoints: ["bench/plugin.ts"], outfile: `${out}/plugin.mjs`, alias: { obsidian: "./test/fakes/obsidian.ts" } });

let failed = false;
// The plugin benchmark collects garbage between its runs, so that one run's leftovers are not timed in the next.
for (const [script, flags] of [["run.mjs", []], ["plugin.mjs", ["--expose-gc"]]]) {
	const result = spawnSync(process.execPath, [...flags, `${out}/${script}`, ...process.argv.slice(2)], { stdio: "inherit" });
	if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
