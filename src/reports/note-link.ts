/**
 * A link to a paper note in a generated note, labelled with the paper's
 * title, in the vault's link style.
 */
import { markdownLinkPath } from "../sync/plan";
import { escapeMarkdownInline } from "./markdown-text";

export type NoteLinkStyle = "wikilink" | "markdown";

// A wikilink cannot hold these in its target, nor `|`, `[` or `]` in its label.
const WIKILINK_TARGET_BREAKERS = /[|#^[\]]/;

/**
 * `[[Papers/Chimera|Chimera: Efficiently …]]`, or `[Chimera: Efficiently …](Papers/Chimera.md)` in the Markdown
 * style or when the path cannot be a wikilink target. The label is the title as text.
 */
export function noteLink(notePath: string, title: string, style: NoteLinkStyle = "wikilink"): string {
	if (style === "wikilink" && !WIKILINK_TARGET_BREAKERS.test(notePath)) {
		const label = title.replace(/[|[\]]/g, " ").replace(/\s+/g, " ").trim();
		const target = notePath.replace(/\.md$/i, "");
		return label === "" ? `[[${target}]]` : `[[${target}|${label}]]`;
	}
	// encodeURI keeps `#` and `?`, which in a link would start a heading or a query.
	const path = markdownLinkPath(notePath).replace(/#/g, "%23").replace(/\?/g, "%3F");
	return `[${escapeMarkdownInline(title) || "note"}](${path})`;
}
