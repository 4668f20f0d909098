import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/** Bundles main.ts the way esbuild.config.mjs does, in memory, and lists what the bundle still imports. */
async function pluginBundle(): Promise<{ imports: string[]; code: string }> {
	const result = await build({
		entryPoints: ["main.ts"],
		bundle: true,
		format: "cjs",
		platform: "browser",
		target: "es2020",
		external: ["obsidian", "electron", "@codemirror/*", "@lezer/*"],
		write: false,
		metafile: true,
		logLevel: "silent",
	});
	const output = Object.values(result.metafile.outputs)[0];
	return {
		imports: (output?.imports ?? []).map((entry) => entry.path),
		code: result.outputFiles[0]?.text ?? "",
	};
}

describe("the plugin bundle (main.js)", () => {
	it("imports nothing but Obsidian's own modules, so it runs on mobile", async () => {
		const { imports, code } = await pluginBundle();
		const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
		expect(imports.filter((path) => builtins.has(path))).toEqual([]);
		expect(imports.every((path) => ["obsidian", "electron"].includes(path) || path.startsWith("@codemirror/"))).toBe(true);
		expect(code).not.toMatch(/require\(["'](?:node:)?(?:fs|path|os|child_process|crypto|process|util|url|stream|buffer|vm)["']\)/);
	});
});

describe("the command-line tool (dist/cli.js)", () => {
	it("is the package's paper-catalogue command: the build writes the bin's file, as a script with a shebang", () => {
		const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { bin?: Record<string, string> };
		expect(manifest.bin).toEqual({ "paper-catalogue": "dist/cli.js" });
		const config = readFileSync("esbuild.config.mjs", "utf8");
		expect(config).toContain('outfile: "dist/cli.js"');
		expect(config).toContain("banner: { js: '#!/usr/bin/env node\\n");
	});
});
