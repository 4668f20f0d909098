/** Reading values out of fast-xml-parser's output, whose shape depends on the document. */
import { finish, type Steps } from "./steps";

/** The text of an element: a string, or the `#text` of an element that also has attributes. */
export function xmlText(node: unknown): string {
	if (typeof node === "string") return node;
	if (typeof node === "number" || typeof node === "boolean") return String(node);
	if (typeof node === "object" && node !== null && "#text" in node) return xmlText((node as Record<string, unknown>)["#text"]);
	return "";
}

/** An attribute's value (attributes are read with the `@_` prefix). */
export function xmlAttribute(node: unknown, name: string): string {
	if (typeof node !== "object" || node === null) return "";
	const value = (node as Record<string, unknown>)[`@_${name}`];
	return typeof value === "string" ? value : "";
}

/** A child that may occur once, many times, or not at all, as a list. */
export function xmlList(node: unknown): unknown[] {
	if (node === undefined || node === null) return [];
	return Array.isArray(node) ? node : [node];
}

export function xmlChild(node: unknown, name: string): unknown {
	return typeof node === "object" && node !== null ? (node as Record<string, unknown>)[name] : undefined;
}

const SKIPPED = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/g;
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

/** Tags checked between two yields of `xmlProblemSteps`. */
const TAGS_PER_STEP = 2000;

/**
 * Why `text` is not one well-nested XML document whose root is `root`, or undefined when it is.
 * fast-xml-parser reads truncated and mis-nested documents without complaint (a cut-off feed
 * simply has fewer entries), so we check the nesting ourselves before trusting what it read.
 */
export function* xmlProblemSteps(text: string, root: string): Steps<string | undefined> {
	const body = text.replace(SKIPPED, "");
	const open: string[] = [];
	let seenRoot = false;
	let last = 0;
	let tags = 0;
	for (const match of body.matchAll(TAG)) {
		if (++tags % TAGS_PER_STEP === 0) yield;
		const between = body.slice(last, match.index);
		if (between.includes("<")) return "a stray < or an unfinished tag";
		last = match.index + match[0].length;
		const [, closing, name = "", , selfClosing] = match;
		if (open.length === 0 && seenRoot) return "content after the root element";
		if (closing === "/") {
			const expected = open.pop();
			if (expected !== name) return expected === undefined ? `</${name}> closes nothing` : `<${expected}> closed by </${name}>`;
		} else if (selfClosing !== "/") {
			if (open.length === 0) {
				if (name !== root) return `the root element is <${name}>, not <${root}>`;
				seenRoot = true;
			}
			open.push(name);
		} else if (open.length === 0) return `the root element is <${name}/>, not <${root}>`;
	}
	if (body.slice(last).includes("<")) return "cut off inside a tag";
	if (!seenRoot) return `no <${root}> element`;
	if (open.length > 0) return `cut off: <${open[open.length - 1] ?? root}> is not closed`;
	return undefined;
}

export function xmlProblem(text: string, root: string): string | undefined {
	return finish(xmlProblemSteps(text, root));
}

const COMMENTS = /<!--[\s\S]*?-->/g;

/**
 * The text of each `<name>…</name>` element in a document already checked by `xmlProblem`
 * (comments left out), so that each can be parsed alone: fast-xml-parser is slower on one big
 * document than on its parts, and parts let the caller yield between them.
 */
export function elementTexts(text: string, name: string): string[] {
	const pattern = new RegExp(`<${name}(?:\\s[^<>]*)?>[\\s\\S]*?</${name}>`, "g");
	return [...text.replace(COMMENTS, "").matchAll(pattern)].map((match) => match[0]);
}
