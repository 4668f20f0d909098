/**
 * Set-up for the tests of the outputs (the base, discussion notes, the reading report): an app of a given version
 * with a stand-in for the Bases core plugin (a view for `.base` files, as Obsidian registers one), and the
 * expected files.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type App, FileView, Plugin, type WorkspaceLeaf } from "obsidian";
import { loadPlugin, setApiVersion } from "../fakes/harness";
import { parseCatalogue } from "../../src/catalogue/parse";
import { safeFileName } from "../../src/notes/file-name";
import { EXAMPLE_READING, exampleNotes } from "../reports/example-notes";
import { EXAMPLE_TEXT, PLUGIN_ID, syncedExample } from "./plugin-support";

export const BASE_VIEW = "bases";

/** What Obsidian's own Bases plugin does that matters here: `.base` files open in a view of their own. */
class BaseView extends FileView {
	getViewType(): string {
		return BASE_VIEW;
	}

	override getDisplayText(): string {
		return this.file?.basename ?? "Base";
	}
}

class BasesStandIn extends Plugin {
	override onload(): void {
		this.registerView(BASE_VIEW, (leaf: WorkspaceLeaf) => new BaseView(leaf));
		this.registerExtensions(["base"], BASE_VIEW);
	}
}

/** Acts as an app of `version` (for the plugin's requireApiVersion); with Bases, `.base` files open. Reset with `resetApiVersion`. */
export async function actAsApp(app: App, version: string): Promise<void> {
	setApiVersion(version);
	await loadPlugin(app, BasesStandIn, { id: "bases-stand-in", name: "Bases stand-in" });
}

/** `paper-catalogue:<id>`. */
export function outputCommand(id: string): string {
	return `${PLUGIN_ID}:${id}`;
}

/** A file under test/fixtures, read by path (under happy-dom `URL` is the DOM's, which node:fs does not accept). */
export function fixture(relativePath: string): string {
	return readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../fixtures", relativePath), "utf8");
}

/** The path of the file in the active leaf's view, if any. */
export function activeFilePath(app: App): string | null {
	return app.workspace.getActiveFile()?.path ?? null;
}

/**
 * The example after Create, its notes written in as the core's report and discussion tests have them
 * (test/reports/example-notes.ts): some read, rated, summarised; two papers without a note.
 */
export async function exampleVaultWithReading(): Promise<Record<string, string>> {
	const files = { ...(await syncedExample()) };
	const catalogue = parseCatalogue(EXAMPLE_TEXT);
	for (const note of exampleNotes(catalogue).values()) {
		if (files[note.path] === undefined) throw new Error(`Create made no note at ${note.path}`);
		files[note.path] = note.text;
	}
	for (const [prefix, spec] of Object.entries(EXAMPLE_READING)) {
		if (spec !== "no note") continue;
		const paper = catalogue.papers.find((candidate) => candidate.title.startsWith(prefix));
		if (paper) delete files[`Papers/${safeFileName(paper.title)}.md`];
	}
	return files;
}
