// @vitest-environment happy-dom
/**
 * Paper details in the plugin, end to end on the example catalogue, with recorded responses served by a fake
 * transport on virtual time: Create with the setting on and off, the look-up commands on notes that exist (a
 * property the user set survives, the body is untouched, a re-run writes nothing), offline and rate-limited runs,
 * and the BibTeX export.
 */
import { parse } from "@retorquere/bibtex-parser";
import type { App } from "obsidian";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type PaperCataloguePlugin from "../../main";
import { BIBTEX_HEADER } from "../../src/details/bibtex";
import { FakeTransport, ok, response, type Route, VirtualClock } from "../details/fakes";
import { always, ARXIV, EXAMPLE_ROUTES, exampleServingAny, S2_BATCH, S2_MATCH } from "../details/services";
import { clearNotices, clearRequestUrlCalls, isCommandAvailable, requestUrlCalls, noticeMessages, openInMarkdownView, readVaultFile, runCommand, seedVault, settled, topModal, vaultSnapshot } from "../fakes/harness";
import { button, commandId, createNotes, disposeApps, EXAMPLE_PATH, frontMatterOf, modalContent, property, recordModifies, start, syncedExample, waitFor } from "./plugin-support";

beforeEach(() => clearNotices());
afterEach(disposeApps);

const MEGATRON = "Papers/Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM.md";
const CACHE = ".obsidian/plugins/paper-catalogue/details-cache.json";
const BIB = "CS294 AI-Systems.bib";

/** Replaces the plugin's network with recorded answers on virtual time; returns what was sent. */
function recordedNetwork(plugin: PaperCataloguePlugin, routes: Route[] = EXAMPLE_ROUTES): FakeTransport {
	const clock = new VirtualClock();
	const transport = new FakeTransport(clock, routes);
	plugin.network = { transport, clock };
	return transport;
}

function notesIn(app: App): Record<string, string> {
	return Object.fromEntries(Object.entries(vaultSnapshot(app)).filter(([path]) => path.startsWith("Papers/")));
}

async function waitForNotice(app: App, prefix: string): Promise<string> {
	await waitFor(app, () => noticeMessages().some((message) => message.startsWith(prefix)), `a notice starting "${prefix}"`);
	return noticeMessages().find((message) => message.startsWith(prefix)) ?? "";
}

describe("Create with paper details", () => {
	it("through the plugin's own network (Obsidian's requestUrl): nothing with the setting off; offline with it on, every note made", async () => {
		clearRequestUrlCalls();
		const off = await start();
		await createNotes(off.app);
		expect(requestUrlCalls()).toEqual([]);

		const on = await start({ data: { lookUpDetails: true } });
		clearNotices();
		await createNotes(on.app);
		expect(requestUrlCalls().map((call) => new URL(call.url).host)).toEqual(expect.arrayContaining(["export.arxiv.org", "api.semanticscholar.org"]));
		expect(Object.keys(notesIn(on.app))).toHaveLength(60);
		expect(noticeMessages().find((message) => message.startsWith("Created 60 notes"))).toMatch(/papers had no details: offline/);
	});

	it("with the setting off (the default), sends nothing and writes notes without details", async () => {
		const { app, plugin } = await start();
		const transport = recordedNetwork(plugin);
		await createNotes(app);
		expect(transport.sent).toEqual([]);
		expect(Object.keys(notesIn(app))).toHaveLength(60);
		expect(property(readVaultFile(app, MEGATRON), "authors") ?? []).toEqual([]);
		expect(readVaultFile(app, CACHE)).toBeNull();
	});

	it("with it on, the example's new notes are made with authors, date, DOI, arXiv id, abstract and a citation key", async () => {
		const { app, plugin } = await start({ data: { lookUpDetails: true } });
		const transport = recordedNetwork(plugin);
		await createNotes(app);
		expect(transport.unknown).toEqual([]);
		expect(transport.sent.length).toBeGreaterThan(0);
		const megatron = readVaultFile(app, MEGATRON);
		expect(frontMatterOf(megatron)).toMatchObject({
			title: "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM",
			authors: expect.arrayContaining(["Deepak Narayanan", "Matei Zaharia"]) as unknown,
			published: "2021-04-09",
			doi: "10.1145/3458817.3476209",
			arxiv: "2104.04473",
			pdf: "https://arxiv.org/pdf/2104.04473",
			citekey: "narayanan2021efficient",
			status: "unread",
		});
		// The catalogue's own venue tag is kept; the abstract is in its callout, on one line, never as HTML.
		expect(megatron).toMatch(/> \[!abstract\]- Abstract\n> Large language models .*\.\n\n/);
		// Every arXiv paper got its authors, each citation key is used once.
		const notes = Object.values(notesIn(app)).map((text) => frontMatterOf(text));
		const withAuthors = notes.filter((note) => Array.isArray(note.authors) && note.authors.length > 0);
		expect(withAuthors.length).toBeGreaterThanOrEqual(29);
		const keys = notes.map((note) => note.citekey).filter((key) => typeof key === "string" && key !== "");
		expect(new Set(keys).size).toBe(keys.length);
		// The cache file is the plugin's, beside data.json, and holds what was found.
		expect(JSON.parse(readVaultFile(app, CACHE) ?? "{}")).toMatchObject({ version: 1, papers: { "arxiv:2104.04473": {} } });
	});

	it("a second Create of the same papers asks nothing: the cache answers", async () => {
		const { app, plugin } = await start({ data: { lookUpDetails: true } });
		recordedNetwork(plugin);
		await createNotes(app);
		// The notes are deleted by hand; the links stay, so Create makes them again.
		for (const path of Object.keys(notesIn(app))) {
			const note = app.vault.getFileByPath(path);
			if (note) await app.fileManager.trashFile(note);
		}
		await settled(app);
		const again = recordedNetwork(plugin);
		await createNotes(app);
		expect(again.sent.filter((request) => request.url.startsWith(ARXIV) || request.url.startsWith(S2_BATCH))).toEqual([]);
		expect(property(readVaultFile(app, MEGATRON), "citekey")).toBe("narayanan2021efficient");
	});

	it.each([
		["offline", [always("https://", "offline")]],
		["rate-limited", [always(ARXIV, ok("Rate exceeded.")), always(S2_BATCH, response(429, '{"message":"Too Many Requests"}')), always(S2_MATCH, response(429, '{"message":"Too Many Requests"}')), always("https://doi.org/", response(503, ""))]],
	] as const)("%s, every note is still made, and a notice says how many papers had no details and why", async (_name, routes) => {
		const { app, plugin } = await start({ data: { lookUpDetails: true } });
		recordedNetwork(plugin, [...routes]);
		await createNotes(app);
		expect(Object.keys(notesIn(app))).toHaveLength(60);
		const report = noticeMessages().find((message) => message.startsWith("Created 60 notes")) ?? "";
		expect(report).toMatch(/\d+ papers had no details: .+\(\d+\)\. Their notes were made without them\./);
		// Made from the template without details: no authors, no citation key.
		for (const text of Object.values(notesIn(app))) expect(frontMatterOf(text)).toMatchObject({ authors: null, citekey: null });
	});

	it("Cancel keeps what was fetched: the notes are made, with the details found so far", async () => {
		const { app, plugin } = await start({ data: { lookUpDetails: true } });
		// Title matches never answer: the look-up waits on them until cancelled (arXiv and the batch answered first).
		const transport = recordedNetwork(plugin, [always(S2_MATCH, "hang"), ...EXAMPLE_ROUTES]);
		await openInMarkdownView(app, EXAMPLE_PATH);
		await runCommand(app, commandId("createNotes"));
		await waitFor(app, () => topModal() !== null, "the plan");
		button(modalContent(), "Create").click();
		await waitFor(app, () => transport.sent.some((request) => request.url.startsWith(S2_MATCH)), "the first title match");
		(document.body.findAll(".notice button").find((el) => el.getText() === "Cancel") as HTMLButtonElement | undefined)?.click();
		await waitForNotice(app, "Created 60 notes");
		expect(property(readVaultFile(app, MEGATRON), "doi")).toBe("10.1145/3458817.3476209");
		expect(noticeMessages().find((message) => message.startsWith("Created 60 notes"))).toMatch(/cancelled/);
	});
});

describe("Create writes what was confirmed", () => {
	it("a paper added to the catalogue during the look-up is not written: the dialog did not show it", async () => {
		const { app, plugin } = await start({ data: { lookUpDetails: true } });
		const transport = recordedNetwork(plugin, [always(S2_MATCH, "hang"), ...EXAMPLE_ROUTES]);
		const view = await openInMarkdownView(app, EXAMPLE_PATH);
		await runCommand(app, commandId("createNotes"));
		await waitFor(app, () => topModal() !== null, "the plan");
		expect(modalContent().getText()).toContain("Create 60 notes");
		button(modalContent(), "Create").click();
		await waitFor(app, () => transport.sent.some((request) => request.url.startsWith(S2_MATCH)), "the first title match");
		const added = "- [ ] [A brand new paper nobody confirmed](https://arxiv.org/abs/2201.00001)";
		view.editor.replaceRange(`${added}\n`, { line: view.editor.lineCount(), ch: 0 });
		(document.body.findAll(".notice button").find((el) => el.getText() === "Cancel") as HTMLButtonElement | undefined)?.click();
		await waitForNotice(app, "Created 60 notes");
		expect(Object.keys(notesIn(app))).toHaveLength(60);
		expect(view.editor.getValue()).toContain(`${added}\n`);
	});
});

describe("Look up details for notes that exist", () => {
	it("fills only missing or empty properties of the catalogue's notes; the user's value and the body stay; a re-run writes nothing", async () => {
		const vault = await syncedExample();
		const { app, plugin } = await start({ files: vault, track: true });
		const megatron = vault[MEGATRON] ?? "";
		// The user corrected the venue and added a note of their own.
		const edited = megatron.replace(/^venue: .*$/m, 'venue: "SC 2021, St. Louis"').replace("## Summary\n", "## Summary\nMy own words.\n");
		seedVault(app, { [MEGATRON]: edited });
		const transport = recordedNetwork(plugin);
		await openInMarkdownView(app, EXAMPLE_PATH);
		await runCommand(app, commandId("lookUpCatalogue"));
		const summary = await waitForNotice(app, "Filled details in");
		expect(summary).toMatch(/^Filled details in \d+ notes\./);
		expect(transport.sent.length).toBeGreaterThan(0);
		const after = readVaultFile(app, MEGATRON) ?? "";
		expect(frontMatterOf(after)).toMatchObject({ venue: "SC 2021, St. Louis", doi: "10.1145/3458817.3476209", citekey: "narayanan2021efficient" });
		expect(frontMatterOf(after).authors).toEqual(expect.arrayContaining(["Deepak Narayanan"]));
		// The body, byte for byte.
		expect(after.slice(after.indexOf("\n---\n"))).toBe(edited.slice(edited.indexOf("\n---\n")));

		clearNotices();
		const modified = recordModifies(app);
		await runCommand(app, commandId("lookUpCatalogue"));
		await waitForNotice(app, "");
		await waitFor(app, () => noticeMessages().some((message) => /had nothing new/.test(message)), "the second summary");
		expect(modified).toEqual([]);
	});

	it("a second look-up is answered by the cache; the refresh command asks again", async () => {
		const vault = await syncedExample();
		const { app, plugin } = await start({ files: vault, track: true });
		recordedNetwork(plugin);
		await openInMarkdownView(app, EXAMPLE_PATH);
		await runCommand(app, commandId("lookUpCatalogue"));
		await waitForNotice(app, "Filled details in");
		clearNotices();
		const cached = recordedNetwork(plugin);
		await runCommand(app, commandId("lookUpCatalogue"));
		await waitFor(app, () => noticeMessages().some((message) => /had nothing new/.test(message)), "the second summary");
		expect(cached.sent.filter((request) => request.url.startsWith(ARXIV) || request.url.startsWith(S2_BATCH))).toEqual([]);
		clearNotices();
		const refreshed = recordedNetwork(plugin);
		await runCommand(app, commandId("refreshCatalogue"));
		await waitFor(app, () => noticeMessages().some((message) => /had nothing new/.test(message)), "the refreshed summary");
		expect(refreshed.sent.filter((request) => request.url.startsWith(ARXIV))).toHaveLength(1);
	});

	it("Look up details for this paper is offered in a paper note, not in a note of the user's", async () => {
		const vault = await syncedExample();
		const { app, plugin } = await start({ files: { ...vault, "Concepts/Transformers.md": "---\ntitle: Transformers\n---\nMy notes.\n" }, track: true });
		const transport = recordedNetwork(plugin, exampleServingAny());
		await openInMarkdownView(app, "Concepts/Transformers.md");
		expect(isCommandAvailable(app, commandId("lookUpPaper"))).toBe(false);
		await openInMarkdownView(app, MEGATRON);
		expect(await runCommand(app, commandId("lookUpPaper"))).toBe(true);
		const summary = await waitForNotice(app, "Filled");
		expect(summary).toMatch(/^Filled authors, year, venue|^Filled authors/);
		expect(frontMatterOf(readVaultFile(app, MEGATRON)).arxiv).toBe("2104.04473");
		expect(transport.unknown).toEqual([]);
		expect(readVaultFile(app, "Concepts/Transformers.md")).toBe("---\ntitle: Transformers\n---\nMy notes.\n");
	});
});

describe("Export BibTeX for this catalogue", () => {
	it("writes one entry per paper note with unique keys, beside the catalogue, that a BibTeX parser reads", async () => {
		const { app, plugin } = await start({ data: { lookUpDetails: true } });
		recordedNetwork(plugin);
		await createNotes(app);
		await runCommand(app, commandId("exportBibtex"));
		await waitForNotice(app, "Wrote 60 entries");
		const bib = readVaultFile(app, BIB) ?? "";
		expect(bib.startsWith(BIBTEX_HEADER)).toBe(true);
		const library = parse(bib, { sentenceCase: false });
		expect(library.errors).toEqual([]);
		expect(library.entries).toHaveLength(60);
		expect(new Set(library.entries.map((entry) => entry.key)).size).toBe(60);
		const megatron = library.entries.find((entry) => entry.key === "narayanan2021efficient");
		expect(megatron?.fields.doi).toBe("10.1145/3458817.3476209");

		// Written by us: a second export replaces it without asking.
		await runCommand(app, commandId("exportBibtex"));
		await settled(app);
		expect(topModal()).toBeNull();
	});

	it("asks before replacing a .bib file it did not write; Cancel leaves it", async () => {
		const vault = await syncedExample();
		const mine = "@book{mine, title={Mine}}\n";
		const { app } = await start({ files: { ...vault, [BIB]: mine }, track: true });
		await openInMarkdownView(app, EXAMPLE_PATH);
		await runCommand(app, commandId("exportBibtex"));
		await waitFor(app, () => topModal() !== null, "the question");
		expect(modalContent().getText()).toContain("was not written by Paper Catalogue");
		button(modalContent(), "Cancel").click();
		await settled(app);
		expect(readVaultFile(app, BIB)).toBe(mine);
	});
});
