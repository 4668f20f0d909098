/**
 * The one small vault interface that sync needs. It is implemented twice:
 * over Obsidian's API (the plugin) and over the file system (the CLI and
 * tests), so that planning and applying run the same code in both.
 * Every path is vault-relative and normalised.
 */

export type PathKind = "file" | "folder";

/** A note, with the properties that say which paper it is about (see `src/notes/paper-note.ts`). */
export interface ExistingNote {
	path: string;
	/** The note's `url` property, when it has a string one. */
	url?: string;
	/** The note's `title` property, when it has a string one. */
	title?: string;
	/** The note's `status` property (`unread`, `reading`, `read`), when it has a string one. */
	status?: string;
	/** The note's `citekey` property, when it has a string one: citation keys stay unique vault-wide. */
	citekey?: string;
	/** The note's `rank` property (its paper's place in catalogue order), when it has a number. */
	rank?: number;
}

export interface NoteVault {
	/** Whether something is at `path`, and what. */
	kind(path: string): Promise<PathKind | null>;
	read(path: string): Promise<string>;
	/** Every markdown note below `folder` (recursively), with its `url` property. Empty when the folder is missing. */
	notesIn(folder: string): Promise<ExistingNote[]>;
	/** One note with its identifying properties; null when there is no note at `path`. */
	noteAt(path: string): Promise<ExistingNote | null>;
	/** The note a link target names, as Obsidian resolves links from `sourcePath`; null when none. */
	resolveLink(target: string, sourcePath: string): Promise<string | null>;
	/** Creates one folder; its parent exists. */
	createFolder(path: string): Promise<void>;
	/** Creates a note; rejects, writing nothing, when anything is already at `path`. */
	create(path: string, content: string): Promise<void>;
	/**
	 * Edits a note atomically: `edit` gets the current text and returns the new one,
	 * and no other write can land in between. Returns the text written.
	 */
	process(path: string, edit: (text: string) => string): Promise<string>;
}

/** A note's identity from its properties (as front matter holds them: any type, or none). */
export function existingNote(path: string, properties: Record<string, unknown> | null | undefined): ExistingNote {
	const note: ExistingNote = { path };
	if (typeof properties?.url === "string") note.url = properties.url;
	if (typeof properties?.title === "string") note.title = properties.title;
	if (typeof properties?.status === "string") note.status = properties.status;
	// Any spelling the user chose (`Citekey`): it is the same property to the look-up, which never fills it again.
	const citekey = properties ? Object.entries(properties).find(([key, value]) => key.toLowerCase() === "citekey" && typeof value === "string" && value.trim() !== "")?.[1] : undefined;
	if (typeof citekey === "string") note.citekey = citekey;
	if (typeof properties?.rank === "number" && Number.isFinite(properties.rank)) note.rank = properties.rank;
	return note;
}
