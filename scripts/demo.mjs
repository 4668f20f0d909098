// `npm start` (after `npm run build`): lay out a fresh demo vault with the plugin installed and enabled,
// run the CLI on it, and say how to open it in Obsidian.
import { spawnSync } from "node:child_process";
import { access, cp, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const vaultName = "demo-vault";
const vaultDir = path.join(root, vaultName);
const catalogue = "CS294 AI-Systems.md";
const pluginId = "paper-catalogue";
// A fresh vault uses Obsidian's default configuration folder.
const configDir = path.join(vaultDir, ".obsidian");
const pluginDir = path.join(configDir, "plugins", pluginId);

/** Built plugin files to install; Obsidian treats styles.css as optional. */
const pluginFiles = [
	{ name: "main.js", required: true },
	{ name: "manifest.json", required: true },
	{ name: "styles.css", required: false },
];

/**
 * CLI runs on the demo vault, in order (arguments to `node dist/cli.js`, run from the repository root):
 * make a note for every paper and link it from the catalogue, then show that the reading progress is unchanged.
 */
const cliSteps = [
	["sync", vaultName, "--catalogue", catalogue],
	["progress", vaultName, "--catalogue", catalogue],
];

async function exists(file) {
	try {
		await access(file);
		return true;
	} catch {
		return false;
	}
}

function say(text) {
	process.stdout.write(`${text}\n`);
}

function fail(message) {
	process.stderr.write(`demo: ${message}\n`);
	process.exit(1);
}

for (const file of [...pluginFiles.filter((entry) => entry.required).map((entry) => entry.name), "dist/cli.js"]) {
	if (!(await exists(path.join(root, file)))) fail(`${file} is missing; run "npm run build" first (or use "npm start")`);
}

await rm(vaultDir, { recursive: true, force: true });
await cp(path.join(root, "example", "vault"), vaultDir, { recursive: true });

await mkdir(pluginDir, { recursive: true });
for (const { name } of pluginFiles) {
	const source = path.join(root, name);
	if (await exists(source)) await cp(source, path.join(pluginDir, name));
}
await writeFile(path.join(configDir, "community-plugins.json"), `${JSON.stringify([pluginId])}\n`);

for (const args of cliSteps) {
	say(`\n$ node dist/cli.js ${args.map((arg) => (/^[\w./-]+$/.test(arg) ? arg : JSON.stringify(arg))).join(" ")}`);
	const result = spawnSync(process.execPath, [path.join("dist", "cli.js"), ...args], { cwd: root, stdio: "inherit" });
	if (result.error) fail(`could not run the CLI: ${result.error.message}`);
	if (result.status !== 0) process.exit(result.status ?? 1);
}

say(
	`\nOpen it in Obsidian: "Open folder as vault" → ${vaultDir}, then choose "Trust author and enable plugins".`,
);
