/**
 * The statuses of the paper notes of items without a checkbox, read through the sync's vault interface: an item
 * of a link-only list is done when its note says `read`. The plugin reads them from the metadata cache instead
 * (src/obsidian/paper-notes.ts); the CLI's `progress` uses this.
 */
import type { Catalogue } from "../catalogue/model";
import { isPaperNoteOf } from "../notes/paper-note";
import type { NoteVault } from "../sync/vault";
import { type ReadingStatus, readingStatus } from "./reading-status";

/** By paper id, the status of the note of each paper whose item has no checkbox and links its note. */
export async function statusesOfUncheckedItems(vault: NoteVault, catalogue: Catalogue, cataloguePath: string): Promise<Map<string, ReadingStatus>> {
	const statuses = new Map<string, ReadingStatus>();
	for (const paper of catalogue.papers) {
		if (paper.checkboxOffset !== undefined || paper.noteLinks.length === 0) continue;
		const inserted = new Set(paper.insertedLinks);
		for (const target of paper.noteLinks) {
			const path = await vault.resolveLink(target, cataloguePath);
			const note = path === null ? null : await vault.noteAt(path);
			if (!note || !isPaperNoteOf(paper, note, inserted.has(target))) continue;
			if (note.status !== undefined) statuses.set(paper.id, readingStatus(note.status));
			break;
		}
	}
	return statuses;
}
