/**
 * The one small vault interface that sync needs. It is implemented twice:
 * over Obsidian's API (the plugin) and over the file system (the CLI and
 * tests), so that planning and applying run the same code in both.
 * Every path is vault-relative and normalised.
 */

export type PathKind = "file" | "folder";

/** A note in the notes folder, with the property that identifies its paper. */
export interface ExistingNote {
	path: string;
	/** The note's `url` property, when it has a string one. */
	url?: string;
}

export interface NoteVault {
	/** Whether something is at `path`, and what. */
	kind(path: string): Promise<PathKind | null>;
	read(path: string): Promise<string>;
	/** Every markdown note below `folder` (recursively), with its `url` property. Empty when the folder is missing. */
	notesIn(folder: string): Promise<ExistingNote[]>;
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
