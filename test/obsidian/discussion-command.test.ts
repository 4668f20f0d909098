// @vitest-environment happy-dom
/**
 * "Prepare discussion for this section", end to end on the example: from the catalogue's editor (the cursor's
 * section) and from the progress view's section menu; the note matches the expected file, and a re-run replaces
 * only the generated block, keeping the user's text around it byte for byte, whether the note is open or not.
 */
import { type App, MarkdownView } from "obsidian";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PREPARE_DISCUSSION_COMMAND_ID } from "../../src/obsidian/discussion-command";
import { ProgressView, VIEW_TYPE_PROGRESS } from "../../src/obsidian/progress-view";
import { BLOCK_START } from "../../src/reports/generated-block";
import { clearNotices, clickMenuItem, isCommandAvailable, noticeMessages, openInMarkdownView, readVaultFile, runCommand, settled, shownMenus } from "../fakes/harness";
import { disposeApps, EXAMPLE_PATH, file, lineOf, start, waitFor } from "./plugin-support";
import { activeFilePath, exampleVaultWithReading, fixture, outputCommand } from "./output-support";

const NOTE = "CS294 AI-Systems – 2. Big Data Systems discussion.md";
const EXPECTED = "reports/CS294 AI-Systems – 2. Big Data Systems discussion.md";
const UPDATED = "reports/CS294 AI-Systems – 2. Big Data Systems discussion (updated).md";
const COMMAND = outputCommand(PREPARE_DISCUSSION_COMMAND_ID);
const LAKEHOUSE = "Papers/Lakehouse - A New Generation of Open Platforms that Unify Data Warehousing and Advanced Analytics.md";

beforeEach(() => clearNotices());
afterEach(disposeApps);

/** Opens the catalogue with the cursor on the line holding `needle`, and runs the command there. */
async function runAt(app: App, needle: string, newLeaf = false): Promise<MarkdownView> {
	const view = await openInMarkdownView(app, EXAMPLE_PATH, { newLeaf });
	await settled(app);
	view.editor.setCursor({ line: lineOf(view.editor.getValue(), needle), ch: 0 });
	expect(await runCommand(app, COMMAND)).toBe(true);
	return view;
}

/** What the user did since the first run: their own text above and below the block, then questions and a rating for Lakehouse. */
function userEdits(text: string): string {
	return text.replace(`${BLOCK_START}\n`, `Seminar on **Tuesday**, room 405.\r\n\n- [ ] bring the RDD slides\n\n${BLOCK_START}\n`).concat("\n## My notes after the seminar\n\nLineage won the vote. 🗳️\n");
}

async function rateLakehouse(app: App): Promise<void> {
	await app.vault.process(file(app, LAKEHOUSE), (text) => text.replace(/^rating:.*$/m, "rating: 3").replace("## Questions for discussion\n", "## Questions for discussion\nIs a lakehouse just a warehouse on S3?\n"));
	await settled(app);
}

describe("Prepare discussion for this section", () => {
	it("from the catalogue, writes the cursor's section's note beside it, as the expected file, and opens it", async () => {
		const { app } = await start({ files: await exampleVaultWithReading(), track: true });
		await runAt(app, "Resilient Distributed Datasets");
		await waitFor(app, () => activeFilePath(app) === NOTE, "the discussion note to open");
		expect(readVaultFile(app, NOTE)).toBe(fixture(EXPECTED));
	});

	it("on a re-run replaces only the block, keeping the user's text byte for byte, through the open note's editor", async () => {
		const { app } = await start({ files: await exampleVaultWithReading(), track: true });
		await runAt(app, "## 2. Big Data Systems");
		await waitFor(app, () => activeFilePath(app) === NOTE, "the discussion note to open");
		// The user writes in the open note: the editor holds it before it is saved.
		const note = app.workspace.getActiveViewOfType(MarkdownView);
		if (!note) throw new Error("the note is not open in an editor");
		note.editor.setValue(userEdits(note.editor.getValue()));
		await rateLakehouse(app);

		// The catalogue in a tab of its own: the note stays open in its editor, unsaved.
		await runAt(app, "Spark SQL", true);
		await waitFor(app, () => note.editor.getValue() === fixture(UPDATED), "the updated note");
		expect(note.file?.path).toBe(NOTE);
		// Saved after the edit, and shown again.
		expect(readVaultFile(app, NOTE)).toBe(fixture(UPDATED));
		expect(activeFilePath(app)).toBe(NOTE);
		expect(app.workspace.getLeavesOfType("markdown").filter((leaf) => leaf.view instanceof MarkdownView && leaf.view.file?.path === NOTE)).toHaveLength(1);
	});

	it("updates a closed note with Vault.process, the same way", async () => {
		const { app } = await start({ files: { ...(await exampleVaultWithReading()), [NOTE]: userEdits(fixture(EXPECTED)) }, track: true });
		await rateLakehouse(app);
		await runAt(app, "Delta Lake");
		await waitFor(app, () => activeFilePath(app) === NOTE, "the discussion note to open");
		expect(readVaultFile(app, NOTE)).toBe(fixture(UPDATED));
		// Run again with nothing changed: not a byte written.
		const mtime = file(app, NOTE).stat.mtime;
		await runAt(app, "Delta Lake");
		await settled(app);
		expect(readVaultFile(app, NOTE)).toBe(fixture(UPDATED));
		expect(file(app, NOTE).stat.mtime).toBe(mtime);
	});

	it("writes nothing into a note whose markers are damaged, and says what to put back", async () => {
		const damaged = fixture(EXPECTED).replace("<!-- paper-catalogue:generated:end -->", "<!-- paper-catalogue:generated:ending -->");
		const { app } = await start({ files: { ...(await exampleVaultWithReading()), [NOTE]: damaged }, track: true });
		await rateLakehouse(app);
		await runAt(app, "Delta Lake");
		await waitFor(app, () => noticeMessages().some((message) => message.includes("was not updated")), "the notice");
		expect(readVaultFile(app, NOTE)).toBe(damaged);
		const message = noticeMessages().find((candidate) => candidate.includes("was not updated")) ?? "";
		expect(message).toContain("looks like a Paper Catalogue marker but is not one");
		expect(message).toContain("Nothing was changed.");
	});

	it("finds the cursor's section in the catalogue as the editor shows it, not in a parse a keystroke old", async () => {
		// Long enough that the index re-parses only once typing pauses.
		const files = await exampleVaultWithReading();
		files[EXAMPLE_PATH] = `${files[EXAMPLE_PATH] ?? ""}\n\n## 99. Appendix\n\n${"Some prose about the course. ".repeat(2000)}\n`;
		const { app } = await start({ files, track: true });
		const view = await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		// Parsed once (in slices, on a loaded machine that takes a moment): the command is offered.
		view.editor.setCursor({ line: lineOf(view.editor.getValue(), "Spark SQL"), ch: 0 });
		await waitFor(app, () => isCommandAvailable(app, outputCommand(PREPARE_DISCUSSION_COMMAND_ID)), "the command");
		const heading = lineOf(view.editor.getValue(), "## 1. Introduction");
		view.editor.replaceRange("## 0. Warm-up\n- [ ] [Foo paper](https://arxiv.org/abs/2101.00001)\n", { line: heading, ch: 0 });
		view.editor.setCursor({ line: lineOf(view.editor.getValue(), "Spark SQL"), ch: 0 });
		expect(await runCommand(app, outputCommand(PREPARE_DISCUSSION_COMMAND_ID))).toBe(true);
		const bigData = "CS294 AI-Systems – 2. Big Data Systems discussion.md";
		await waitFor(app, () => readVaultFile(app, bigData) !== null || readVaultFile(app, "CS294 AI-Systems – 1. Introduction and Course Overview discussion.md") !== null, "a discussion note");
		expect(readVaultFile(app, bigData)).not.toBeNull();
		expect(readVaultFile(app, "CS294 AI-Systems – 1. Introduction and Course Overview discussion.md")).toBeNull();
	});

	it("is offered in a catalogue's sections only", async () => {
		const { app } = await start({ files: await exampleVaultWithReading(), track: true });
		const view = await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		view.editor.setCursor({ line: 0, ch: 0 });
		expect(isCommandAvailable(app, COMMAND)).toBe(false);
		view.editor.setCursor({ line: lineOf(view.editor.getValue(), "Chimera"), ch: 0 });
		expect(isCommandAvailable(app, COMMAND)).toBe(true);
		await openInMarkdownView(app, LAKEHOUSE);
		await settled(app);
		expect(isCommandAvailable(app, COMMAND)).toBe(false);
	});

	it("from the progress view: the section's menu prepares that section's note", async () => {
		const { app, plugin } = await start({ files: await exampleVaultWithReading(), track: true });
		await plugin.activateView();
		const progress = app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)[0]?.view;
		if (!(progress instanceof ProgressView)) throw new Error("no progress view");
		await progress.whenIdle();
		const head = progress.contentEl.findAll(".paper-catalogue-section-head").find((el) => el.find(".paper-catalogue-section-title").getText() === "2. Big Data Systems");
		if (!head) throw new Error("no section head");
		head.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX: 40, clientY: 200 }));
		const [menu] = shownMenus();
		if (!menu) throw new Error("no menu shown");
		clickMenuItem(menu, "Prepare discussion for this section");
		await waitFor(app, () => activeFilePath(app) === NOTE, "the discussion note to open");
		expect(readVaultFile(app, NOTE)).toBe(fixture(EXPECTED));
	});
});
