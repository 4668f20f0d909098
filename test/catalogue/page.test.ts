/**
 * Page-level markup blanked before parsing (Liquid tags, kramdown blocks and comments), and what it
 * tells about the page: group regions and entry headings. Text in, text out; the text keeps its length.
 */
import { describe, expect, it } from "vitest";
import { readKramdown } from "../../src/catalogue/kramdown";
import { blankLiquid } from "../../src/catalogue/liquid";
import { preparePage } from "../../src/catalogue/page";

/** `text` with each `⟦…⟧` span replaced by as many spaces as it holds characters (line breaks kept). */
function blanked(text: string): string {
	return text.replace(/⟦([^⟧]*)⟧/g, (_, inner: string) => inner.replace(/[^\r\n]/g, " "));
}

function source(text: string): string {
	return text.replace(/[⟦⟧]/g, "");
}

describe("blankLiquid", () => {
	it.each([
		["a tag alone on a line", "⟦{% include syllabus_entry %}⟧\n## Lecture\n"],
		["whitespace control and CRLF", "⟦{%- include x -%}⟧\r\n- [ ] [A](u)\r\n"],
		["a tag inside a line", "Read [A](u) ⟦{% if x %}⟧today⟦{% endif %}⟧.\n"],
		["a tag that starts a line with text after it stays (blanked, the text would become code)", "{% if x %}- [ ] [A](u)⟦{% endif %}⟧\n"],
		["comment and capture blocks, whole", "⟦{% comment %}\n- [ ] [Dropped](u)\n{% endcomment %}⟧\n⟦{% capture d %}8/30\n9/2{% endcapture %}⟧\n"],
		["raw: only the tags; what is between is shown as written", "⟦{% raw %}⟧{% not a tag here %}⟦{% endraw %}⟧\n"],
		["a tag over several lines", "⟦{% include card.html\n   title=\"x\" %}⟧\n"],
		["output tags are left alone", "{{ page.title }}\n"],
		["an unclosed tag is text", "{% include x\n- [ ] [A](u)\n"],
		["an unclosed comment blanks only its own tag", "⟦{% comment %}⟧\n- [ ] [A](u)\n"],
		["braces that are not a tag", "{ % not % }\n"],
	])("%s", (_name, written) => {
		const text = source(written);
		const result = blankLiquid(text);
		expect(result.text).toBe(blanked(written));
		expect(result.text).toHaveLength(text.length);
	});

	it("notes the lines that hold nothing but an include, for entry headings", () => {
		const text = "{% include a %}\n{% assign x = 1 %}\n{% if y %}{% include b %}{% endif %}\ntext {% include c %}\n";
		const starts = blankLiquid(text).includeLines;
		expect(starts.map((start) => text.slice(start, text.indexOf("\n", start)))).toEqual(["{% include a %}", "{% if y %}{% include b %}{% endif %}"]);
	});

	it("leaves front matter alone", () => {
		const text = "---\nx: '{% include a %}'\n---\n{% include b %}\n";
		expect(blankLiquid(text, text.indexOf("{% include b")).text).toBe(blanked("---\nx: '{% include a %}'\n---\n⟦{% include b %}⟧\n"));
	});

	it("stays linear on a long run of openers and of tags", () => {
		const openers = "{%".repeat(200_000);
		expect(blankLiquid(openers).text).toBe(openers);
		const tags = "{%x%}".repeat(100_000);
		expect(blankLiquid(tags).text).toBe(" ".repeat(tags.length));
	});
});

describe("readKramdown", () => {
	it.each([
		[
			"a markdown div's tag lines, and the wrapper's around it",
			'⟦<div class="reading">⟧\n⟦<div class="required_reading" markdown="1">⟧\n* [A](u)\n⟦</div>⟧\n⟦</div>⟧\n## Next\n',
		],
		["markdown=\"block\", 'span' and unquoted", "⟦<div markdown=\"block\">⟧\n- x\n⟦</div>⟧\n⟦<div markdown='span'>⟧\n- y\n⟦</div>⟧\n⟦<section markdown=1>⟧\n- z\n⟦</section>⟧\n"],
		["details with a one-line summary", '⟦<details markdown="1">⟧\n⟦<summary>Optional reading</summary>⟧\n- [A](u)\n⟦</details>⟧\n'],
		["details with a summary over lines", '⟦<details markdown="1">⟧\n⟦<summary>⟧\n⟦Optional reading⟧\n⟦</summary>⟧\n- [A](u)\n⟦</details>⟧\n'],
		["kramdown comments", "⟦[//]: <> (lecture 1)⟧\n⟦[//]: # (a note)⟧\n⟦[comment]: <> \"x\"⟧\n[//]: <> (not alone) text\n"],
		["a block without markdown=\"1\" stays HTML", '<div class="hidden">\n- [ ] [Fake](u)\n</div>\n'],
		["markdown=\"0\" stays HTML", '<div markdown="0">\n- [ ] [Fake](u)\n</div>\n'],
		["a tag with text beside it stays", '<div markdown="1">- [A](u)</div>\n'],
		["a line mixing a markdown element's tag and another's stays", '⟦<div markdown="1">⟧\n- [A](u)\n</div><div class="x">\n'],
		["in fenced code nothing is touched", '```\n<div markdown="1">\n```\n- [A](u)\n</div>\n'],
		["in an HTML comment nothing is touched", '<!-- <div markdown="1">\n- [A](u)\n</div> -->\n'],
		["an attribute value holding `>`", '⟦<div title="a > b" markdown="1">⟧\n- [A](u)\n⟦</div>⟧\n'],
		["indented tag lines", '- Lecture\n  ⟦<div markdown="1">⟧\n  - [A](u)\n  ⟦</div>⟧\n'],
		["void and self-closing tags keep a line", '⟦<div markdown="1">⟧\n<br>\n<hr/>\n⟦</div>⟧\n'],
	])("%s", (_name, written) => {
		const text = source(written);
		const result = readKramdown(text, 0);
		expect(result.text).toBe(blanked(written));
		expect(result.text).toHaveLength(text.length);
	});

	it.each([
		['<div class="required_reading" markdown="1">\n- [A](u)\n</div>\n', "required"],
		['<div class="optional_reading" markdown="1">\n- [A](u)\n</div>\n', "optional"],
		["<div class='readings optional'>\n\n- [A](u)\n</div>\n", "optional"],
		['<details markdown="1">\n<summary>Required reading</summary>\n- [A](u)\n</details>\n', "required"],
		["<details>\n<summary><b>Further reading</b> (click)</summary>\n\n- [A](u)\n</details>\n", "optional"],
	])("group region of %j", (text, group) => {
		const { groups } = readKramdown(text, 0);
		expect(groups).toEqual([{ start: 0, end: text.lastIndexOf("\n"), group }]);
	});

	it.each([['<div class="reading" markdown="1">\n- [A](u)\n</div>\n'], ["<details>\n<summary>Papers from last term</summary>\n\n- [A](u)\n</details>\n"]])(
		"no group region when neither class nor summary names a group: %j",
		(text) => {
			expect(readKramdown(text, 0).groups).toEqual([]);
		},
	);

	it("runs an unclosed region to the end of the text", () => {
		const text = '<div class="required_reading">\n- [A](u)\n';
		expect(readKramdown(text, 0).groups).toEqual([{ start: 0, end: text.length, group: "required" }]);
	});

	it("nests regions, inner after outer", () => {
		const text = '<div class="optional_reading" markdown="1">\n<div class="required_reading" markdown="1">\n- [A](u)\n</div>\n- [B](u)\n</div>\n';
		const { groups } = readKramdown(text, 0);
		expect(groups.map((group) => [group.group, text.slice(group.start, group.end)])).toEqual([
			["optional", text.slice(0, -1)],
			["required", '<div class="required_reading" markdown="1">\n- [A](u)\n</div>'],
		]);
	});

	it("ends an element left open inside another with the other's closer, as HTML does", () => {
		const text = '<div markdown="1">\n<details class="optional_reading" markdown="1">\n- [A](u)\n</div>\n- [B](u)\n';
		expect(readKramdown(text, 0).groups).toEqual([{ start: text.indexOf("<details"), end: text.indexOf("</div>") + "</div>".length, group: "optional" }]);
	});

	it("stays bounded on hostile nesting", () => {
		const text = `${'<div markdown="1">\n'.repeat(50_000)}${"</span>\n".repeat(50_000)}`;
		const result = readKramdown(text, 0);
		expect(result.text).toHaveLength(text.length);
	});
});

describe("preparePage", () => {
	it("finds the headings that follow an include, blank lines and kramdown comments between", () => {
		const text = "# Course\n\n{% include entry %}\n[//]: <> (lecture 1)\n\n## One\n\n{% include entry %}\n# Holiday\ntext\n## Not an entry\n{% assign x = 1 %}\n## Not one either\n";
		expect([...preparePage(text).entryLines]).toEqual([6, 9]);
	});

	it("changes nothing in a catalogue without such markup", () => {
		const text = "---\ntitle: x\n---\n<!--more-->\n# Papers\n\n- [ ] [A](u)\n<div>\n- [ ] [B](u)\n</div>\n";
		expect(preparePage(text)).toEqual({ text, groups: [], entryLines: new Set() });
	});
});
