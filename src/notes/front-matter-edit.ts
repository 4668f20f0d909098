/**
 * Setting a few properties in a note's text while leaving every other byte alone: the user's comments, number
 * spellings (`1.10`, `0123`), dates, quoting and key order. Only the lines of the properties set change: an empty
 * one (`authors:`, `doi: ""`) is replaced where it stands, a missing one is added at the end of the front matter,
 * and a note without front matter gets one. Values go through the same YAML serializer as every other value.
 */
import { stringifyProperties } from "./front-matter";

/** `key:` with nothing, `""`, `''`, `[]`, `null` or `~` after it: a property the editor shows as empty. */
function emptyLine(key: string): RegExp {
	const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
	return new RegExp(`^${escaped}[ \\t]*:[ \\t]*(?:""|''|\\[\\]|null|~)?[ \\t]*$`, "m");
}

const FENCE = /^---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*(?:\r?\n|$)/m;

/**
 * `text` with `properties` set. A key already present with a value is left as it is (the caller decides what to
 * fill, see `fillMissingProperties`): this function never changes a value the user wrote.
 */
export function setPropertiesInText(text: string, properties: Readonly<Record<string, unknown>>): string {
	const entries = Object.entries(properties);
	if (entries.length === 0) return text;
	const fence = FENCE.exec(text);
	if (!fence) return `---\n${stringifyProperties(Object.fromEntries(entries))}---\n${text}`;
	const rest = text.slice(fence[0].length);
	const closing = CLOSING.exec(rest);
	if (!closing) return text;
	let yaml = rest.slice(0, closing.index);
	const eol = fence[0].endsWith("\r\n") ? "\r\n" : "\n";
	const added: string[] = [];
	for (const [key, value] of entries) {
		const block = stringifyProperties({ [key]: value }).replace(/\n$/, "").replace(/\n/g, eol);
		const line = emptyLine(key);
		if (line.test(yaml)) yaml = yaml.replace(line, () => block);
		else if (!new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[ \\t]*:`, "m").test(yaml)) added.push(block);
	}
	if (added.length > 0) {
		const separator = yaml === "" || yaml.endsWith("\n") ? "" : eol;
		yaml = `${yaml}${separator}${added.join(eol)}${eol}`;
	}
	return `${fence[0]}${yaml}${rest.slice(closing.index)}`;
}
