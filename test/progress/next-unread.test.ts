import { describe, expect, it } from "vitest";
import { parseCatalogue } from "../../src/catalogue/parse";
import { doneByCheckboxOrNote } from "../../src/progress/completion";
import { nextUnread } from "../../src/progress/next-unread";

const LIST = `## Required reading

- [x] [A](https://example.org/a)
- [ ] [B](https://example.org/b)
- [C](https://example.org/c)

## Optional reading

- [ ] [D](https://example.org/d)
`;

describe("nextUnread", () => {
	const catalogue = parseCatalogue(LIST);

	it.each<[string, Record<string, "read" | "unread">, string | undefined]>([
		["the first unticked required paper", {}, "B"],
		["an unticked box decides, whatever its note says", { "example.org/b": "read" }, "B"],
		["required papers first, then optional ones", { "example.org/c": "read" }, "B"],
	])("%s", (_name, statuses, expected) => {
		const isDone = doneByCheckboxOrNote((paper) => statuses[paper.key]);
		expect(nextUnread(catalogue, isDone)?.title).toBe(expected);
	});

	it("moves on to an item without a checkbox, then to optional papers, once their notes are read", () => {
		const ticked = parseCatalogue(LIST.replace("- [ ] [B]", "- [x] [B]"));
		expect(nextUnread(ticked, doneByCheckboxOrNote(() => undefined))?.title).toBe("C");
		expect(nextUnread(ticked, doneByCheckboxOrNote((paper) => (paper.title === "C" ? "read" : undefined)))?.title).toBe("D");
		expect(nextUnread(parseCatalogue(LIST.replace(/\[ \]/g, "[x]")), doneByCheckboxOrNote(() => "read"))).toBeUndefined();
	});
});
