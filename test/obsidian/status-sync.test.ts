// @vitest-environment happy-dom
/**
 * Two-way sync between catalogue checkboxes and paper notes' `status`, with the real plugin in the fake app:
 * both directions, the round trip, no loops and no flicker, edits that land while our update is on its way,
 * review edits, renames, deletions, and the setting that turns it off.
 */
import { type App, type Editor, MarkdownView } from "obsidian";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearNotices, openInMarkdownView, readVaultFile, runCommand, settled, vaultSnapshot } from "../fakes/harness";
import {
	button,
	checkboxOf,
	commandId,
	confirmCreate,
	createNotes,
	disposeApps,
	EXAMPLE_PATH,
	file,
	lineOf,
	MADLIB,
	modalContent,
	property,
	recordModifies,
	start,
	type Started,
	syncedExample,
	SYSML,
	today,
	withTick,
} from "./plugin-support";

const MADLIB_ITEM = "The MADlib Analytics Library";
const SYSML_ITEM = "[SysML: The New Frontier";

beforeEach(() => clearNotices());
afterEach(disposeApps);

/** The example, tracked, with its 60 notes made and linked (as after a restart); no note is open. */
async function withNotes(options: Parameters<typeof start>[0] = {}): Promise<Started> {
	const started = await start({ track: true, files: await syncedExample(), ...options });
	clearNotices();
	return started;
}

function catalogueText(app: App): string {
	return readVaultFile(app, EXAMPLE_PATH) ?? "";
}

async function tickInFile(app: App, needle: string, checked: boolean): Promise<void> {
	await app.vault.process(file(app, EXAMPLE_PATH), (text) => withTick(text, needle, checked));
}

/** Types the checkbox character, as clicking the checkbox in the editor does. */
function tickInEditor(editor: Editor, needle: string, checked: boolean): void {
	const line = lineOf(editor.getValue(), needle);
	const ch = editor.getLine(line).search(/\[( |x)\]/) + 1;
	editor.replaceRange(checked ? "x" : " ", { line, ch }, { line, ch: ch + 1 });
}

async function setStatus(app: App, path: string, status: string): Promise<void> {
	await app.fileManager.processFrontMatter(file(app, path), (frontmatter: Record<string, unknown>) => {
		frontmatter.status = status;
	});
}

function noteStatus(app: App, path: string): unknown {
	return property(readVaultFile(app, path), "status");
}

describe("a checkbox sets its note's status", () => {
	it("ticking in the file marks the note read today; unticking marks it unread with no date", async () => {
		const { app } = await withNotes();
		expect(noteStatus(app, MADLIB)).toBe("unread");
		await tickInFile(app, MADLIB_ITEM, true);
		await settled(app);
		expect(noteStatus(app, MADLIB)).toBe("read");
		expect(property(readVaultFile(app, MADLIB), "read")).toBe(today());
		await tickInFile(app, MADLIB_ITEM, false);
		await settled(app);
		expect(noteStatus(app, MADLIB)).toBe("unread");
		expect(property(readVaultFile(app, MADLIB), "read")).toBeNull();
		// Nothing else in the note moved.
		expect(readVaultFile(app, MADLIB)?.split("---\n")[2]).toBe(vaultSnapshot(app)[MADLIB]?.split("---\n")[2]);
	});

	it("ticking in an open editor marks the note at once, before the editor saves", async () => {
		const { app } = await withNotes();
		const view = await openInMarkdownView(app, EXAMPLE_PATH);
		// What the catalogue file said when the note was written (the editor saves two seconds after typing stops).
		const fileWhenNoteWritten: string[] = [];
		app.vault.on("modify", (changed) => {
			if (changed.path === MADLIB) fileWhenNoteWritten.push(checkboxOf(catalogueText(app), MADLIB_ITEM));
		});
		tickInEditor(view.editor, MADLIB_ITEM, true);
		await settled(app);
		expect(fileWhenNoteWritten).toEqual([" "]);
		expect(noteStatus(app, MADLIB)).toBe("read");
		expect(property(readVaultFile(app, MADLIB), "read")).toBe(today());
		tickInEditor(view.editor, MADLIB_ITEM, false);
		await settled(app);
		expect(noteStatus(app, MADLIB)).toBe("unread");
		await view.save();
		await settled(app);
		expect(checkboxOf(catalogueText(app), MADLIB_ITEM)).toBe(" ");
		expect(noteStatus(app, MADLIB)).toBe("unread");
	});
});

describe("a note's status sets its checkbox", () => {
	it("status: read through processFrontMatter ticks the item in the file, unread unticks it", async () => {
		const { app } = await withNotes();
		await setStatus(app, MADLIB, "read");
		await settled(app);
		expect(checkboxOf(catalogueText(app), MADLIB_ITEM)).toBe("x");
		await setStatus(app, MADLIB, "unread");
		await settled(app);
		expect(checkboxOf(catalogueText(app), MADLIB_ITEM)).toBe(" ");
		// "reading" is not done: the item stays unticked.
		await setStatus(app, MADLIB, "reading");
		await settled(app);
		expect(checkboxOf(catalogueText(app), MADLIB_ITEM)).toBe(" ");
	});

	it("goes through the editor when the catalogue is open, so its unsaved text is kept", async () => {
		const { app } = await withNotes();
		const view = await openInMarkdownView(app, EXAMPLE_PATH);
		view.editor.replaceRange("Unsaved words.\n", { line: lineOf(view.editor.getValue(), "# Paper List"), ch: 0 });
		await setStatus(app, MADLIB, "read");
		await settled(app);
		expect(view.editor.getValue()).toContain("Unsaved words.\n# Paper List");
		expect(checkboxOf(view.editor.getValue(), MADLIB_ITEM)).toBe("x");
		await view.save();
		expect(catalogueText(app)).toBe(withTick(view.editor.getValue(), MADLIB_ITEM, true));
		expect(catalogueText(app)).toContain("Unsaved words.\n# Paper List");
	});

	it("round trip: checkbox → note → checkbox", async () => {
		const { app } = await withNotes();
		await tickInFile(app, MADLIB_ITEM, true);
		await settled(app);
		expect(noteStatus(app, MADLIB)).toBe("read");
		await setStatus(app, MADLIB, "unread");
		await settled(app);
		expect(checkboxOf(catalogueText(app), MADLIB_ITEM)).toBe(" ");
		await tickInFile(app, MADLIB_ITEM, true);
		await settled(app);
		expect(noteStatus(app, MADLIB)).toBe("read");
		await setStatus(app, MADLIB, "unread");
		await settled(app);
		expect(checkboxOf(catalogueText(app), MADLIB_ITEM)).toBe(" ");
		expect(noteStatus(app, MADLIB)).toBe("unread");
	});

	it("works in the session that made the notes, with the catalogue still open", async () => {
		const { app } = await start({ track: true });
		const view = await createNotes(app);
		await setStatus(app, MADLIB, "read");
		await settled(app);
		expect(checkboxOf(view.editor.getValue(), MADLIB_ITEM)).toBe("x");
		tickInEditor(view.editor, SYSML_ITEM, false);
		await settled(app);
		expect(noteStatus(app, SYSML)).toBe("unread");
	});

	it("works for a catalogue synced before it was tracked", async () => {
		const { app } = await start();
		const view = await createNotes(app);
		await runCommand(app, commandId("track"));
		await settled(app);
		await setStatus(app, MADLIB, "read");
		await settled(app);
		expect(checkboxOf(view.editor.getValue(), MADLIB_ITEM)).toBe("x");
	});

	it("works for a catalogue tracked after it was opened and synced", async () => {
		const { app } = await start({ files: await syncedExample() });
		await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		await runCommand(app, commandId("track"));
		await settled(app);
		await setStatus(app, MADLIB, "read");
		await settled(app);
		const view = app.workspace.getActiveViewOfType(MarkdownView);
		expect(view?.file?.path).toBe(EXAMPLE_PATH);
		expect(checkboxOf(view?.editor.getValue() ?? "", MADLIB_ITEM)).toBe("x");
		await view?.save();
		expect(checkboxOf(catalogueText(app), MADLIB_ITEM)).toBe("x");
	});
});

describe("no loops, no flicker", () => {
	it("a tick writes the catalogue once and the note once, and then nothing more", async () => {
		const { app } = await withNotes();
		const modified = recordModifies(app);
		await tickInFile(app, MADLIB_ITEM, true);
		await settled(app);
		await settled(app);
		expect(modified).toEqual([EXAMPLE_PATH, MADLIB]);
	});

	it("a status change writes the note once and the catalogue once, and then nothing more", async () => {
		const { app } = await withNotes();
		const modified = recordModifies(app);
		await setStatus(app, MADLIB, "read");
		await settled(app);
		await settled(app);
		expect(modified).toEqual([MADLIB, EXAMPLE_PATH]);
	});

	it("each side changes once: the checkbox and the status never go back and forth", async () => {
		const { app } = await withNotes();
		const seen: string[] = [];
		app.vault.on("modify", (changed) => {
			if (changed.path === EXAMPLE_PATH) seen.push(`item ${checkboxOf(catalogueText(app), MADLIB_ITEM)}`);
			if (changed.path === MADLIB) seen.push(`note ${String(noteStatus(app, MADLIB))}`);
		});
		await setStatus(app, MADLIB, "read");
		await settled(app);
		await tickInFile(app, MADLIB_ITEM, false);
		await settled(app);
		expect(seen).toEqual(["note read", "item x", "item  ", "note unread"]);
	});

	it("ticking and unticking before the note's metadata catches up leaves both unread", async () => {
		const { app } = await withNotes();
		await tickInFile(app, MADLIB_ITEM, true);
		// Wait for our write to the note, but not for the metadata cache to index it.
		while (noteStatus(app, MADLIB) !== "read") await Promise.resolve();
		await tickInFile(app, MADLIB_ITEM, false);
		await settled(app);
		expect(checkboxOf(catalogueText(app), MADLIB_ITEM)).toBe(" ");
		expect(noteStatus(app, MADLIB)).toBe("unread");
	});
});

describe("an edit that lands during our update is kept", () => {
	it("typing in the catalogue between our read and our write (note → checkbox, through the editor)", async () => {
		const { app } = await withNotes();
		const view = await openInMarkdownView(app, EXAMPLE_PATH);
		const original = view.editor.getValue();
		// Registered after the plugin's listener: it runs once the plugin has read the catalogue and is on its way to write.
		app.metadataCache.on("changed", (changed) => {
			if (changed.path === MADLIB) view.editor.replaceRange("- [ ] [Typed meanwhile](https://example.org/typed)\n", { line: lineOf(view.editor.getValue(), "## 1. Introduction"), ch: 0 });
		});
		await setStatus(app, MADLIB, "read");
		await settled(app);
		const text = view.editor.getValue();
		expect(text).toContain("- [ ] [Typed meanwhile](https://example.org/typed)\n## 1. Introduction");
		// Exactly the MADlib checkbox changed, found where it is now.
		expect(text).toBe(withTick(original.replace("## 1. Introduction", "- [ ] [Typed meanwhile](https://example.org/typed)\n## 1. Introduction"), MADLIB_ITEM, true));
	});

	it("another write to the catalogue file between our read and our write (note → checkbox, through the vault)", async () => {
		const { app } = await withNotes();
		const original = catalogueText(app);
		app.metadataCache.on("changed", (changed) => {
			if (changed.path === MADLIB) void app.vault.process(file(app, EXAMPLE_PATH), (text) => `Written meanwhile.\n\n${text}`);
		});
		await setStatus(app, MADLIB, "read");
		await settled(app);
		expect(catalogueText(app)).toBe(withTick(`Written meanwhile.\n\n${original}`, MADLIB_ITEM, true));
	});

	it("typing in the note while a tick sets its status (checkbox → note)", async () => {
		const { app } = await withNotes();
		const catalogue = await openInMarkdownView(app, EXAMPLE_PATH);
		const note = await openInMarkdownView(app, MADLIB, { newLeaf: true });
		note.editor.replaceRange("\nMy unsaved review.\n", { line: note.editor.lastLine(), ch: 0 });
		tickInEditor(catalogue.editor, MADLIB_ITEM, true);
		await settled(app);
		expect(note.editor.getValue()).toContain("My unsaved review.");
		expect(property(note.editor.getValue(), "status")).toBe("read");
		expect(property(readVaultFile(app, MADLIB), "status")).toBe("read");
		await note.save();
		expect(readVaultFile(app, MADLIB)).toContain("My unsaved review.");
	});

	it("typing in the catalogue while Create paper notes is writing the notes", async () => {
		const { app } = await start({ track: true });
		const view = await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		let created = 0;
		app.vault.on("create", () => {
			created += 1;
			if (created === 30) view.editor.replaceRange("Typed during the run.\n", { line: lineOf(view.editor.getValue(), "# Paper List"), ch: 0 });
		});
		await runCommand(app, commandId("createNotes"));
		await settled(app);
		await confirmCreate(app);
		expect(created).toBeGreaterThan(30);
		const text = view.editor.getValue();
		expect(text).toContain("Typed during the run.\n# Paper List");
		expect(text.match(/\|notes\]\]/g)).toHaveLength(60);
		await view.save();
		expect(catalogueText(app)).toBe(text);
	});
});

describe("what sync leaves alone", () => {
	it("editing a note's review text never touches the catalogue", async () => {
		const { app } = await withNotes();
		const before = catalogueText(app);
		const modified = recordModifies(app);
		await app.vault.process(file(app, SYSML), (text) => `${text}\n## My review\nGreat paper.\n`);
		await settled(app);
		await app.fileManager.processFrontMatter(file(app, SYSML), (frontmatter: Record<string, unknown>) => {
			frontmatter.tags = ["paper", "systems"];
		});
		await settled(app);
		expect(modified).toEqual([SYSML, SYSML]);
		expect(catalogueText(app)).toBe(before);
	});

	it("a note whose status disagrees with its item is left so while only its review changes", async () => {
		const { app, plugin } = await withNotes();
		plugin.settings.syncStatus = false;
		await setStatus(app, MADLIB, "read");
		await settled(app);
		plugin.settings.syncStatus = true;
		const before = catalogueText(app);
		expect(checkboxOf(before, MADLIB_ITEM)).toBe(" ");
		await app.vault.process(file(app, MADLIB), (text) => `${text}\nMore thoughts.\n`);
		await settled(app);
		expect(catalogueText(app)).toBe(before);
	});

	it("turning the setting off stops both directions, and on again starts them", async () => {
		const { app, plugin } = await withNotes();
		const tab = plugin.settings;
		tab.syncStatus = false;
		await plugin.saveSettings();
		const modified = recordModifies(app);
		await tickInFile(app, MADLIB_ITEM, true);
		await setStatus(app, SYSML, "unread");
		await settled(app);
		expect(modified).toEqual([EXAMPLE_PATH, SYSML]);
		expect(noteStatus(app, MADLIB)).toBe("unread");
		expect(checkboxOf(catalogueText(app), SYSML_ITEM)).toBe("x");

		tab.syncStatus = true;
		await plugin.saveSettings();
		await tickInFile(app, MADLIB_ITEM, false);
		await settled(app);
		await setStatus(app, MADLIB, "read");
		await settled(app);
		expect(checkboxOf(catalogueText(app), MADLIB_ITEM)).toBe("x");
	});
});

describe("renaming, moving and deleting paper notes", () => {
	for (const alwaysUpdateLinks of [true, false]) {
		it(`a renamed and moved note stays linked and synced, and is not made again (alwaysUpdateLinks ${alwaysUpdateLinks})`, async () => {
			const { app } = await withNotes({ settings: { alwaysUpdateLinks } });
			await app.vault.createFolder("Read later");
			await app.fileManager.renameFile(file(app, MADLIB), "Read later/MADlib.md");
			await settled(app);
			const text = catalogueText(app);
			const line = text.split("\n")[lineOf(text, MADLIB_ITEM)] ?? "";
			expect(line).toMatch(/\[\[(Read later\/)?MADlib\|notes\]\]/);
			expect(line).not.toContain("Papers/The MADlib");

			await tickInFile(app, MADLIB_ITEM, true);
			await settled(app);
			expect(noteStatus(app, "Read later/MADlib.md")).toBe("read");
			await setStatus(app, "Read later/MADlib.md", "unread");
			await settled(app);
			expect(checkboxOf(catalogueText(app), MADLIB_ITEM)).toBe(" ");

			const before = vaultSnapshot(app);
			await openInMarkdownView(app, EXAMPLE_PATH);
			await settled(app);
			await runCommand(app, commandId("createNotes"));
			await settled(app);
			expect(modalContent().find("p").getText()).toBe("Every paper already has its note and link (60 items). Nothing to do.");
			button(modalContent(), "Cancel").click();
			await settled(app);
			expect(vaultSnapshot(app)).toEqual(before);
		});
	}

	it("with links not updated, rewrites only the links sync inserted, never the user's own links to the note", async () => {
		// Found in review: every [[old]] and [x](old.md) was rewritten, against the user's choice not to update links.
		const { app } = await withNotes({ settings: { alwaysUpdateLinks: false } });
		const mine = "My summary of MADlib: [[Papers/The MADlib Analytics Library or MAD Skills, the SQL|my summary]].\n";
		await app.vault.process(file(app, EXAMPLE_PATH), (text) => `${text}\n${mine}`);
		await settled(app);
		await app.fileManager.renameFile(file(app, MADLIB), "Papers/MADlib.md");
		await settled(app);
		const text = catalogueText(app);
		expect(text).toContain(mine);
		expect(text.split("\n")[lineOf(text, MADLIB_ITEM)]).toContain("[[Papers/MADlib|notes]]");
	});

	it("a note renamed while links are not updated, with the plugin writing its own link, keeps one link", async () => {
		const { app } = await withNotes({ settings: { alwaysUpdateLinks: false } });
		await app.fileManager.renameFile(file(app, MADLIB), "Papers/MADlib.md");
		await settled(app);
		const line = catalogueText(app).split("\n")[lineOf(catalogueText(app), MADLIB_ITEM)] ?? "";
		expect(line.match(/\|notes\]\]/g)).toHaveLength(1);
		expect(line).toContain("[[Papers/MADlib|notes]]");
	});

	it("deleting a note loses no catalogue state, and Create makes it again where its link points", async () => {
		const { app } = await withNotes();
		await tickInFile(app, MADLIB_ITEM, true);
		await settled(app);
		const before = catalogueText(app);
		await app.fileManager.trashFile(file(app, MADLIB));
		await app.fileManager.trashFile(file(app, SYSML));
		await settled(app);
		expect(catalogueText(app)).toBe(before);

		await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		await runCommand(app, commandId("createNotes"));
		await settled(app);
		expect(modalContent().find("p").getText()).toBe("Create 2 notes in Papers and link 0 catalogue items. 60 items already linked.");
		await confirmCreate(app);
		expect(catalogueText(app)).toBe(before);
		expect(noteStatus(app, MADLIB)).toBe("read");
		expect(noteStatus(app, SYSML)).toBe("read");
	});
});

describe("renaming a note while the catalogue is open with unsaved typing", () => {
	it("keeps the typing when the plugin rewrites the link itself", async () => {
		const { app } = await withNotes({ settings: { alwaysUpdateLinks: false } });
		const view = await openInMarkdownView(app, EXAMPLE_PATH);
		view.editor.replaceRange("Unsaved words.\n", { line: lineOf(view.editor.getValue(), "# Paper List"), ch: 0 });
		await app.fileManager.renameFile(file(app, MADLIB), "Papers/MADlib.md");
		await settled(app);
		const text = view.editor.getValue();
		expect(text).toContain("Unsaved words.\n# Paper List");
		expect(text).toContain("[[Papers/MADlib|notes]]");
		await view.save();
		expect(catalogueText(app)).toBe(text);
	});
});
