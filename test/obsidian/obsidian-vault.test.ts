// @vitest-environment happy-dom
/**
 * The sync's vault over Obsidian: catalogue edits go through the editor when the note is open in one (keeping
 * unsaved typing and the cursor), and through `Vault.process` otherwise.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ObsidianVault } from "../../src/obsidian/obsidian-vault";
import { openInMarkdownView, readVaultFile, settled } from "../fakes/harness";
import { disposeApps, file, recordModifies, start } from "./plugin-support";

afterEach(disposeApps);

describe("ObsidianVault.process", () => {
	it("edits a closed note atomically through the vault", async () => {
		const { app } = await start({ files: { "List.md": "- [ ] one\n" } });
		const modified = recordModifies(app);
		const written = await new ObsidianVault(app).process("List.md", (text) => text.replace("[ ]", "[x]"));
		expect(written).toBe("- [x] one\n");
		expect(readVaultFile(app, "List.md")).toBe("- [x] one\n");
		expect(modified).toEqual(["List.md"]);
	});

	it("edits an open note in its editor, keeping unsaved typing and the cursor, then saves it", async () => {
		const { app } = await start({ files: { "List.md": "- [ ] one\n- [ ] two\n" } });
		const view = await openInMarkdownView(app, "List.md");
		view.editor.replaceRange(" typed", { line: 1, ch: 9 });
		view.editor.setCursor(1, 15);
		const written = await new ObsidianVault(app).process("List.md", (text) => text.replace("one", "one [[One|notes]]").replace("[ ] two", "[x] two"));
		expect(written).toBe("- [ ] one [[One|notes]]\n- [x] two typed\n");
		expect(view.editor.getValue()).toBe(written);
		expect(view.editor.getCursor()).toEqual({ line: 1, ch: 15 });
		expect(readVaultFile(app, "List.md")).toBe(written);
	});

	it("replaces the changed stretch when lines are added or removed", async () => {
		const { app } = await start({ files: { "List.md": "a\nb\nc\n" } });
		const view = await openInMarkdownView(app, "List.md");
		const written = await new ObsidianVault(app).process("List.md", (text) => text.replace("b\n", "b1\nb2\n"));
		expect(written).toBe("a\nb1\nb2\nc\n");
		expect(view.editor.getValue()).toBe(written);
		expect(readVaultFile(app, "List.md")).toBe(written);
		// Nothing to change: no edit, and the text is saved as it is.
		expect(await new ObsidianVault(app).process("List.md", (text) => text)).toBe(written);
	});

	it("applies thousands of changed lines in steps, and keeps what the user types between two steps", async () => {
		const lines = Array.from({ length: 1800 }, (_, i) => `- [ ] Paper ${i}`);
		const { app } = await start({ files: { "List.md": `${lines.join("\n")}\n` } });
		const view = await openInMarkdownView(app, "List.md");
		const link = (line: string): string => (line.startsWith("- [ ] Paper") && !line.endsWith("|notes]]") ? `${line} [[${line.slice(6)}|notes]]` : line);
		const transactions: number[] = [];
		let typed = false;
		app.workspace.on("editor-change", () => {
			transactions.push(view.editor.getValue().split("|notes]]").length - 1);
			// Between the first step and the next, the user types at the top.
			if (!typed) {
				typed = true;
				window.setTimeout(() => view.editor.replaceRange("Typed meanwhile.\n", { line: 0, ch: 0 }), 0);
			}
		});
		const written = await new ObsidianVault(app).process("List.md", (text) => text.split("\n").map(link).join("\n"));
		expect(transactions.length).toBeGreaterThan(3);
		expect(written.startsWith("Typed meanwhile.\n- [ ] Paper 0 [[Paper 0|notes]]\n")).toBe(true);
		expect(written.split("|notes]]")).toHaveLength(1801);
		expect(view.editor.getValue()).toBe(written);
		expect(readVaultFile(app, "List.md")).toBe(written);
	});

	it("never writes into another note when the tab it edits opens that note between two steps", async () => {
		// Before: the editor was kept across the pauses; a tab that opened another note kept its editor, and the
		// rest of the links went into that note (and were saved there).
		const lines = Array.from({ length: 1800 }, (_, i) => `- [ ] Paper ${i}`);
		const other = "# Another list\n\n- [ ] Paper 1\n";
		const { app } = await start({ files: { "List.md": `${lines.join("\n")}\n`, "Other.md": other } });
		const first = await openInMarkdownView(app, "List.md");
		const second = await openInMarkdownView(app, "List.md", { newLeaf: true });
		const link = (line: string): string => (line.startsWith("- [ ] Paper") && !line.endsWith("|notes]]") ? `${line} [[${line.slice(6)}|notes]]` : line);
		let switched = false;
		app.workspace.on("editor-change", () => {
			if (switched) return;
			switched = true;
			window.setTimeout(() => void first.leaf.openFile(app.vault.getFileByPath("Other.md") ?? file(app, "Other.md")), 0);
		});
		const written = await new ObsidianVault(app).process("List.md", (text) => text.split("\n").map(link).join("\n"));
		await settled(app);
		expect(readVaultFile(app, "Other.md")).toBe(other);
		expect(first.file?.path).toBe("Other.md");
		expect(first.editor.getValue()).toBe(other);
		expect(written.split("|notes]]")).toHaveLength(1801);
		expect(second.editor.getValue()).toBe(written);
		expect(readVaultFile(app, "List.md")).toBe(written);
	});
});
