/**
 * The services a details look-up talks to, for the benchmark: 1,000 papers' responses made from
 * the recorded ones in test/fixtures/details/ (each recorded entry given the id asked for), all
 * built before the look-up starts, so that the measured time is the look-up's own.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { arxivQueryUrl } from "../src/details/arxiv";
import { cslRequest } from "../src/details/csl";
import { idsFromUrl } from "../src/details/ids";
import { LOOKUP_GROUP_SIZE } from "../src/details/lookup";
import type { DetailsQuery } from "../src/details/model";
import { semanticScholarBatchRequest, semanticScholarId, semanticScholarMatchRequest } from "../src/details/semantic-scholar";
import type { Clock, Transport, TransportRequest, TransportResponse } from "../src/details/transport";

const FIXTURES = path.resolve("test", "fixtures", "details");

function recorded(name: string): string {
	return readFileSync(path.join(FIXTURES, name), "utf8");
}

/** 70 % arXiv links, 20 % DOI links, 10 % titles only: the example catalogue's mix, with more DOIs. */
export function detailsQueries(count: number): DetailsQuery[] {
	return Array.from({ length: count }, (_, i): DetailsQuery => {
		const title = `Bench paper ${i}: Efficient Large-Scale Training of Model ${i}`;
		if (i % 10 < 7) return { key: `arxiv-${i}`, title, url: `https://arxiv.org/abs/2101.${String(10000 + i)}v2` };
		if (i % 10 < 9) return { key: `doi-${i}`, title, url: `https://doi.org/10.1145/3000000.${i}` };
		return { key: `title-${i}`, title, year: 2021 };
	});
}

const ENTRIES = [...recorded("example/arxiv.xml").matchAll(/ {2}<entry>[\s\S]*?<\/entry>/g)].map((match) => match[0]);
const BATCH = (JSON.parse(recorded("example/semantic-scholar-batch.json")) as (Record<string, unknown> | null)[]).filter((paper) => paper !== null);
const MATCH = JSON.parse(recorded("example/match-gpipe.json")) as { data: Record<string, unknown>[] };
const CSL = JSON.parse(recorded("example/csl-10.1145-3447786.3456245.json")) as Record<string, unknown>;
/** Recorded abstracts are shortened; real ones run to about 1,500 characters, hard-wrapped. */
const LONGER = "\nWe evaluate the approach on a range of workloads and find that it scales well.".repeat(14);

function entryFor(id: string, n: number): string {
	const template = ENTRIES[n % ENTRIES.length] ?? "";
	const old = /<id>http:\/\/arxiv\.org\/abs\/(.+?)v\d+<\/id>/.exec(template)?.[1] ?? "";
	return template.split(old).join(id).replace("</summary>", `${LONGER}\n</summary>`);
}

function feed(entries: readonly string[]): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n  <title type="html">ArXiv Query</title>\n  <id>http://arxiv.org/api/bench</id>\n${entries.join("\n")}\n</feed>\n`;
}

function key(request: Pick<TransportRequest, "method" | "url" | "body">): string {
	return `${request.method} ${request.url} ${request.body ?? ""}`;
}

/** Every response the look-up of `queries` will ask for, by request. */
export function recordedResponses(queries: readonly DetailsQuery[]): Map<string, TransportResponse> {
	const responses = new Map<string, TransportResponse>();
	const answer = (request: Pick<TransportRequest, "method" | "url" | "body">, text: string, status = 200): void => void responses.set(key(request), { status, text, headers: {} });
	// Recorded entries reused for many ids keep their DOIs; the one Semantic Scholar missed is asked of doi.org.
	for (const entry of ENTRIES) {
		const doi = /<arxiv:doi[^>]*>([^<]+)<\/arxiv:doi>/.exec(entry)?.[1];
		if (doi !== undefined) answer(cslRequest(doi), recorded(`example/csl-${doi.toLowerCase().replace("/", "-")}.json`));
	}
	let n = 0;
	for (let start = 0; start < queries.length; start += LOOKUP_GROUP_SIZE) {
		const group = queries.slice(start, start + LOOKUP_GROUP_SIZE).map((query) => ({ query, ids: idsFromUrl(query.url) }));
		const arxiv = group.flatMap(({ ids }) => (ids.arxiv === undefined ? [] : [ids.arxiv]));
		if (arxiv.length > 0) answer({ method: "GET", url: arxivQueryUrl(arxiv) }, feed(arxiv.map((id) => entryFor(id, n++))));
		const s2 = group.flatMap(({ ids }) => semanticScholarId(ids) ?? []);
		if (s2.length > 0) {
			const papers = s2.map((id, i) => {
				const paper = structuredClone(BATCH[(n + i) % BATCH.length] ?? {});
				paper.externalIds = id.startsWith("ARXIV:") ? { ArXiv: id.slice(6), DBLP: `conf/bench/P${i}` } : { DOI: id.slice(4), DBLP: `conf/bench/D${i}` };
				return paper;
			});
			answer(semanticScholarBatchRequest(s2), JSON.stringify(papers));
		}
		for (const { query, ids } of group) {
			if (ids.doi !== undefined) answer(cslRequest(ids.doi), JSON.stringify({ ...CSL, DOI: ids.doi, title: query.title }));
			if (semanticScholarId(ids) === undefined) {
				const data = [{ ...MATCH.data[0], title: query.title, year: 2021, externalIds: { DBLP: "conf/bench/T" } }];
				answer(semanticScholarMatchRequest(query.title), JSON.stringify({ data }));
			}
		}
	}
	return responses;
}

/** Answers from `responses`, on the next microtask, as a network answer would come later. */
export function replayTransport(responses: ReadonlyMap<string, TransportResponse>): Transport & { missing: number } {
	const transport = {
		missing: 0,
		request(request: TransportRequest): Promise<TransportResponse> {
			const found = responses.get(key(request));
			if (!found) transport.missing += 1;
			return Promise.resolve(found ?? { status: 404, text: "", headers: {} });
		},
	};
	return transport;
}

/**
 * Time that passes at once: each sleep ends on the next turn of the event loop, with the clock
 * moved on by its length. A response (a microtask) still always beats a time-out.
 */
export function instantClock(): Clock & { waitedMs: number } {
	const clock = {
		waitedMs: 0,
		now: () => clock.waitedMs,
		sleep(ms: number, signal?: AbortSignal): Promise<void> {
			return new Promise((resolve) => {
				if (signal?.aborted) return resolve();
				const handle = setImmediate(() => {
					clock.waitedMs += Math.max(0, ms);
					resolve();
				});
				signal?.addEventListener(
					"abort",
					() => {
						clearImmediate(handle);
						resolve();
					},
					{ once: true },
				);
			});
		},
	};
	return clock;
}
