/**
 * "Prepare discussion for this section": creates or updates `<catalogue> – <section> discussion.md` beside the
 * catalogue (src/reports/discussion.ts). Only the generated block between its markers is replaced; the user's text
 * around it stays byte for byte. A note whose markers are damaged is not written: a notice says what to put back.
 * The open note is edited through its editor, a closed one with Vault.process.
 */
import { Notice, normalizePath, TFile } from "obsidian";
import type { Catalogue } from "../catalogue/model";
import { sectionAtLine } from "../catalogue/section-at-line";
import { baseName } from "../notes/vault-path";
import { discussionBlock, discussionNotePath, discussionPapersOf, discussionTitle, type PaperNoteText, PREPARE_DISCUSSION_COMMAND } from "../reports/discussion";
import { updateGeneratedBlock } from "../reports/generated-block";
import { inBackground } from "./failures";
import type { PluginHost } from "./host";
import { liveText } from "./live-text";
import { ObsidianVault } from "./obsidian-vault";
import { displayName, showFile } from "./output-target";
import { linkStyleFor } from "./sync-runner";

export const PREPARE_DISCUSSION_COMMAND_ID = "prepare-section-discussion";

/** Damaged markers: the note is left as it is, for as long as it takes the user to read why. */
const DAMAGED_NOTICE_MS = 0;

async function notesOf(host: PluginHost, catalogue: Catalogue, cataloguePath: string, sectionIndex: number): Promise<Map<string, PaperNoteText>> {
	const notes = new Map<string, PaperNoteText>();
	for (const index of catalogue.sections[sectionIndex]?.paperIndexes ?? []) {
		const paper = catalogue.papers[index];
		if (!paper || notes.has(paper.id)) continue;
		const file = host.notes.noteOf(paper, cataloguePath);
		if (!file) continue;
		let text: string | null = null;
		try {
			text = await liveText(host.app, file.path);
		} catch {
			// Listed as "could not be read" in the note.
		}
		notes.set(paper.id, { path: file.path, text });
	}
	return notes;
}

/** Writes (or updates) the discussion note of one section and opens it; false when nothing could be written. */
async function writeDiscussion(host: PluginHost, cataloguePath: string, locate: SectionLocator): Promise<boolean> {
	// Found in the catalogue as it is now: the index's last parse may be a keystroke behind the editor.
	const catalogue = await host.index.refresh(cataloguePath);
	const sectionIndex = catalogue ? locate(catalogue) : null;
	const section = sectionIndex === null ? undefined : catalogue?.sections[sectionIndex];
	if (!catalogue || !section || sectionIndex === null) {
		new Notice(`${displayName(cataloguePath)} has no such section any more.`);
		return false;
	}
	const catalogueName = baseName(cataloguePath);
	const title = discussionTitle(catalogueName, section.title);
	const block = discussionBlock({
		catalogueName,
		sectionTitle: section.title,
		papers: discussionPapersOf(catalogue, sectionIndex, await notesOf(host, catalogue, cataloguePath, sectionIndex)),
		linkStyle: linkStyleFor(host.app, host.settings, cataloguePath),
	});
	const path = normalizePath(discussionNotePath(cataloguePath, section.title));
	const existing = host.app.vault.getAbstractFileByPath(path);
	if (existing && !(existing instanceof TFile)) {
		new Notice(`Could not write ${path}: a folder has that name.`);
		return false;
	}
	if (!existing) {
		const created = updateGeneratedBlock(null, block, title);
		if (!created.ok) throw new Error(created.error);
		await host.app.vault.create(path, created.text);
	} else {
		const first = updateGeneratedBlock(await liveText(host.app, path), block, title);
		if (!first.ok) {
			new Notice(`${existing.basename} was not updated. ${first.error}`, DAMAGED_NOTICE_MS);
			return false;
		}
		if (first.action !== "unchanged") {
			let damaged: string | null = null;
			// Worked out again from the text at the moment of writing: the user may have typed meanwhile.
			await new ObsidianVault(host.app).process(path, (text) => {
				const update = updateGeneratedBlock(text, block, title);
				if (update.ok) return update.text;
				damaged = update.error;
				return text;
			});
			if (damaged !== null) {
				new Notice(`${existing.basename} was not updated. ${String(damaged)}`, DAMAGED_NOTICE_MS);
				return false;
			}
		}
	}
	await showFile(host.app, path);
	return true;
}

/** The command's whole run, one at a time with the other runs that write. */
/** Which section is meant, asked of the catalogue as it is when the run starts (a line, or a title and its count). */
export type SectionLocator = (catalogue: Catalogue) => number | null;

export function prepareDiscussion(host: PluginHost, cataloguePath: string, locate: SectionLocator): void {
	inBackground(
		"Could not prepare the discussion",
		host.runs.exclusive("Preparing the discussion", () => writeDiscussion(host, cataloguePath, locate)),
	);
}

export function registerDiscussionCommand(host: PluginHost): void {
	host.addCommand({
		id: PREPARE_DISCUSSION_COMMAND_ID,
		name: PREPARE_DISCUSSION_COMMAND,
		editorCheckCallback: (checking, editor, ctx) => {
			const file = ctx.file;
			if (!file || file.extension !== "md") return false;
			const catalogue = host.index.get(file.path);
			if (!catalogue || catalogue.papers.length === 0) return false;
			const line = editor.getCursor().line;
			if (sectionAtLine(catalogue, line) === null) return false;
			if (!checking) prepareDiscussion(host, file.path, (current) => sectionAtLine(current, line));
			return true;
		},
	});
}
