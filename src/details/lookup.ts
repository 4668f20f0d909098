/**
 * The look-up: for each paper, the sources in the order — ids from its own link
 * (offline), arXiv (batched), Semantic Scholar (batch, then title match for papers with neither an
 * arXiv id nor a DOI), DOI content negotiation (only when a DOI is known and fields are still
 * missing) — each later source filling only what is still missing.
 *
 * Nothing that happens on the network throws out of here: every paper comes back, with what was
 * found and, for what was not, why.
 */
import { ARXIV_BATCH_SIZE, ARXIV_POLICY, arxivFeedSteps, arxivQueryUrl } from "./arxiv";
import { cachedLookup, canonicalPaperId, storeLookup, type CachedLookup, type CachedSource, type DetailsCacheData, type FoundDetails } from "./cache";
import { cslRequest, DOI_POLICY, readCsl } from "./csl";
import { idsFromUrl, type PaperIds } from "./ids";
import { mergeDetails, missingFields } from "./merge";
import type { DetailField, DetailsQuery, DetailsSource, PaperDetails } from "./model";
import {
	acceptMatch,
	readSemanticScholarMatch,
	SEMANTIC_SCHOLAR_BATCH_SIZE,
	SEMANTIC_SCHOLAR_POLICY,
	semanticScholarBatchRequest,
	semanticScholarBatchSteps,
	semanticScholarId,
	semanticScholarMatchRequest,
} from "./semantic-scholar";
import { isCallFailure, Service, type CallResult } from "./service";
import { finishInSlices, type Steps } from "./steps";
import { DEFAULT_TIMEOUT_MS, type Clock, type Transport } from "./transport";

export interface LookupOptions {
	transport: Transport;
	clock: Clock;
	/** Read unless `refresh`, and always written: persist it after the look-up when `cacheChanged`. */
	cache: DetailsCacheData;
	/** Ask every source again, whatever the cache holds. */
	refresh?: boolean;
	/** Semantic Scholar API key, sent as `x-api-key`. */
	apiKey?: string;
	/** Per request; 30 s when not given. */
	timeoutMs?: number;
	/** Papers finished, of all papers. */
	onProgress?(done: number, total: number): void;
	/** Checked before every request: once true, nothing more is sent and what was found is returned. */
	isCancelled?(): boolean;
	/** Called between parsing one response and sending the next: the plugin passes a yield to the UI. */
	pause?(): Promise<void>;
}

/** Why a source gave a paper nothing: "offline", "timed out", "arXiv rate limit", "no title match"… */
export interface DetailsMiss {
	source: Exclude<DetailsSource, "url"> | "lookup";
	reason: string;
	detail?: string;
}

export interface PaperLookup {
	/** The query's key (the catalogue's `paper.key`). */
	key: string;
	title: string;
	details: PaperDetails;
	/** Whether a service (now or from the cache) gave anything beyond the link's own ids. */
	found: boolean;
	/** Every source that gave nothing, and why; also for papers that were found (a source may have failed). */
	misses: DetailsMiss[];
	/** Answered from the cache alone: nothing was sent for this paper. */
	fromCache: boolean;
}

export interface DetailsReport {
	/** One per distinct query key, in query order. */
	papers: PaperLookup[];
	/** Requests sent, retries included. */
	requests: number;
	cancelled: boolean;
	/** Whether `options.cache` was written to. */
	cacheChanged: boolean;
}

/** Papers read or reported between two pauses, outside the services' own steps. */
const PAPERS_PER_STEP = 250;

/** Papers per round: one arXiv request and one Semantic Scholar batch each, then the papers' own requests. */
export const LOOKUP_GROUP_SIZE = Math.min(ARXIV_BATCH_SIZE, SEMANTIC_SCHOLAR_BATCH_SIZE);

/** What Semantic Scholar can add; when none of these is missing, it is not asked. */
const SEMANTIC_SCHOLAR_FIELDS: readonly DetailField[] = ["authors", "year", "venue", "published", "abstract", "doi", "dblp", "pdf"];
/** What a DOI's metadata can add; when none is missing, doi.org is not asked. */
const DOI_FIELDS: readonly DetailField[] = ["authors", "year", "venue", "published", "abstract"];
/** arXiv's own DataCite DOIs say what arXiv already said. */
const ARXIV_DOI = /^10\.48550\//i;

const NETWORK_SOURCES: readonly DetailsSource[] = ["arxiv", "semantic-scholar", "doi"];

/** One paper's look-up, shared by every query with the same key. */
interface Work {
	query: DetailsQuery;
	/** Where results are cached; undefined for a paper with no id and no title. */
	id: string | undefined;
	ids: PaperIds;
	details: PaperDetails;
	misses: DetailsMiss[];
	sent: boolean;
	usedCache: boolean;
	finished: boolean;
}

class Cancelled extends Error {}

function offlineDetails(ids: PaperIds): PaperDetails {
	const details: PaperDetails = { sources: [] };
	if (ids.arxiv !== undefined) details.arxiv = ids.arxiv;
	if (ids.doi !== undefined) details.doi = ids.doi;
	if (details.arxiv !== undefined || details.doi !== undefined) details.sources.push("url");
	return details;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
	const result: T[][] = [];
	for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
	return result;
}

class LookupRun {
	private readonly arxiv: Service;
	private readonly semanticScholar: Service;
	private readonly doi: Service;
	private cacheChanged = false;
	private cancelled = false;
	private done = 0;

	constructor(
		private readonly options: LookupOptions,
		private readonly total: number,
	) {
		const context = {
			transport: options.transport,
			clock: options.clock,
			timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
			isCancelled: () => this.isCancelled(),
		};
		this.arxiv = new Service(ARXIV_POLICY, context);
		this.semanticScholar = new Service(SEMANTIC_SCHOLAR_POLICY, context);
		this.doi = new Service(DOI_POLICY, context);
	}

	private isCancelled(): boolean {
		if (this.cancelled) return true;
		try {
			this.cancelled = this.options.isCancelled?.() === true;
		} catch {
			this.cancelled = true;
		}
		return this.cancelled;
	}

	private async pause(): Promise<void> {
		if (!this.options.pause) return;
		try {
			await this.options.pause();
		} catch {
			// A failing yield must not lose what was fetched.
		}
	}

	/** Pure work in steps, with a pause between them. */
	private read<T>(steps: Steps<T>): Promise<T> {
		return finishInSlices(steps, () => this.pause());
	}

	private progress(works: number): void {
		this.done += works;
		try {
			this.options.onProgress?.(this.done, this.total);
		} catch {
			// The caller's progress display is not ours to crash.
		}
	}

	get requests(): number {
		return this.arxiv.requests + this.semanticScholar.requests + this.doi.requests;
	}

	get changedCache(): boolean {
		return this.cacheChanged;
	}

	get wasCancelled(): boolean {
		return this.cancelled;
	}

	// ------------------------------------------------------------ results

	private cached(work: Work, source: CachedSource): CachedLookup | undefined {
		if (this.options.refresh === true || work.id === undefined) return undefined;
		return cachedLookup(this.options.cache, work.id, source);
	}

	/** Applies a cached or fresh result to the paper. */
	private apply(work: Work, source: CachedSource, lookup: CachedLookup): void {
		if (lookup.found) work.details = mergeDetails(work.details, lookup.found, source);
		else work.misses.push(lookup.detail === undefined ? { source, reason: lookup.missing ?? "not found" } : { source, reason: lookup.missing ?? "not found", detail: lookup.detail });
	}

	/** A definite answer: applied and cached. */
	private settle(work: Work, source: CachedSource, found: FoundDetails | undefined, missing: string, detail?: string): void {
		const lookup: CachedLookup = { at: this.options.clock.now() };
		if (found) lookup.found = found;
		else lookup.missing = missing;
		if (!found && detail !== undefined) lookup.detail = detail;
		if (work.id !== undefined) {
			storeLookup(this.options.cache, work.id, source, lookup);
			this.cacheChanged = true;
		}
		if (found) work.details = mergeDetails(work.details, found, source);
		else work.misses.push(detail === undefined ? { source, reason: missing } : { source, reason: missing, detail });
	}

	/** A failure that may pass: reported, never cached. */
	private miss(works: readonly Work[], source: CachedSource, reason: string, detail?: string): void {
		for (const work of works) work.misses.push(detail === undefined ? { source, reason } : { source, reason, detail });
	}

	/** Reads a call's result; throws `Cancelled` to stop the run. Returns the response when there is one to read. */
	private responseOf(result: CallResult, works: readonly Work[], source: CachedSource): { status: number; text: string } | undefined {
		if (result.ok) return result.response;
		if (isCallFailure(result)) {
			this.miss(works, source, result.reason, result.detail);
			return undefined;
		}
		throw new Cancelled();
	}

	// ------------------------------------------------------------ sources

	/** Cached results for `source`; returns the works still to ask. */
	private fromCache(works: readonly Work[], source: CachedSource): Work[] {
		const ask: Work[] = [];
		for (const work of works) {
			const lookup = this.cached(work, source);
			if (lookup) {
				work.usedCache = true;
				this.apply(work, source, lookup);
			} else ask.push(work);
		}
		return ask;
	}

	private async lookUpArxiv(group: readonly Work[]): Promise<void> {
		let ask = this.fromCache(
			group.filter((work) => work.ids.arxiv !== undefined),
			"arxiv",
		);
		// One more try when arXiv refuses one id of the batch by name.
		for (let attempt = 0; ask.length > 0 && attempt < 2; attempt++) {
			const ids = [...new Set(ask.map((work) => work.ids.arxiv ?? ""))];
			for (const work of ask) work.sent = true;
			const response = this.responseOf(await this.arxiv.call({ url: arxivQueryUrl(ids), method: "GET", headers: {} }), ask, "arxiv");
			if (!response) return;
			const feed = await this.read(arxivFeedSteps(response.text));
			await this.pause();
			if (feed.kind === "entries" && response.status === 200) {
				const byId = new Map(feed.entries.map((entry) => [entry.id, entry.details]));
				for (const work of ask) this.settle(work, "arxiv", byId.get(work.ids.arxiv ?? ""), "not on arXiv");
				return;
			}
			if (feed.kind === "error" && feed.id !== undefined && ids.includes(feed.id)) {
				const refused = ask.filter((work) => work.ids.arxiv === feed.id);
				for (const work of refused) this.settle(work, "arxiv", undefined, "arXiv refused the id", feed.message);
				ask = ask.filter((work) => work.ids.arxiv !== feed.id);
				continue;
			}
			if (feed.kind === "error") this.miss(ask, "arxiv", "arXiv error", feed.message);
			else if (response.status !== 200) this.miss(ask, "arxiv", `HTTP ${response.status} from arXiv`);
			else if (feed.kind === "rate limit") this.miss(ask, "arxiv", "arXiv rate limit");
			else this.miss(ask, "arxiv", "malformed response from arXiv", feed.kind === "malformed" ? feed.detail : undefined);
			return;
		}
	}

	private async lookUpSemanticScholarBatch(group: readonly Work[]): Promise<void> {
		const withId = group.filter((work) => semanticScholarId(work.ids) !== undefined);
		const ask = this.fromCache(withId, "semantic-scholar").filter((work) => missingFields(work.details, SEMANTIC_SCHOLAR_FIELDS).length > 0);
		if (ask.length === 0) return;
		const ids = [...new Set(ask.map((work) => semanticScholarId(work.ids) ?? ""))];
		for (const work of ask) work.sent = true;
		const response = this.responseOf(await this.semanticScholar.call(semanticScholarBatchRequest(ids, this.options.apiKey)), ask, "semantic-scholar");
		if (!response) return;
		if (response.status !== 200) {
			this.miss(ask, "semantic-scholar", `HTTP ${response.status} from Semantic Scholar`, response.status === 401 || response.status === 403 ? "check the API key" : undefined);
			return;
		}
		const batch = await this.read(semanticScholarBatchSteps(response.text, ids.length));
		await this.pause();
		if (batch.kind === "malformed") {
			this.miss(ask, "semantic-scholar", "malformed response from Semantic Scholar", batch.detail);
			return;
		}
		const byId = new Map(ids.map((id, i) => [id, batch.papers[i] ?? undefined]));
		for (const work of ask) this.settle(work, "semantic-scholar", byId.get(semanticScholarId(work.ids) ?? ""), "not in Semantic Scholar");
	}

	private async lookUpTitle(work: Work): Promise<void> {
		if (semanticScholarId(work.ids) !== undefined) return;
		const [ask] = this.fromCache([work], "semantic-scholar");
		if (!ask) return;
		if (work.query.title.trim() === "") {
			work.misses.push({ source: "semantic-scholar", reason: "no title to match" });
			return;
		}
		work.sent = true;
		const response = this.responseOf(await this.semanticScholar.call(semanticScholarMatchRequest(work.query.title, this.options.apiKey)), [work], "semantic-scholar");
		if (!response) return;
		if (response.status !== 200 && response.status !== 404) {
			this.miss([work], "semantic-scholar", `HTTP ${response.status} from Semantic Scholar`);
			return;
		}
		const match = readSemanticScholarMatch(response.status, response.text);
		await this.pause();
		if (match.kind === "malformed") this.miss([work], "semantic-scholar", "malformed response from Semantic Scholar", match.detail);
		else if (match.kind === "no match") this.settle(work, "semantic-scholar", undefined, "no title match");
		else {
			const verdict = acceptMatch(work.query, match.paper);
			if (verdict.ok) this.settle(work, "semantic-scholar", match.paper, "");
			else this.settle(work, "semantic-scholar", undefined, verdict.reason, verdict.detail);
		}
	}

	private async lookUpDoi(work: Work): Promise<void> {
		const doi = work.details.doi;
		if (doi === undefined || missingFields(work.details, DOI_FIELDS).length === 0) return;
		if (ARXIV_DOI.test(doi) && work.details.sources.includes("arxiv")) return;
		const [ask] = this.fromCache([work], "doi");
		if (!ask) return;
		work.sent = true;
		const response = this.responseOf(await this.doi.call(cslRequest(doi)), [work], "doi");
		if (!response) return;
		if (response.status !== 200 && response.status !== 404) {
			this.miss([work], "doi", `HTTP ${response.status} from doi.org`);
			return;
		}
		const csl = readCsl(response.status, response.text);
		await this.pause();
		if (csl.kind === "malformed") this.miss([work], "doi", "malformed response from doi.org", csl.detail);
		else this.settle(work, "doi", csl.kind === "work" ? csl.work : undefined, "DOI not found");
	}

	/** One group: a batch per service, then each paper's own requests; progress as papers finish. */
	async lookUpGroup(group: readonly Work[]): Promise<void> {
		await this.lookUpArxiv(group);
		await this.lookUpSemanticScholarBatch(group);
		const ownRequests = (work: Work): boolean => semanticScholarId(work.ids) === undefined || work.details.doi !== undefined;
		const settled = group.filter((work) => !ownRequests(work));
		for (const work of settled) work.finished = true;
		if (settled.length > 0) this.progress(settled.length);
		for (const work of group.filter(ownRequests)) {
			await this.lookUpTitle(work);
			await this.lookUpDoi(work);
			work.finished = true;
			this.progress(1);
		}
	}

	/** Runs every group; stops (without throwing) at Cancel or on anything unexpected. */
	async run(works: readonly Work[]): Promise<void> {
		try {
			for (const group of chunks(works, LOOKUP_GROUP_SIZE)) {
				if (this.isCancelled()) break;
				await this.lookUpGroup(group);
				await this.pause();
			}
		} catch (error) {
			if (!(error instanceof Cancelled)) {
				for (const work of works) if (!work.finished) work.misses.push({ source: "lookup", reason: "internal error", detail: error instanceof Error ? error.message : String(error) });
				for (const work of works) work.finished = true;
			}
		}
		for (const work of works) if (!work.finished) work.misses.push({ source: "lookup", reason: "cancelled" });
	}
}

function workFor(query: DetailsQuery): Work {
	const ids = idsFromUrl(query.url);
	return { query, id: canonicalPaperId(ids, query.title), ids, details: offlineDetails(ids), misses: [], sent: false, usedCache: false, finished: false };
}

/**
 * Looks up details for `queries`. Never rejects: offline, time-outs, HTTP errors, malformed or
 * truncated responses and rate limits end up in each paper's `misses`. Results are written into
 * `options.cache` as they come, so a cancelled run keeps what it fetched.
 */
export async function lookUpDetails(queries: readonly DetailsQuery[], options: LookupOptions): Promise<DetailsReport> {
	const between = async (i: number): Promise<void> => {
		if (i % PAPERS_PER_STEP !== PAPERS_PER_STEP - 1 || !options.pause) return;
		try {
			await options.pause();
		} catch {
			// As in the run: a failing yield loses nothing.
		}
	};
	const byKey = new Map<string, Work>();
	const byId = new Map<string, Work>();
	const order: { query: DetailsQuery; work: Work }[] = [];
	for (const [i, query] of queries.entries()) {
		await between(i);
		if (byKey.has(query.key)) continue;
		const fresh = workFor(query);
		// Two keys for one paper (an abstract link and a PDF link) share one look-up.
		const work = (fresh.id !== undefined ? byId.get(fresh.id) : undefined) ?? fresh;
		if (work === fresh && fresh.id !== undefined) byId.set(fresh.id, fresh);
		byKey.set(query.key, work);
		order.push({ query, work });
	}
	const works = [...new Set(order.map((entry) => entry.work))];
	const run = new LookupRun(options, works.length);
	await run.run(works);
	const papers: PaperLookup[] = [];
	for (const [i, { query, work }] of order.entries()) {
		await between(i);
		const found = work.details.sources.some((source) => NETWORK_SOURCES.includes(source));
		const details: PaperDetails = { ...work.details, sources: [...work.details.sources] };
		if (details.authors) details.authors = [...details.authors];
		papers.push({ key: query.key, title: query.title, details, found, misses: work.misses.map((miss) => ({ ...miss })), fromCache: work.usedCache && !work.sent });
	}
	return { papers, requests: run.requests, cancelled: run.wasCancelled, cacheChanged: run.changedCache };
}

/** The papers a service gave nothing for. */
export function papersWithoutDetails(report: DetailsReport): PaperLookup[] {
	return report.papers.filter((paper) => !paper.found);
}

/**
 * Why papers had no details, for a notice: reason → number of papers. A paper counts once per
 * distinct reason ("offline" for a paper that arXiv and Semantic Scholar both could not reach).
 */
export function reasonsWithoutDetails(report: DetailsReport): Map<string, number> {
	const counts = new Map<string, number>();
	for (const paper of papersWithoutDetails(report)) {
		const reasons = new Set(paper.misses.map((miss) => miss.reason));
		if (reasons.size === 0) reasons.add("no source knows it");
		for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
	}
	return counts;
}
