/**
 * Whether a paper note holds a review: text the user wrote in its review
 * sections, beyond what the template put there.
 */
import { splitFrontMatter } from "./front-matter";

const PLACEHOLDER = /\{\{[^{}]*\}\}/g;
const SECTION_HEADING = /^#{2,6}[ \t]/m;
const HEADING_LINE = /^#{1,6}[ \t]/;

/**
 * The lines that say something: trimmed, without HTML and `%%` comments,
 * fenced-code markers or lines of punctuation alone (an empty bullet, `- [ ]`,
 * a rule), and without headings.
 */
function meaningfulLines(text: string): string[] {
	return text
		.replace(/<!--[\s\S]*?(?:-->|$)/g, "")
		.replace(/%%[\s\S]*?(?:%%|$)/g, "")
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => !HEADING_LINE.test(line) && /[\p{L}\p{N}]/u.test(line.replace(PLACEHOLDER, "x")));
}

/** The part of a note or template from its first `##`-or-deeper heading on: its review sections. */
function sectionsOf(text: string): string | null {
	const { body } = splitFrontMatter(text);
	const first = body.search(SECTION_HEADING);
	return first === -1 ? null : body.slice(first);
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** What a template's review sections hold, as the note sees it once the placeholders are filled. */
interface TemplateLines {
	/** Lines without placeholders, as written. */
	literal: Set<string>;
	/** Lines with placeholders and some text of their own (`- Venue: {{venue}}`): any value fits a placeholder. */
	patterns: RegExp[];
	/** Lines that are placeholders alone (`{{annotation}}`): each can stand for one line of the note, whatever it says. */
	wildcards: number;
}

function templateLines(template: string): TemplateLines {
	const lines: TemplateLines = { literal: new Set(), patterns: [], wildcards: 0 };
	const sections = sectionsOf(template);
	if (sections === null) return lines;
	for (const line of meaningfulLines(sections)) {
		if (!line.match(PLACEHOLDER)) lines.literal.add(line);
		else if (/[\p{L}\p{N}]/u.test(line.replace(PLACEHOLDER, ""))) lines.patterns.push(new RegExp(`^${line.split(PLACEHOLDER).map(escapeRegExp).join(".*")}$`, "u"));
		else lines.wildcards += 1;
	}
	return lines;
}

/** Whether the note has a line in its review sections that the template did not put there. */
function hasOwnText(lines: readonly string[], template: TemplateLines): boolean {
	let wildcards = template.wildcards;
	for (const line of lines) {
		if (template.literal.has(line) || template.patterns.some((pattern) => pattern.test(line))) continue;
		if (wildcards > 0) {
			wildcards -= 1;
			continue;
		}
		return true;
	}
	return false;
}

/**
 * True when a review section of the note (under a `##`-or-deeper heading) has
 * a line with words that is not a line of the template: comments, empty
 * bullets, headings and the template's own prompts do not count, and a
 * template line with placeholders (`- Venue: {{venue}}`) matches whatever
 * they were filled with. Pass every template the note may have come from (the
 * one set now, the built-in one): a note that is just one of them is not reviewed.
 */
export function isReviewed(note: string, templates: string | readonly string[]): boolean {
	const sections = sectionsOf(note);
	if (sections === null) return false;
	const lines = meaningfulLines(sections);
	const all = typeof templates === "string" ? [templates] : templates;
	if (all.length === 0) return lines.length > 0;
	return all.every((template) => hasOwnText(lines, templateLines(template)));
}
