// @vitest-environment happy-dom
/**
 * "Create a base for this catalogue" and the setting that makes the base with the notes, end to end on the
 * example, in apps with and without Bases.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { baseConfigProblems } from "../../src/bases/base-config";
import { CREATE_BASE_COMMAND_ID } from "../../src/obsidian/base-command";
import { clearNotices, isCommandAvailable, noticeMessages, openInMarkdownView, readVaultFile, resetApiVersion, runCommand, settled, vaultSnapshot } from "../fakes/harness";
import { createNotes, disposeApps, EXAMPLE_PATH, file, start, syncedExample, waitFor } from "./plugin-support";
import { activeFilePath, actAsApp, fixture, outputCommand } from "./output-support";

const BASE = "CS294 AI-Systems.base";
const COMMAND = outputCommand(CREATE_BASE_COMMAND_ID);

beforeEach(() => clearNotices());
afterEach(async () => {
	await disposeApps();
	resetApiVersion();
});

describe("Create a base for this catalogue", () => {
	it.each([
		["1.10.0", "bases/CS294 AI-Systems.base"],
		["1.12.4", "bases/CS294 AI-Systems.base"],
		["1.9.10", "bases/CS294 AI-Systems (1.9).base"],
	])("on Obsidian %s writes the base beside the catalogue, as the expected file, and opens it", async (version, expected) => {
		const { app } = await start({ files: await syncedExample(), track: true });
		await actAsApp(app, version);
		await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		expect(await runCommand(app, COMMAND)).toBe(true);
		await waitFor(app, () => activeFilePath(app) === BASE, "the base to open");
		const text = readVaultFile(app, BASE);
		expect(text).toBe(fixture(expected));
		expect(baseConfigProblems(parse(text ?? ""))).toEqual([]);
		expect(noticeMessages()).toContain("Wrote CS294 AI-Systems.base beside the catalogue.");
	});

	it("never rewrites a base that exists (the user's columns and views are in it): it opens it", async () => {
		const mine = "views:\n  - type: table\n    name: My own view\n";
		const { app } = await start({ files: { ...(await syncedExample()), [BASE]: mine }, track: true });
		await actAsApp(app, "1.10.0");
		await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		const before = file(app, BASE).stat.mtime;
		expect(await runCommand(app, COMMAND)).toBe(true);
		await waitFor(app, () => activeFilePath(app) === BASE, "the base to open");
		expect(readVaultFile(app, BASE)).toBe(mine);
		expect(file(app, BASE).stat.mtime).toBe(before);
		expect(noticeMessages().some((message) => message.startsWith("Wrote"))).toBe(false);
	});

	it("is offered from a paper note too, for the catalogue being read, and puts the base beside the catalogue in its folder", async () => {
		const synced = await syncedExample();
		const files = Object.fromEntries(Object.entries(synced).map(([path, text]) => [path === EXAMPLE_PATH ? `Courses/${EXAMPLE_PATH}` : path, text]));
		const { app } = await start({ files, data: { catalogues: [`Courses/${EXAMPLE_PATH}`] } });
		await actAsApp(app, "1.10.0");
		await openInMarkdownView(app, "Papers/SysML - The New Frontier of Machine Learning Systems.md");
		await settled(app);
		expect(await runCommand(app, COMMAND)).toBe(true);
		await waitFor(app, () => activeFilePath(app) === `Courses/${BASE}`, "the base to open");
		expect(readVaultFile(app, `Courses/${BASE}`)).toContain(`'list(note.catalogue).contains(link("Courses/CS294 AI-Systems"))'`);
	});

	it("is not offered on an app without Bases (before 1.9.10)", async () => {
		const { app } = await start({ files: await syncedExample(), track: true });
		await actAsApp(app, "1.9.9");
		await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		expect(isCommandAvailable(app, COMMAND)).toBe(false);
		resetApiVersion();
		expect(isCommandAvailable(app, COMMAND)).toBe(false);
		expect(readVaultFile(app, BASE)).toBeNull();
	});
});

describe("the setting Create a base with the notes", () => {
	it("is on by default: Create paper notes writes the base too, once, without opening it", async () => {
		const { app, plugin } = await start();
		await actAsApp(app, "1.10.0");
		expect(plugin.settings.createBase).toBe(true);
		await createNotes(app);
		await waitFor(app, () => readVaultFile(app, BASE) !== null, "the base");
		expect(readVaultFile(app, BASE)).toBe(fixture("bases/CS294 AI-Systems.base"));
		expect(activeFilePath(app)).toBe(EXAMPLE_PATH);
		expect(noticeMessages()).toContain("Wrote CS294 AI-Systems.base beside the catalogue: open it to sort and filter the papers as a table.");
		// Every note has its rank, the base's catalogue order.
		const ranks = Object.entries(vaultSnapshot(app))
			.filter(([path]) => path.startsWith("Papers/"))
			.map(([, text]) => Number(/^rank: (\d+)$/m.exec(text)?.[1]));
		expect(ranks.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
	});

	it("leaves a base that exists alone", async () => {
		const { app } = await start({ files: { [EXAMPLE_PATH]: (await syncedExample())[EXAMPLE_PATH] ?? "", [BASE]: "views: []\n" } });
		await actAsApp(app, "1.10.0");
		await createNotes(app);
		expect(readVaultFile(app, BASE)).toBe("views: []\n");
	});

	it("writes nothing when off, or on an app without Bases", async () => {
		const off = await start({ data: { createBase: false } });
		await actAsApp(off.app, "1.10.0");
		await createNotes(off.app);
		expect(readVaultFile(off.app, BASE)).toBeNull();
		resetApiVersion();

		const old = await start();
		await createNotes(old.app);
		expect(readVaultFile(old.app, BASE)).toBeNull();
		expect(Object.keys(vaultSnapshot(old.app)).filter((path) => path.endsWith(".base"))).toEqual([]);
	});
});
