import { describe, expect, it } from "vitest";
import { ARXIV_ENTRIES_PER_STEP, ARXIV_POLICY, arxivFeedSteps, arxivQueryUrl, readArxivFeed, type ArxivFeed } from "../../src/details/arxiv";
import { xmlProblem } from "../../src/details/xml-text";
import { fixture, ok, response } from "./fakes";
import { atomEntry, atomFeed } from "./services";

describe("arxivQueryUrl", () => {
	it("asks for every id, and says how many results to return", () => {
		expect(arxivQueryUrl(["2104.04473", "hep-th/9711200", "math/0211159"])).toBe("https://export.arxiv.org/api/query?id_list=2104.04473,hep-th/9711200,math/0211159&max_results=3");
	});
});

describe("readArxivFeed", () => {
	it("several entries: versions stripped, wrapped titles and abstracts on one line, date, DOI, PDF", () => {
		const feed = readArxivFeed(fixture("arxiv/several.xml"));
		expect(feed.kind).toBe("entries");
		if (feed.kind !== "entries") return;
		expect(feed.entries.map((entry) => entry.id)).toEqual(["2104.04473", "hep-th/9711200", "math/0211159"]);
		expect(feed.entries[0]?.details).toEqual({
			arxiv: "2104.04473",
			title: "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM",
			authors: ["Deepak Narayanan", "Mohammad Shoeybi", "Jared Casper"],
			abstract:
				"Large language models are accurate but hard to train efficiently: GPU memory is limited, and the compute required is enormous. We show how tensor, pipeline and data parallelism compose to scale to thousands of GPUs & more.",
			published: "2021-04-09",
			year: 2021,
			pdf: "https://arxiv.org/pdf/2104.04473",
		});
		expect(feed.entries[1]?.details).toMatchObject({ arxiv: "hep-th/9711200", authors: ["Juan M. Maldacena"], doi: "10.1023/A:1026654312961", published: "1997-11-27", year: 1997, pdf: "https://arxiv.org/pdf/hep-th/9711200" });
		expect(feed.entries[2]?.details).toMatchObject({ arxiv: "math/0211159", title: "The entropy formula for the Ricci flow and its geometric applications", authors: ["Grisha Perelman"] });
		expect(feed.entries[2]?.details.doi).toBeUndefined();
	});

	it.each<[string, string, ArxivFeed]>([
		["the HTTP-200 error entry", fixture("arxiv/error.xml"), { kind: "error", message: "incorrect id format for 1234.error", id: "1234.error" }],
		["an empty feed: the ids are not on arXiv", fixture("arxiv/empty.xml"), { kind: "entries", entries: [] }],
		["the plain rate-limit body", fixture("arxiv/rate-exceeded.txt"), { kind: "rate limit" }],
		["an HTML error page", "<html><body><h1>503 Service Unavailable</h1></body></html>", { kind: "malformed", detail: "the root element is <html>, not <feed>" }],
		["nothing", "", { kind: "malformed", detail: "no <feed> element" }],
		["plain text", "Internal error", { kind: "malformed", detail: "no <feed> element" }],
		["mis-nested", "<feed><entry><title>x</summary></entry></feed>", { kind: "malformed", detail: "<title> closed by </summary>" }],
	])("%s", (_name, text, expected) => {
		expect(readArxivFeed(text)).toEqual(expected);
	});

	it("skips an entry without a title or id and keeps the others", () => {
		const text = fixture("arxiv/several.xml").replace("<title>The entropy formula for the Ricci flow and its geometric applications</title>", "<title></title>");
		const feed = readArxivFeed(text);
		expect(feed.kind === "entries" ? feed.entries.map((entry) => entry.id) : feed).toEqual(["2104.04473", "hep-th/9711200"]);
	});

	it("markup and control characters in entries come out as plain text", () => {
		const text = fixture("arxiv/several.xml")
			.replace("<name>Jared Casper</name>", "<name>Jared &lt;b&gt;Casper&lt;/b&gt;\u0007</name>")
			.replace("Supergravity</title>", "Supergravity &lt;script&gt;x&lt;/script&gt;</title>");
		const feed = readArxivFeed(text);
		if (feed.kind !== "entries") throw new Error(feed.kind);
		expect(feed.entries[0]?.details.authors?.[2]).toBe("Jared Casper");
		expect(feed.entries[1]?.details.title).toBe("The Large N Limit of Superconformal Field Theories and Supergravity x");
	});

	it("a feed cut off anywhere is malformed, never a shorter list and never a throw", () => {
		const text = fixture("arxiv/several.xml");
		const end = text.lastIndexOf("</feed>");
		for (let cut = 0; cut < end; cut += 37) {
			const feed = readArxivFeed(text.slice(0, cut));
			expect(feed.kind, `cut at ${cut}`).toBe("malformed");
		}
		expect(readArxivFeed(`${text}\n\n`).kind).toBe("entries");
	});

	it("the policy sees both rate-limit signals", () => {
		expect(ARXIV_POLICY.isRateLimited(ok("Rate exceeded."))).toBe(true);
		expect(ARXIV_POLICY.isRateLimited(response(503, "Rate exceeded.\n"))).toBe(true);
		expect(ARXIV_POLICY.isRateLimited(response(429, ""))).toBe(true);
		expect(ARXIV_POLICY.isRateLimited(ok(fixture("arxiv/several.xml")))).toBe(false);
	});
});

describe("xmlProblem", () => {
	it.each<[string, string | undefined]>([
		["<feed/>", "the root element is <feed/>, not <feed>"],
		['<?xml version="1.0"?><feed a="1"><x y=\'>\'/></feed>', undefined],
		["<feed><!-- <entry> --><![CDATA[<b>]]></feed>", undefined],
		["<feed><entry></feed>", "<entry> closed by </feed>"],
		["<feed></feed><feed></feed>", "content after the root element"],
		["<feed><entry>", "cut off: <entry> is not closed"],
		["<feed><ent", "cut off inside a tag"],
		["<feed>a < b</feed>", "a stray < or an unfinished tag"],
		["</feed>", "</feed> closes nothing"],
	])("%j → %j", (text, expected) => {
		expect(xmlProblem(text, "feed")).toBe(expected);
	});
});

describe("arxivFeedSteps", () => {
	it("yields every few entries, and ends with what readArxivFeed gives", () => {
		const text = atomFeed(Array.from({ length: 35 }, (_, i) => atomEntry(`2101.${String(10000 + i)}`, `Paper ${i}`)));
		const steps = arxivFeedSteps(text);
		let yields = 0;
		let step = steps.next();
		for (; !step.done; step = steps.next()) yields += 1;
		expect(yields).toBe(Math.floor(35 / ARXIV_ENTRIES_PER_STEP));
		expect(step.value).toEqual(readArxivFeed(text));
		expect(step.value.kind === "entries" ? step.value.entries.length : 0).toBe(35);
	});

	it("an entry in a comment is not an entry", () => {
		const text = fixture("arxiv/several.xml").replace("<entry>", "<!-- <entry><id>http://arxiv.org/abs/9999.99999v1</id><title>Ghost</title></entry> --><entry>");
		const feed = readArxivFeed(text);
		expect(feed.kind === "entries" ? feed.entries.map((entry) => entry.id) : feed).toEqual(["2104.04473", "hep-th/9711200", "math/0211159"]);
	});
});
