/**
 * The facts of each paper's note for the reading report, read through the sync's vault interface (the CLI's
 * vault): the note an item links, when it is that paper's note. The plugin finds notes as its status sync does.
 */
import type { Catalogue } from "../catalogue/model";
import { isPaperNoteOf } from "../notes/paper-note";
import type { NoteVault } from "../sync/vault";
import { type PaperNoteFacts, paperNoteFacts } from "./note-facts";

/** By paper id; a paper without a (readable) note of its own has none. */
export async function reportNotesOf(vault: NoteVault, catalogue: Catalogue, cataloguePath: string, dateFormat: string, today: Date): Promise<Map<string, PaperNoteFacts>> {
	const facts = new Map<string, PaperNoteFacts>();
	const byPath = new Map<string, PaperNoteFacts | null>();
	for (const paper of catalogue.papers) {
		const inserted = new Set(paper.insertedLinks);
		for (const target of paper.noteLinks) {
			const path = await vault.resolveLink(target, cataloguePath);
			const note = path === null ? null : await vault.noteAt(path);
			if (path === null || !note || !isPaperNoteOf(paper, note, inserted.has(target))) continue;
			if (!byPath.has(path)) {
				let read: PaperNoteFacts | null = null;
				try {
					read = paperNoteFacts(path, await vault.read(path), dateFormat, today);
				} catch {
					// Unreadable (not text, gone meanwhile): the paper is reported from the catalogue alone.
				}
				byPath.set(path, read);
			}
			const found = byPath.get(path);
			if (found) facts.set(paper.id, found);
			break;
		}
	}
	return facts;
}
