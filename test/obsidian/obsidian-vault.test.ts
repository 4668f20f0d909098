// @vitest-environment happy-dom
/**
 * The sync's vault over Obsidian: catalogue edits go through the editor when the note is open in one (keeping
 * unsaved typing and the cursor), and through `Vault.process` otherwise.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ObsidianVault } from "../../src/obsidian/obsidian-vault";
import { openInMarkdownView, readVaultFile } from "../fakes/harness";
import { disposeApps, recordModifies, start } from "./plugin-support";

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
});
