import esbuild from "esbuild";
import { builtinModules } from "node:module";

const production = process.argv[2] === "production";

// Obsidian provides these at run time; bundling them would break the plugin.
const obsidianExternals = [
	"obsidian",
	"electron",
	"@codemirror/*",
	"@lezer/*",
];

const pluginOptions = {
	entryPoints: ["main.ts"],
	bundle: true,
	format: "cjs",
	platform: "browser",
	target: "es2020",
	external: obsidianExternals,
	outfile: "main.js",
	logLevel: "info",
	sourcemap: production ? false : "inline",
	treeShaking: true,
	minify: production,
};

const cliOptions = {
	entryPoints: ["src/cli/main.ts"],
	bundle: true,
	format: "esm",
	platform: "node",
	target: "node20",
	outfile: "dist/cli.js",
	logLevel: "info",
	sourcemap: false,
	external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
	// Bundled CommonJS dependencies (yaml) require Node built-ins; an ES module has no `require` of its own.
	banner: { js: '#!/usr/bin/env node\nimport { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);' },
};

if (production) {
	await Promise.all([esbuild.build(pluginOptions), esbuild.build(cliOptions)]);
} else {
	const contexts = await Promise.all([esbuild.context(pluginOptions), esbuild.context(cliOptions)]);
	await Promise.all(contexts.map((context) => context.watch()));
}
