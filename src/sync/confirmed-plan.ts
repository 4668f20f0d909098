/**
 * A plan made again after a wait (the plugin looks up paper details between the dialog and the writes) may hold
 * papers added to the catalogue meanwhile. The user confirmed the first plan: only its papers are written.
 */
import type { SyncPlan } from "./plan";

/** `next`, cut down to the papers `confirmed` would create notes for or link. */
export function withinConfirmed(next: SyncPlan, confirmed: SyncPlan): SyncPlan {
	const papers = new Set([...confirmed.create.flatMap((note) => note.paperIds), ...confirmed.link.map((link) => link.paperId)]);
	const create = next.create.filter((note) => note.paperIds.some((id) => papers.has(id)));
	const link = next.link.filter((link) => papers.has(link.paperId));
	const folders = next.folders.filter((folder) => create.some((note) => note.path.startsWith(`${folder}/`)));
	return { ...next, folders, create, link };
}
