/**
 * Text put into a Bases expression (a filter or a formula) as a string
 * literal, so that a vault path or a section title with quotes, brackets or
 * any script stays one literal and means exactly itself.
 *
 * Bases takes single- or double-quoted literals. Where one kind of quote does
 * not occur in the text, that kind delimits it and no quote needs escaping.
 * Backslashes, line breaks and control characters are written as
 * JavaScript-style escapes (`\\`, `\n`, `\u0001`), and so is a double quote
 * when the text holds both kinds: that is the one assumption made about the
 * expression language beyond what its documentation shows, and it is only
 * needed for texts Obsidian's own file names cannot hold (a backslash or a
 * double quote is not allowed in one).
 */

// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /[\\\u0000-\u001F\u007F\u2028\u2029]/g;

function escapeCharacter(character: string): string {
	switch (character) {
		case "\\":
			return "\\\\";
		case "\n":
			return "\\n";
		case "\r":
			return "\\r";
		case "\t":
			return "\\t";
		default:
			return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
	}
}

/** `text` as a Bases string literal: `"text"`, or `'te"xt'` when it holds a double quote but no single one. */
export function stringLiteral(text: string): string {
	const escaped = text.replace(NEEDS_ESCAPE, escapeCharacter);
	if (!escaped.includes('"')) return `"${escaped}"`;
	if (!escaped.includes("'")) return `'${escaped}'`;
	return `"${escaped.replace(/"/g, '\\"')}"`;
}
