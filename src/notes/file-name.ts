/**
 * File names for paper notes that are valid everywhere a vault syncs to
 * (Windows, macOS, Linux, Android, iOS) and that keep Obsidian links working.
 */

// Invalid on Windows (and so on any synced vault), or breaking Obsidian links and block references.
// Backticks and tildes too: in the link inserted after a catalogue item they pair with one in the item
// (code, strikethrough), the link is no longer read as a link, and the next sync makes a second note.
// eslint-disable-next-line no-control-regex -- control characters are invalid in file names
const FORBIDDEN = /[\\/*?"<>|#^[\]`~\u0000-\u001F\u007F]/g;
// Zero-width spaces and bidi controls render as nothing and make names that look alike differ.
// (Joiners stay: emoji sequences and Persian or Indic scripts need them.)
const INVISIBLE = /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
const RESERVED = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(?:\..*)?$/i;

export const MAX_FILE_NAME_BYTES = 200;
export const UNTITLED = "Untitled paper";

const encoder = new TextEncoder();

function byteLength(text: string): number {
	return encoder.encode(text).length;
}

/** Cuts `text` to at most `maxBytes` of UTF-8 without splitting a character (a grapheme where the platform knows them). */
export function cutToBytes(text: string, maxBytes: number): string {
	if (byteLength(text) <= maxBytes) return text;
	const pieces =
		typeof Intl !== "undefined" && "Segmenter" in Intl
			? Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text), (segment) => segment.segment)
			: Array.from(text);
	let result = "";
	let bytes = 0;
	for (const piece of pieces) {
		const size = byteLength(piece);
		if (bytes + size > maxBytes) break;
		result += piece;
		bytes += size;
	}
	return result;
}

function trimEnds(name: string): string {
	return name.replace(/^[\s.]+|[\s.]+$/g, "");
}

/**
 * A file name (without `.md`) for a title: forbidden characters replaced,
 * whitespace collapsed, no leading or trailing dot or space, no reserved
 * device name, at most `maxBytes` bytes of UTF-8.
 */
export function safeFileName(title: string, maxBytes = MAX_FILE_NAME_BYTES): string {
	let name = title
		.normalize("NFC")
		.replace(INVISIBLE, "")
		// "SysML: The New Frontier" reads best as "SysML - The New Frontier".
		.replace(/\s*:\s*/g, " - ")
		.replace(FORBIDDEN, " ")
		.replace(/\s+/g, " ");
	name = trimEnds(name);
	if (RESERVED.test(name)) name = `${name} (paper)`;
	name = trimEnds(cutToBytes(name, maxBytes));
	return name === "" || /^-+$/.test(name) ? UNTITLED : name;
}

/** `name`, or `name (2)`, `name (3)`… — the first that `isTaken` does not reject, within the byte limit. */
export function uniqueFileName(name: string, isTaken: (candidate: string) => boolean, maxBytes = MAX_FILE_NAME_BYTES): string {
	if (!isTaken(name)) return name;
	for (let n = 2; ; n++) {
		const suffix = ` (${n})`;
		const candidate = `${trimEnds(cutToBytes(name, maxBytes - byteLength(suffix)))}${suffix}`;
		if (!isTaken(candidate)) return candidate;
	}
}
