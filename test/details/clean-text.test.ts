import { describe, expect, it } from "vitest";
import { cleanOptional, cleanText } from "../../src/details/clean-text";
import { asciiFold, normalizeTitle } from "../../src/details/title-key";

describe("cleanText", () => {
	it.each<[string, unknown, string]>([
		["plain text stays", "Scaling Laws for Neural Language Models", "Scaling Laws for Neural Language Models"],
		["hard-wrapped title is one line", "Efficient Large-Scale Language Model Training on GPU Clusters\n  Using Megatron-LM", "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM"],
		["tabs, CR and runs of spaces collapse", " a\t\tb\r\n  c  ", "a b c"],
		["JATS paragraphs leave a space", "<jats:p>First.</jats:p><jats:p>Second.</jats:p>", "First. Second."],
		["inline markup leaves nothing", "x<sup>2</sup> and H<sub>2</sub>O", "x2 and H2O"],
		["HTML with attributes", '<p class="abs">An <a href="https://x.org">abstract</a></p>', "An abstract"],
		["self-closing break", "one<br/>two", "one two"],
		["comments and CDATA", "a<!-- hidden -->b<![CDATA[ c ]]>", "a b c"],
		["a comparison is not a tag", "a < b and c > d", "a < b and c > d"],
		["named and numeric entities", "Tom &amp; Jerry &#8211; &#x2014; &eacute;t&eacute; &hellip;", "Tom & Jerry – — été …"],
		["unknown entity is left as written", "&notanentity; &", "&notanentity; &"],
		["escaped markup does not come back as markup", "&lt;script&gt;alert(1)&lt;/script&gt; done", "alert(1) done"],
		["an escaped comparison stays text", "a &lt; b", "a < b"],
		["NUL from an entity is dropped", "a&#0;b", "ab"],
		["control characters", "a\u0000b\u0007c\u001bd\u007fe\u0085f", "abcdef"],
		["bidirectional overrides", "evil\u202Etxt.exe\u2066x\u2069", "eviltxt.exex"],
		["byte-order mark", "\uFEFFTitle", "Title"],
		["lone surrogates", "a\uD800b\uDC00c", "abc"],
		["a surrogate pair stays", "emoji 🦜 ok", "emoji 🦜 ok"],
		["decomposed accents become composed", "Lécuyer", "Lécuyer"],
		["not a string", 42, ""],
		["null", null, ""],
		["an object", { title: "x" }, ""],
	])("%s", (_name, input, expected) => {
		expect(cleanText(input)).toBe(expected);
	});

	it("cuts long text on a character boundary", () => {
		expect(cleanText("abcdef", 3)).toBe("abc");
		expect(cleanText("ab🦜cd", 3)).toBe("ab");
		expect(cleanText("ab 🦜", 3)).toBe("ab");
	});

	it("cleanOptional gives undefined for nothing left", () => {
		expect(cleanOptional("  <p> </p> ")).toBeUndefined();
		expect(cleanOptional(undefined)).toBeUndefined();
		expect(cleanOptional(" x ")).toBe("x");
	});
});

describe("normalizeTitle", () => {
	it.each<[string, string, string]>([
		["case and punctuation", "GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism", "gpipe efficient training of giant neural networks using pipeline parallelism"],
		["the catalogue's spelling of the same title", "Gpipe: Efficient training of giant neural networks using pipeline parallelism", "gpipe efficient training of giant neural networks using pipeline parallelism"],
		["dashes, quotes and curly apostrophes", "Halide’s “Scheduling” — Language", "halide s scheduling language"],
		["accents fold", "Équilibre à Zürich", "equilibre a zurich"],
		["markup and entities", "<i>Delta</i> Lake &amp; Spark", "delta lake spark"],
		["other scripts are kept", "深度学习框架: 一", "深度学习框架 一"],
		["nothing left", " -- ", ""],
	])("%s", (_name, input, expected) => {
		expect(normalizeTitle(input)).toBe(expected);
	});

	it.each<[string, string]>([
		["Agüera y Arcas", "Aguera y Arcas"],
		["Straße", "Strasse"],
		["Łukasz Øster", "Lukasz Oster"],
		["Lécuyer", "Lecuyer"],
	])("asciiFold(%j) is %j", (input, expected) => {
		expect(asciiFold(input)).toBe(expected);
	});
});
