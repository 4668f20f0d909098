import { describe, expect, it } from "vitest";
import { firstSentence } from "../../src/reports/first-sentence";

describe("firstSentence", () => {
	const cases: { name: string; text: string; expected: string }[] = [
		{ name: "two sentences", text: "Spark keeps data in memory. It is fast.", expected: "Spark keeps data in memory." },
		{ name: "one sentence", text: "Spark keeps data in memory.", expected: "Spark keeps data in memory." },
		{ name: "no full stop", text: "Spark keeps data in memory", expected: "Spark keeps data in memory" },
		{ name: "a question", text: "Why pipelines? Because bubbles cost.", expected: "Why pipelines?" },
		{ name: "an exclamation", text: "It works! Mostly.", expected: "It works!" },
		{ name: "lines joined", text: "Spark keeps data\nin memory. It is fast.", expected: "Spark keeps data in memory." },
		{ name: "only the first paragraph", text: "A title-like first line\n\nThen the text. More.", expected: "A title-like first line" },
		{ name: "spaces collapsed", text: "  Lots   of\tspace.  Next.", expected: "Lots of space." },
		{ name: "empty", text: "", expected: "" },
		{ name: "blank", text: " \n \n", expected: "" },
		// Abbreviations and numbers.
		{ name: "e.g.", text: "Systems, e.g. Spark, cache data. Next.", expected: "Systems, e.g. Spark, cache data." },
		{ name: "i.e.", text: "The bubble, i.e. Idle time, shrinks. Next.", expected: "The bubble, i.e. Idle time, shrinks." },
		{ name: "et al.", text: "Dean et al. Show that it scales. Next.", expected: "Dean et al. Show that it scales." },
		{ name: "et al. in brackets", text: "As shown (Kaplan et al. 2020), loss falls. Next.", expected: "As shown (Kaplan et al. 2020), loss falls." },
		{ name: "Fig.", text: "See Fig. 3 for the curve. Next.", expected: "See Fig. 3 for the curve." },
		{ name: "vs.", text: "GPUs vs. TPUs is the question. Next.", expected: "GPUs vs. TPUs is the question." },
		{ name: "an initial", text: "J. Dean wrote it. Next.", expected: "J. Dean wrote it." },
		{ name: "a dotted abbreviation", text: "Made in the U.S. Army labs. Next.", expected: "Made in the U.S. Army labs." },
		{ name: "a decimal", text: "Accuracy rises by 3.5 points. Next.", expected: "Accuracy rises by 3.5 points." },
		{ name: "a version", text: "PyTorch 1.10 adds it. Next.", expected: "PyTorch 1.10 adds it." },
		{ name: "a number ends a sentence", text: "The speed-up is 2. The cost is low.", expected: "The speed-up is 2." },
		{ name: "a URL", text: "Code at github.com/x/y. Next.", expected: "Code at github.com/x/y." },
		{ name: "etc. before a capital ends", text: "Caches, queues, etc. The rest follows.", expected: "Caches, queues, etc." },
		{ name: "etc. before lowercase goes on", text: "Caches, queues, etc. are shared. Next.", expected: "Caches, queues, etc. are shared." },
		{ name: "an unknown abbreviation before lowercase", text: "It takes approx. five hours. Next.", expected: "It takes approx. five hours." },
		{ name: "an ellipsis before lowercase", text: "It scales… until it does not. Next.", expected: "It scales… until it does not." },
		{ name: "an ellipsis before a capital", text: "It scales... Then it stops.", expected: "It scales..." },
		// Punctuation around the end.
		{ name: "a closing quote", text: "They call it “the bubble.” It shrinks.", expected: "They call it “the bubble.”" },
		{ name: "a closing bracket", text: "It scales (to 1,000 GPUs.) Next.", expected: "It scales (to 1,000 GPUs.)" },
		{ name: "bold around the end", text: "**It scales.** Next.", expected: "**It scales.**" },
		{ name: "a CJK full stop", text: "它很快。第二句。", expected: "它很快。" },
		// Markdown shapes.
		{ name: "a bulleted summary", text: "- First point. Still first.\n- Second point.", expected: "First point." },
		{ name: "a bullet without a stop", text: "- First point\n- Second point", expected: "First point" },
		{ name: "a task item", text: "- [ ] Todo item. More", expected: "Todo item." },
		{ name: "a numbered list", text: "1. First. Second.\n2. Next", expected: "First." },
		{ name: "a quote", text: "> Quoted words. More.", expected: "Quoted words." },
		{ name: "an empty bullet first", text: "- \n- Real point.", expected: "Real point." },
		{ name: "CRLF", text: "One line\r\nand more. Next.", expected: "One line and more." },
	];
	it.each(cases)("$name", ({ text, expected }) => {
		expect(firstSentence(text)).toBe(expected);
	});

	it("stays linear on a long run of sentence ends that are not boundaries", () => {
		const text = `${"a. b ".repeat(200_000)}End`;
		expect(firstSentence(text)).toBe(text.trim());
	});
});
