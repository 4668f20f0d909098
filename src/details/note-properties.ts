/** The one thing a look-up needs of a vault beyond `NoteVault`: reading and filling a note's properties. */
export interface NotePropertyStore {
	/** The note's properties; null when it has no front matter a YAML reader accepts. */
	propertiesOf(path: string): Promise<Record<string, unknown> | null>;
	/**
	 * Edits the note's properties in place, atomically (Obsidian's `processFrontMatter`); the
	 * note's body is never touched. Rejects when the note has no readable front matter.
	 */
	updateProperties(path: string, edit: (properties: Record<string, unknown>) => void): Promise<void>;
}
