/**
 * The fake without a DOM (vitest's default `node` environment): the vault, metadata cache, file manager,
 * commands (editor commands included) and notice records work; DOM-only parts fail with a clear message.
 */
import { Modal, Notice, Plugin } from "obsidian";
import { describe, expect, it } from "vitest";
import { clearNotices, createApp, loadPlugin, noticeMessages, openInMarkdownView, readVaultFile, runCommand, settled, unloadPlugin, vaultSnapshot } from "./harness";

describe("the obsidian fake without a DOM", () => {
	it("runs a plugin's commands against the vault and records its notices", async () => {
		clearNotices();
		const app = createApp({ files: { "List.md": "- [ ] [[Paper]]\n" } });
		class Lister extends Plugin {
			override onload(): void {
				this.addCommand({
					id: "tick",
					name: "Tick the first paper",
					callback: async () => {
						const list = this.app.vault.getFileByPath("List.md");
						if (list === null) return;
						await this.app.vault.process(list, (text) => text.replace("- [ ]", "- [x]"));
						new Notice("Ticked");
					},
				});
				this.addCommand({ id: "shout", name: "Shout", editorCallback: (editor) => editor.setValue(editor.getValue().toUpperCase()) });
			}
		}
		const plugin = await loadPlugin(app, Lister, { id: "lister" });
		expect(await runCommand(app, "lister:tick")).toBe(true);
		expect(readVaultFile(app, "List.md")).toBe("- [x] [[Paper]]\n");
		expect(noticeMessages()).toEqual(["Ticked"]);
		await settled(app);
		const list = app.vault.getFileByPath("List.md");
		expect(list && app.metadataCache.getFileCache(list)?.listItems?.[0]?.task).toBe("x");

		const view = await openInMarkdownView(app, "List.md");
		expect(await runCommand(app, "lister:shout")).toBe(true);
		await view.save();
		expect(vaultSnapshot(app)).toEqual({ "List.md": "- [X] [[PAPER]]\n" });
		await unloadPlugin(plugin);
	});

	it("says which DOM part needs happy-dom", () => {
		const app = createApp();
		// (The message names vitest's environment pragma; spelling it out here would switch this file to happy-dom.)
		expect(() => new Modal(app)).toThrow(/Modal needs a DOM; put .* at the top of the test file/);
		expect(() => new Notice("Saved").messageEl).toThrow(/needs a DOM/);
		expect(() => app.workspace.containerEl).toThrow(/needs a DOM/);
	});
});
