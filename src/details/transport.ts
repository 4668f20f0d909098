/**
 * The one door to the network. The core never opens a connection itself: the plugin passes a
 * transport over Obsidian's request API (in src/obsidian/), the command line one over Node's (in
 * src/node/), tests a fake. The source scan in
 * test/hostile/security.test.ts holds every other file to that.
 * Time comes from a `Clock` for the same reason: tests decide when a wait is over.
 */

export interface TransportRequest {
	url: string;
	method: "GET" | "POST";
	headers: Record<string, string>;
	body?: string;
	/** Aborted when we stop waiting (time-out); a transport that can cancel its request should. */
	signal?: AbortSignal;
}

export interface TransportResponse {
	status: number;
	text: string;
	/** Header names in any case; `requestWithTimeout` lower-cases them. */
	headers: Record<string, string>;
}

/** Resolves with any HTTP status (4xx and 5xx included); rejects only when there was no response at all. */
export interface Transport {
	request(request: TransportRequest): Promise<TransportResponse>;
}

export interface Clock {
	/** Milliseconds, on any fixed origin. */
	now(): number;
	/** Resolves after `ms`, or as soon as `signal` aborts. Never rejects. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The timer functions of the environment: `window`'s in the plugin (popout windows), Node's on the command line. */
export interface Timers<Handle> {
	setTimeout(callback: () => void, ms: number): Handle;
	clearTimeout(handle: Handle): void;
}

/** A clock on real time and the given timers. */
export function timerClock<Handle>(timers: Timers<Handle>, now: () => number = Date.now): Clock {
	return {
		now,
		sleep(ms, signal) {
			return new Promise<void>((resolve) => {
				if (signal?.aborted) return resolve();
				const handle = timers.setTimeout(() => {
					signal?.removeEventListener("abort", onAbort);
					resolve();
				}, Math.max(0, ms));
				function onAbort(): void {
					timers.clearTimeout(handle);
					resolve();
				}
				signal?.addEventListener("abort", onAbort, { once: true });
			});
		},
	};
}

/** What came of one request: a response (any status), no connection, or no answer in time. */
export type Outcome = { kind: "response"; response: TransportResponse } | { kind: "offline"; detail: string } | { kind: "timed out" };

/** How long we wait for one response when the caller does not say. */
export const DEFAULT_TIMEOUT_MS = 30_000;

function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	if (typeof headers !== "object" || headers === null) return result;
	for (const [name, value] of Object.entries(headers)) if (typeof value === "string") result[name.toLowerCase()] = value;
	return result;
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * One request with a time-out of ours (Obsidian's request API has none). Never rejects: a
 * transport that rejects or throws is `offline`, one that does not answer within `timeoutMs` is
 * `timed out` (and its request is aborted), a response of any status is a `response`.
 */
export async function requestWithTimeout(transport: Transport, clock: Clock, request: Omit<TransportRequest, "signal">, timeoutMs: number): Promise<Outcome> {
	const abortRequest = new AbortController();
	const stopTimer = new AbortController();
	const timer = clock.sleep(timeoutMs, stopTimer.signal).then((): Outcome => ({ kind: "timed out" }));
	let sent: Promise<Outcome>;
	try {
		sent = transport.request({ ...request, signal: abortRequest.signal }).then(
			(response): Outcome => {
				if (typeof response !== "object" || response === null || typeof response.status !== "number") return { kind: "offline", detail: "the transport gave no response" };
				return { kind: "response", response: { status: response.status, text: typeof response.text === "string" ? response.text : "", headers: lowerCaseHeaders(response.headers) } };
			},
			(error: unknown): Outcome => ({ kind: "offline", detail: describe(error) }),
		);
	} catch (error) {
		sent = Promise.resolve({ kind: "offline", detail: describe(error) });
	}
	const outcome = await Promise.race([sent, timer]);
	stopTimer.abort();
	if (outcome.kind === "timed out") abortRequest.abort();
	return outcome;
}
