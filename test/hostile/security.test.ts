/**
 * Nothing escapes the vault, and nothing goes to the network except through the two transports
 * (the plugin's over Obsidian's requestUrl, the command line's over Node's fetch).
 *
 * Every case runs against `FileSystemVault` on a temp folder that holds `vault/` and an empty
 * `sentinel/` beside it: whatever the titles, the notes folder, the template path, the file name
 * format or the note links say, nothing may appear outside `vault/`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { FileSystemVault } from "../../src/node/fs-note-vault";
import { VaultError } from "../../src/node/fs-vault";
import { TemplateError } from "../../src/notes/template";
import { PlanError } from "../../src/sync/plan";
import { sync } from "../../src/sync/sync";
import { CATALOGUE, cli, expectBadInput, expectNothingOutside, fixture, request, SETTINGS, tempVault, tree, type TempVault } from "./helpers";

let temp: TempVault | undefined;
afterEach(async () => {
	await temp?.remove();
	temp = undefined;
});

const ESCAPING_LINKS = [
	"[[../../etc/passwd|notes]]",
	"[[../sentinel/evil|notes]]",
	"[[../../sentinel/evil]]",
	"[notes](../outside.md)",
	"[notes](../sentinel/evil.md)",
	"[notes](%2e%2e/sentinel/evil.md)",
	"[notes](..%2Fsentinel%2Fevil.md)",
	"[notes](/etc/passwd.md)",
	"[[/tmp/evil|notes]]",
	"[[C:/Windows/evil|notes]]",
	"[[\\\\server\\share\\evil|notes]]",
	"[[Papers/../../sentinel/evil|notes]]",
	"[[Papers/%2e%2e/%2e%2e/sentinel/evil|notes]]",
	"[[~/evil|notes]]",
];

const ESCAPING_TITLES = ["../../sentinel/evil", "..", "/etc/passwd", "C:\\Windows\\evil", "..\\..\\sentinel\\evil", "%2e%2e%2fsentinel", "~/evil", "\u0001evil", "sentinel/../../evil"];

function hostileCatalogue(): string {
	const lines = ["# Escapes", ""];
	ESCAPING_LINKS.forEach((link, i) => lines.push(`- [ ] [Linked ${i}](https://example.org/link/${i}) ${link}`));
	ESCAPING_TITLES.forEach((title, i) => lines.push(`- [ ] [${title.replace(/[[\]]/g, "")}](https://example.org/title/${i})`));
	return `${lines.join("\n")}\n${fixture("dead-links.md")}`;
}

describe("no path escapes the vault", () => {
	it("hostile note links and titles: every note is made inside the vault", async () => {
		temp = await tempVault({ [CATALOGUE]: hostileCatalogue() });
		const report = await sync(new FileSystemVault(temp.vault), request());
		expect(report.errors).toEqual([]);
		for (const created of report.created) {
			expect(created).not.toMatch(/^\/|^[A-Za-z]:|(?:^|\/)\.\.?(?:\/|$)/);
			expect(path.resolve(temp.vault, created).startsWith(`${temp.vault}${path.sep}`)).toBe(true);
		}
		// The same catalogue again through the command line: nothing more to do.
		expect(await cli("sync", temp.vault, "--catalogue", CATALOGUE)).toMatchObject({ code: 0, stderr: "" });
		await expectNothingOutside(temp);
	});

	it.each([
		["--folder", "../sentinel"],
		["--folder", "Papers/../../sentinel"],
		["--folder", "..\\sentinel"],
		["--folder", "/tmp/evil"],
		["--folder", "C:\\evil"],
		["--folder", "\\\\server\\share"],
		["--folder", "./../sentinel"],
		["--folder", "Pa\u0000pers"],
		["--template", "../sentinel/template.md"],
		["--template", "../outside.md"],
		["--template", "Templates/../../outside.md"],
		["--template", "..\\outside.md"],
		["--template", "/etc/hosts"],
		["--template", "C:\\Windows\\win.ini"],
		["--catalogue", "../outside.md"],
		["--catalogue", "/etc/hosts"],
	])("%s %j is refused with one line, and nothing is written", async (option, value) => {
		temp = await tempVault({ [CATALOGUE]: fixture("no-headings.md") });
		// A template outside the vault that a path could reach: it must not be read.
		await import("node:fs/promises").then(({ writeFile }) => writeFile(path.join(temp?.root ?? "", "outside.md"), "---\ntitle: stolen\n---\n"));
		const before = await tree(temp.vault);
		const args = option === "--catalogue" ? ["sync", temp.vault, option, value] : ["sync", temp.vault, "--catalogue", CATALOGUE, option, value];
		// A template path is a vault path, as in the plugin's settings: "/etc/hosts" names "etc/hosts" in the vault.
		expectBadInput(await cli(...args), /outside the vault|not a path inside the vault|"\." or "\.\." segments|not allowed in folder names|absolute path|NUL|template note "\/etc\/hosts" does not exist/);
		expect(await tree(temp.vault)).toEqual(before);
		expect(readdirSync(temp.root).sort()).toEqual(["outside.md", "sentinel", "vault"]);
		expect(readdirSync(temp.sentinel)).toEqual([]);
	});

	it.each(["../../{{title}}", "/{{title}}", "..\\..\\{{title}}", "{{url}}", "{{title}}/../../x", "C:{{title}}"])("file name format %j: notes stay in the notes folder", async (format) => {
		temp = await tempVault({ [CATALOGUE]: "- [ ] [../../sentinel/evil](https://example.org/../../sentinel/x)\n- [ ] [Plain](../../../sentinel/y)\n" });
		const report = await sync(new FileSystemVault(temp.vault), request({ settings: { ...SETTINGS, fileNameFormat: format } }));
		expect(report.errors).toEqual([]);
		expect(report.created).toHaveLength(2);
		for (const created of report.created) expect(created).toMatch(/^Papers\/[^/]+\.md$/);
		await expectNothingOutside(temp);
	});

	it("random paths in titles, links, folders, file names and templates never leave the vault", async () => {
		const piece = fc.constantFrom("..", ".", "/", "\\", "%2e", "%2f", "C:", "~", "sentinel", "evil", " ", "\u0000", ":", "*", "x", "{{title}}", "{{url}}");
		const pathish = fc.array(piece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(""));
		temp = await tempVault();
		const vault = temp.vault;
		let n = 0;
		await fc.assert(
			fc.asyncProperty(pathish, pathish, pathish, pathish, pathish, async (title, link, folder, fileName, template) => {
				n += 1;
				const catalogue = `c${n}.md`;
				const text = `- [ ] [${title.replace(/[[\]]/g, "")}](https://example.org/${n}) [[${link.replace(/[[\]|]/g, "")}|notes]]\n- [ ] [Other ${n}](${link.replace(/[\s()]/g, "")})\n`;
				await temp?.write(catalogue, text);
				const settings = { ...SETTINGS, notesFolder: folder, fileNameFormat: fileName };
				for (const attempt of [request({ cataloguePath: catalogue }), request({ cataloguePath: catalogue, settings }), request({ cataloguePath: catalogue, templatePath: template })]) {
					try {
						await sync(new FileSystemVault(vault), attempt);
					} catch (error) {
						// Refusing is fine; crashing with anything else is not.
						expect(error instanceof PlanError || error instanceof TemplateError || error instanceof VaultError, String(error)).toBe(true);
					}
				}
				if (temp) await expectNothingOutside(temp);
			}),
			{ numRuns: 40 },
		);
	});
});

describe("nothing goes to the network but through the two transports", () => {
	const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

	function sourceFiles(dir: string): string[] {
		return readdirSync(dir).flatMap((name) => {
			const full = path.join(dir, name);
			return statSync(full).isDirectory() ? sourceFiles(full) : /\.(?:ts|mts|js|mjs)$/.test(name) ? [full] : [];
		});
	}

	const FETCH = /\bfetch\b/;
	const REQUEST_URL = /\brequestUrl\b/;
	const NETWORK = [
		/\bfetch\s*\(/,
		FETCH,
		/\bXMLHttpRequest\b/,
		/\bWebSocket\b/,
		/\bEventSource\b/,
		/\bsendBeacon\b/,
		REQUEST_URL,
		/\bimport\s*\{[^}]*\brequest\b[^}]*\}\s*from\s*["']obsidian["']/,
		/\bfrom\s*["'](?:node:)?(?:https?|http2|net|tls|dgram|dns|undici|child_process)["']/,
		/\b(?:require|import)\s*\(\s*["'](?:node:)?(?:https?|http2|net|tls|dgram|dns|undici|child_process)["']\s*\)/,
		/\bimport\s*\(\s*[^"'\s)]/,
	];

	/**
	 * The only files that may reach the network, each through its own API and nothing else: the
	 * plugin's transport over Obsidian's requestUrl, the command line's over Node's fetch.
	 */
	const TRANSPORTS = new Map<string, readonly RegExp[]>([
		["src/obsidian/request-url-transport.ts", [REQUEST_URL]],
		["src/node/fetch-transport.ts", [FETCH, /\bfetch\s*\(/]],
	]);

	/** What a file may not do: every way in, less what its path is allowed. */
	function networkUse(relativePath: string, text: string): string[] {
		const allowed = TRANSPORTS.get(relativePath) ?? [];
		// Naming a transport's module to import it is how the plugin and the command line are handed their network.
		const scanned = text.replace(/(["'])(?:\.{1,2}\/)+(?:node\/fetch-transport|obsidian\/request-url-transport|request-url-transport|fetch-transport)\1/g, '""');
		return NETWORK.filter((pattern) => !allowed.includes(pattern) && pattern.test(scanned)).map((pattern) => `${relativePath}: ${String(pattern)}`);
	}

	it("the scanner catches each way in", () => {
		const samples = [
			"await fetch(url)",
			"const send = fetch;",
			"new XMLHttpRequest()",
			"new WebSocket(u)",
			"new EventSource(u)",
			"navigator.sendBeacon(u)",
			"await requestUrl({ url })",
			'import { Notice, request } from "obsidian";',
			'import https from "node:https";',
			'import { get } from "http";',
			'const net = require("net");',
			"await import(moduleName)",
		];
		for (const sample of samples) expect(NETWORK.some((pattern) => pattern.test(sample)), sample).toBe(true);
		expect(NETWORK.some((pattern) => pattern.test('import { parse } from "yaml";\nconst url = "https://example.org";'))).toBe(false);
	});

	it("the allowance is by exact path and by API: the transports' code anywhere else, or another API in them, is caught", () => {
		for (const [transport] of TRANSPORTS) {
			const text = readFileSync(path.join(root, transport), "utf8");
			expect(networkUse(transport, text)).toEqual([]);
			for (const elsewhere of ["src/details/lookup.ts", "src/obsidian/commands.ts", "src/node/fs-vault.ts", "main.ts", `${transport}.bak.ts`, transport.replace(/\.ts$/, ".js")]) {
				expect(networkUse(elsewhere, text).length, `${transport} as ${elsewhere}`).toBeGreaterThan(0);
			}
		}
		expect(networkUse("src/obsidian/request-url-transport.ts", "await fetch(url)")).not.toEqual([]);
		// Importing a transport is allowed anywhere; using the API beside the import is not.
		expect(networkUse("src/cli/main.ts", 'import { fetchTransport } from "../node/fetch-transport";\nfetchTransport();')).toEqual([]);
		expect(networkUse("src/cli/main.ts", 'import { fetchTransport } from "../node/fetch-transport";\nawait fetch(url);')).not.toEqual([]);
		expect(networkUse("src/node/fetch-transport.ts", "await requestUrl({ url })")).not.toEqual([]);
		expect(networkUse("src/node/fetch-transport.ts", 'import https from "node:https";')).not.toEqual([]);
	});

	it("src/ and main.ts use no network API, except each transport its own", () => {
		const files = [...sourceFiles(path.join(root, "src")), path.join(root, "main.ts")];
		expect(files.length).toBeGreaterThan(30);
		const relative = files.map((file) => path.relative(root, file).split(path.sep).join("/"));
		// Both transports exist and use their API: an allowance for a file that is gone would be a hole waiting.
		for (const [transport, apis] of TRANSPORTS) {
			expect(relative).toContain(transport);
			const text = readFileSync(path.join(root, transport), "utf8");
			expect(apis.some((api) => api.test(text)), transport).toBe(true);
		}
		const found = relative.flatMap((file) => networkUse(file, readFileSync(path.join(root, file), "utf8")));
		expect(found).toEqual([]);
	});
});
