/**
 * Front matter: finding it in a note, and writing properties with a real YAML
 * serializer so that any value round-trips (titles with quotes, colons, `#`,
 * a leading `-`, `null`, dates, unicode).
 */
import { parse, stringify } from "yaml";

export type Properties = Record<string, unknown>;

export interface NoteParts {
	/** The YAML between the fences, without them; null when the note has no front matter. */
	yaml: string | null;
	/** Everything after the closing fence (or the whole note). */
	body: string;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)(?:\r?\n)?^---[ \t]*(?:\r?\n|$)/m;

export function splitFrontMatter(text: string): NoteParts {
	if (!text.startsWith("---")) return { yaml: null, body: text };
	const match = FRONT_MATTER.exec(text);
	if (!match || match.index !== 0) return { yaml: null, body: text };
	return { yaml: match[1] ?? "", body: text.slice(match[0].length) };
}

/** The note's properties, or null when it has none or they are not valid YAML. */
export function readProperties(text: string): Properties | null {
	const { yaml } = splitFrontMatter(text);
	if (yaml === null) return null;
	try {
		const value: unknown = parse(yaml);
		return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Properties) : null;
	} catch {
		return null;
	}
}

/**
 * YAML for a properties block. Strings are always double-quoted, so no title
 * can turn into a number, a date, a boolean or null in any YAML reader (1.1 or 1.2);
 * empty values are written bare (`read:`), as Obsidian does.
 */
export function stringifyProperties(properties: Properties): string {
	return stringify(properties, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", nullStr: "", lineWidth: 0 });
}

export function noteWithProperties(properties: Properties, body: string): string {
	return `---\n${stringifyProperties(properties)}---\n${body}`;
}
