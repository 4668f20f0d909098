/**
 * Requests to one service, the way that service asks to be called: one at a time, spaced, with
 * a time-out, retried with increasing waits when it says it is busy, and given up for the rest of
 * the run when it is clearly out of reach (so that 400 papers do not wait 400 time-outs).
 */
import { requestWithTimeout, type Clock, type Transport, type TransportRequest, type TransportResponse } from "./transport";

export interface ServicePolicy {
	/** As people know it: "arXiv", "Semantic Scholar", "doi.org". Used in the reasons we report. */
	name: string;
	/** The least time between one answer and the next request. */
	spacingMs: number;
	/** The waits before each new try after a rate limit; their count bounds the tries. */
	rateLimitWaitsMs: readonly number[];
	/** Whether a response says "too many requests", whatever its status. */
	isRateLimited(response: TransportResponse): boolean;
}

export interface ServiceContext {
	transport: Transport;
	clock: Clock;
	timeoutMs: number;
	isCancelled(): boolean;
}

/** Why a call gave nothing. `transient` failures may go away on a later run, so they are never cached. */
export interface CallFailure {
	ok: false;
	reason: string;
	detail?: string;
	transient: boolean;
}

export type CallResult = { ok: true; response: TransportResponse } | CallFailure | { ok: false; cancelled: true };

/** A `Retry-After` longer than this is a "come back later", not a wait worth making the user sit through. */
export const MAX_RETRY_AFTER_MS = 60_000;
/** Failures (no connection, time-outs, server errors) in a row after which a service is given up for the run. */
export const FAILURES_BEFORE_GIVING_UP = 2;
/** Long waits are cut into steps this long, so that Cancel is felt within one of them. */
const WAIT_STEP_MS = 500;

function retryAfterMs(response: TransportResponse): number | undefined {
	const value = response.headers["retry-after"];
	if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
	return Number.parseInt(value, 10) * 1000;
}

export function isCallFailure(result: CallResult): result is CallFailure {
	return !result.ok && !("cancelled" in result);
}

export class Service {
	/** Requests sent (each try counts). */
	requests = 0;
	private lastAnswer = Number.NEGATIVE_INFINITY;
	private failuresInARow = 0;
	private givenUp: CallFailure | undefined;

	constructor(
		private readonly policy: ServicePolicy,
		private readonly context: ServiceContext,
	) {}

	get name(): string {
		return this.policy.name;
	}

	/** Waits `ms`, in steps, unless cancelled meanwhile; false when cancelled. */
	private async wait(ms: number): Promise<boolean> {
		const { clock } = this.context;
		const until = clock.now() + ms;
		for (let left = ms; left > 0; left = until - clock.now()) {
			if (this.context.isCancelled()) return false;
			await clock.sleep(Math.min(left, WAIT_STEP_MS));
		}
		return !this.context.isCancelled();
	}

	private fail(reason: string, transient: boolean, detail?: string): CallFailure {
		const failure: CallFailure = { ok: false, reason, transient };
		if (detail !== undefined) failure.detail = detail;
		return failure;
	}

	/** Counts a failure towards giving up; returns it. */
	private failed(failure: CallFailure, giveUpNow = false): CallFailure {
		this.failuresInARow += 1;
		if (giveUpNow || this.failuresInARow >= FAILURES_BEFORE_GIVING_UP) this.givenUp = failure;
		return failure;
	}

	/**
	 * One call: waits for the service's spacing, sends, and on a rate limit waits and tries again
	 * (a server error is tried once more). Any status below 500 that is not a rate limit is the
	 * caller's to read, 404 included.
	 */
	async call(request: Omit<TransportRequest, "signal">): Promise<CallResult> {
		if (this.givenUp) return this.givenUp;
		const { transport, clock, timeoutMs } = this.context;
		const waits = this.policy.rateLimitWaitsMs;
		for (let attempt = 0; ; attempt++) {
			if (!(await this.wait(this.lastAnswer + this.policy.spacingMs - clock.now()))) return { ok: false, cancelled: true };
			this.requests += 1;
			const outcome = await requestWithTimeout(transport, clock, request, timeoutMs);
			this.lastAnswer = clock.now();
			if (outcome.kind === "offline") return this.failed(this.fail("offline", true, outcome.detail));
			if (outcome.kind === "timed out") return this.failed(this.fail("timed out", true));
			const { response } = outcome;
			let wait: number | undefined;
			if (this.policy.isRateLimited(response)) {
				const asked = retryAfterMs(response);
				const planned = waits[attempt];
				if (planned === undefined || (asked !== undefined && asked > MAX_RETRY_AFTER_MS)) {
					return this.failed(this.fail(`${this.policy.name} rate limit`, true, `still rate limited after ${attempt + 1} tries`), true);
				}
				wait = Math.max(planned, asked ?? 0);
			} else if (response.status >= 500) {
				const planned = waits[0];
				if (attempt > 0 || planned === undefined) return this.failed(this.fail(`HTTP ${response.status} from ${this.policy.name}`, true));
				wait = planned;
			} else {
				this.failuresInARow = 0;
				return { ok: true, response };
			}
			if (!(await this.wait(wait))) return { ok: false, cancelled: true };
		}
	}
}
