import { defineConfig, globalIgnores } from "eslint/config";
import { DEFAULT_BRANDS } from "eslint-plugin-obsidianmd/dist/lib/rules/ui/brands.js";
import obsidianmd from "eslint-plugin-obsidianmd";
import tseslint from "typescript-eslint";
import globals from "globals";

export default defineConfig([
	globalIgnores(["node_modules/", "main.js", "dist/", "demo-vault/", "coverage/", "bench/results.json"]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: {
					allowDefaultProject: ["eslint.config.mjs", "esbuild.config.mjs", "scripts/*.mjs"],
				},
				tsconfigRootDir: import.meta.dirname,
			},
		},
	},
	{
		// The manifest is what Obsidian's community list reads: check it with the plugin's own rule.
		files: ["manifest.json"],
		languageOptions: { parser: tseslint.parser, parserOptions: { projectService: false, extraFileExtensions: [".json"] } },
		plugins: { obsidianmd },
		rules: { "obsidianmd/validate-manifest": "error" },
	},
	{
		// Node-side code: the CLI, the file-system vault, build scripts, tests and benchmarks never ship in main.js.
		files: ["src/cli/**/*.ts", "src/node/**/*.ts", "scripts/**/*.mjs", "*.mjs", "test/**/*.ts", "bench/**/*.ts", "vitest.config.ts"],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			"obsidianmd/no-nodejs-modules": "off",
			"import/no-nodejs-modules": "off",
			"no-console": "off",
			// Node code cannot ask Obsidian for Vault#configDir: the command line uses Obsidian's default folder.
			"obsidianmd/hardcoded-config-path": "off",
		},
	},
	{
		// Names spelled as their makers spell them: the rule's own list, plus BibTeX, Semantic Scholar and Obsidian Sync.
		files: ["src/**/*.ts", "main.ts"],
		rules: { "obsidianmd/ui/sentence-case": ["warn", { brands: [...DEFAULT_BRANDS, "BibTeX", "Semantic Scholar", "Obsidian Sync"] }] },
	},
	{
		// The benchmarks run in Node, on Node's own timers and global: there are no popout windows there.
		files: ["bench/**/*.ts"],
		rules: { "obsidianmd/no-global-this": "off", "obsidianmd/prefer-window-timers": "off" },
	},
	{
		// The command line's transport runs in Node, where Obsidian's requestUrl does not exist: it alone may use fetch.
		files: ["src/node/fetch-transport.ts"],
		rules: { "no-restricted-globals": "off" },
	},
	{
		// The declarative settings API (getSettingDefinitions) arrives in Obsidian 1.13; with minAppVersion 1.7.2
		// the tab must render itself in display(), as settings-tab/require-display demands.
		files: ["src/obsidian/settings-tab.ts"],
		// display() is deprecated in the 1.13 types for the same reason, and is the only way before 1.13.
		rules: { "obsidianmd/settings-tab/prefer-setting-definitions": "off", "@typescript-eslint/no-deprecated": "off" },
	},
	{
		// The fake's own tests exercise every API it implements, including ones newer than the plugin's minAppVersion.
		files: ["test/fakes/**/*.ts"],
		rules: { "obsidianmd/no-unsupported-api": "off" },
	},
	{
		// Outside Obsidian there is no Vault#configDir: the demo script lays out a vault's default config folder itself.
		files: ["scripts/**/*.mjs"],
		rules: { "obsidianmd/hardcoded-config-path": "off" },
	},
]);
