/**
 * `sync --details`, `details` and `bib` on a vault folder holding the example catalogue, with recorded responses
 * from a fake transport on virtual time: the same rules as the plugin (missing properties only, a re-run writes
 * nothing, the plugin's cache file when the vault has the plugin).
 */
import { parse } from "@retorquere/bibtex-parser";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readProperties } from "../../src/notes/front-matter";
import { FakeTransport, type Route, VirtualClock } from "../details/fakes";
import { always, EXAMPLE_ROUTES } from "../details/services";
import { captureCli, type CliResult, expectBadInput } from "../support/cli";

const fixture = fileURLToPath(new URL("../fixtures/cs294-ai-sys-sp22.md", import.meta.url));
const CATALOGUE = "CS294 AI-Systems.md";
const MEGATRON = "Papers/Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM.md";

let vault: string;

beforeEach(async () => {
	vault = await mkdtemp(path.join(os.tmpdir(), "paper-catalogue-details-"));
	await copyFile(fixture, path.join(vault, CATALOGUE));
});

afterEach(async () => {
	await rm(vault, { recursive: true, force: true });
});

function network(routes: Route[] = EXAMPLE_ROUTES): { transport: FakeTransport; clock: VirtualClock } {
	const clock = new VirtualClock();
	return { transport: new FakeTransport(clock, routes), clock };
}

function cli(args: string[], net = network()): Promise<CliResult> {
	return captureCli(args, { network: net });
}

async function note(vaultPath: string): Promise<string> {
	return readFile(path.join(vault, vaultPath), "utf8");
}

async function notes(): Promise<Record<string, string>> {
	const names = await readdir(path.join(vault, "Papers"));
	return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await note(`Papers/${name}`)] as const)));
}

describe("sync --details", () => {
	it("makes the example's notes with their details, and uses the plugin's cache file when the plugin is installed", async () => {
		await mkdir(path.join(vault, ".obsidian/plugins/paper-catalogue"), { recursive: true });
		const net = network();
		const result = await cli(["sync", vault, "--catalogue", CATALOGUE, "--details"], net);
		expect(result.code).toBe(0);
		expect(net.transport.unknown).toEqual([]);
		expect(readProperties(await note(MEGATRON))).toMatchObject({ doi: "10.1145/3458817.3476209", arxiv: "2104.04473", citekey: "narayanan2021efficient" });
		const cache = JSON.parse(await readFile(path.join(vault, ".obsidian/plugins/paper-catalogue/details-cache.json"), "utf8")) as { papers: Record<string, unknown> };
		expect(Object.keys(cache.papers)).toContain("arxiv:2104.04473");
	});

	it("without --details sends nothing", async () => {
		const net = network();
		expect((await cli(["sync", vault, "--catalogue", CATALOGUE], net)).code).toBe(0);
		expect(net.transport.sent).toEqual([]);
	});

	it("offline, makes every note and says how many papers had no details", async () => {
		const result = await cli(["sync", vault, "--catalogue", CATALOGUE, "--details"], network([always("https://", "offline")]));
		expect(result.code).toBe(0);
		expect(Object.keys(await notes())).toHaveLength(60);
		expect(result.stdout).toMatch(/\d+ papers had no details \(offline: \d+.*\); their notes were made without them\./);
		// No plugin folder, no cache file: the command line never makes the plugin's folder.
		expect(await readdir(vault)).toEqual([CATALOGUE, "Papers"].sort());
	});
});

describe("details", () => {
	it("fills missing properties of notes that exist, keeps the user's, and a re-run writes nothing", async () => {
		expect((await cli(["sync", vault, "--catalogue", CATALOGUE])).code).toBe(0);
		const before = await note(MEGATRON);
		const edited = before.replace(/^venue: .*$/m, 'venue: "SC 2021, St. Louis"');
		await writeFile(path.join(vault, MEGATRON), edited);
		const result = await cli(["details", vault, "--catalogue", CATALOGUE, "--json"]);
		expect(result.stderr).toBe("");
		expect(result.code).toBe(0);
		const report = JSON.parse(result.stdout) as { notes: number; filled: { path: string; names: string[] }[]; missing: unknown[] };
		expect(report.notes).toBe(60);
		expect(report.filled.find((filled) => filled.path === MEGATRON)?.names).toEqual(expect.arrayContaining(["authors", "doi", "arxiv", "citekey"]));
		const after = await note(MEGATRON);
		expect(readProperties(after)).toMatchObject({ venue: "SC 2021, St. Louis", doi: "10.1145/3458817.3476209" });
		expect(after.slice(after.indexOf("\n---\n"))).toBe(edited.slice(edited.indexOf("\n---\n")));

		const snapshot = await notes();
		const again = await cli(["details", vault, "--catalogue", CATALOGUE]);
		expect(again.code).toBe(0);
		expect(again.stdout).toMatch(/^0 of 60 notes gained details, \d+ had nothing new\./);
		expect(await notes()).toEqual(snapshot);
	});

	it("changes only the lines of the properties it fills: the user's comments and spellings stay", async () => {
		expect((await cli(["sync", vault, "--catalogue", CATALOGUE])).code).toBe(0);
		const mine = "# my comment\nversion: 1.10\nsection_no: 0123\nbig: 12345678901234567890\nwhen: 2021-05-01\nflag: yes\n";
		const before = (await note(MEGATRON)).replace("---\n", `---\n${mine}`);
		await writeFile(path.join(vault, MEGATRON), before);
		expect((await cli(["details", vault, "--catalogue", CATALOGUE])).code).toBe(0);
		const after = await note(MEGATRON);
		expect(after).toContain(mine);
		expect(readProperties(after)).toMatchObject({ doi: "10.1145/3458817.3476209", arxiv: "2104.04473" });
		// Every line of before is still there, in order: only filled lines were replaced or added.
		const kept = before.split("\n").filter((line) => !/^(?:authors|published|doi|arxiv|pdf|citekey):/.test(line));
		const lines = after.split("\n");
		let at = 0;
		for (const line of kept) {
			at = lines.indexOf(line, at);
			expect(at, line).toBeGreaterThanOrEqual(0);
		}
	});

	it("chooses citation keys beside the vault's own, whatever their spelling", async () => {
		await mkdir(path.join(vault, "Other"));
		await writeFile(path.join(vault, "Other/mine.md"), "---\nCitekey: narayanan2021efficient\n---\n");
		expect((await cli(["sync", vault, "--catalogue", CATALOGUE, "--details"])).code).toBe(0);
		expect(readProperties(await note(MEGATRON))?.citekey).toBe("narayanan2021efficienta");
	});

	it("a cache that cannot be saved costs only the cache: the notes are made with their details, and it is said", async () => {
		// A folder where the cache file goes: saving it fails.
		await mkdir(path.join(vault, ".obsidian/plugins/paper-catalogue/details-cache.json"), { recursive: true });
		const result = await cli(["sync", vault, "--catalogue", CATALOGUE, "--details"]);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/The look-up cache could not be saved \(.+\); the next run asks again\./);
		expect(readProperties(await note(MEGATRON))?.doi).toBe("10.1145/3458817.3476209");
	});

	it("refuses a catalogue outside the vault with one line, like every command", async () => {
		expectBadInput(await cli(["details", vault, "--catalogue", "../outside.md"]), /outside the vault|"\." or "\.\." segments/);
	});
});

describe("bib", () => {
	it("writes the catalogue's .bib beside it, one entry per note, unique keys, readable by a BibTeX parser", async () => {
		expect((await cli(["sync", vault, "--catalogue", CATALOGUE, "--details"])).code).toBe(0);
		const result = await cli(["bib", vault, "--catalogue", CATALOGUE]);
		expect(result).toMatchObject({ code: 0, stdout: "Wrote 60 entries to CS294 AI-Systems.bib.\n" });
		const library = parse(await note("CS294 AI-Systems.bib"), { sentenceCase: false });
		expect(library.errors).toEqual([]);
		expect(new Set(library.entries.map((entry) => entry.key)).size).toBe(60);
		// Our own file: replaced without --force.
		expect((await cli(["bib", vault, "--catalogue", CATALOGUE])).code).toBe(0);
	});

	it.each([
		["/tmp/x.bib", /absolute path/],
		["Missing/x.bib", /the folder "Missing" for --out does not exist/],
		["../x.bib", /outside the vault|"\." or "\.\." segments/],
		["x.txt", /must name a \.bib file/],
	])("--out %j is refused with one line, nothing written", async (out, message) => {
		expect((await cli(["sync", vault, "--catalogue", CATALOGUE])).code).toBe(0);
		const before = await readdir(vault);
		expectBadInput(await cli(["bib", vault, "--catalogue", CATALOGUE, "--out", out]), message);
		expect(await readdir(vault)).toEqual(before);
	});

	it("leaves a .bib file it did not write, unless --force", async () => {
		expect((await cli(["sync", vault, "--catalogue", CATALOGUE])).code).toBe(0);
		await writeFile(path.join(vault, "CS294 AI-Systems.bib"), "@book{mine, title={Mine}}\n");
		expectBadInput(await cli(["bib", vault, "--catalogue", CATALOGUE]), /was not written by paper-catalogue; nothing was written \(--force replaces it\)/);
		expect(await note("CS294 AI-Systems.bib")).toBe("@book{mine, title={Mine}}\n");
		expect((await cli(["bib", vault, "--catalogue", CATALOGUE, "--force"])).code).toBe(0);
		expect(await note("CS294 AI-Systems.bib")).toMatch(/^% Written by Paper Catalogue/);
	});
});
