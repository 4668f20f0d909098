/**
 * Whether a paper note holds a review: text the user wrote in its review
 * sections, beyond what the template put there.
 */
import { splitFrontMatter } from "./front-matter";

function meaningfulLines(text: string): string[] {
	return text
		.replace(/<!--[\s\S]*?-->/g, "")
		.replace(/%%[\s\S]*?%%/g, "")
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => /[\p{L}\p{N}]/u.test(line));
}

/**
 * True when a section of the note (under a `##`-or-deeper heading) has a line
 * with words that is not a line of the template: comments, empty bullets and
 * the template's own prompts do not count.
 */
export function isReviewed(note: string, template: string): boolean {
	const { body } = splitFrontMatter(note);
	const firstSection = body.search(/^#{2,6}[ \t]/m);
	if (firstSection === -1) return false;
	const templateLines = new Set(meaningfulLines(splitFrontMatter(template).body));
	return meaningfulLines(body.slice(firstSection)).some((line) => !/^#{1,6}[ \t]/.test(line) && !templateLines.has(line));
}
