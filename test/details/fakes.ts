/**
 * A clock and a transport for look-up tests: time passes only when every pending promise has
 * settled (a macrotask later), and the transport answers from recorded responses.
 */
import * as nodeTimers from "node:timers";
import type { Clock, Transport, TransportRequest, TransportResponse } from "../../src/details/transport";
import { readFixture } from "../support/example";

interface Timer {
	at: number;
	order: number;
	resolve: () => void;
}

/**
 * Virtual time. A `sleep` resolves when its turn comes: after the work already under way has
 * settled (microtasks run first), the earliest timer fires and time jumps to it. A transport that
 * answers at once therefore always beats a time-out, and one that never answers always loses,
 * with no real time passing.
 */
export class VirtualClock implements Clock {
	time = 0;
	private timers: Timer[] = [];
	private order = 0;
	private ticking = false;

	now(): number {
		return this.time;
	}

	sleep(ms: number, signal?: AbortSignal): Promise<void> {
		return new Promise((resolve) => {
			if (signal?.aborted) return resolve();
			const timer: Timer = { at: this.time + Math.max(0, ms), order: this.order++, resolve };
			this.timers.push(timer);
			signal?.addEventListener(
				"abort",
				() => {
					this.timers = this.timers.filter((candidate) => candidate !== timer);
					resolve();
				},
				{ once: true },
			);
			this.tick();
		});
	}

	private tick(): void {
		if (this.ticking) return;
		this.ticking = true;
		nodeTimers.setTimeout(() => {
			this.ticking = false;
			this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
			const next = this.timers.shift();
			if (!next) return;
			this.time = Math.max(this.time, next.at);
			next.resolve();
			if (this.timers.length > 0) this.tick();
		}, 0);
	}
}

export type Reply = TransportResponse | "offline" | "hang";
export type Route = (request: TransportRequest) => Reply | undefined;

export interface SentRequest extends TransportRequest {
	at: number;
}

export function response(status: number, text: string, headers: Record<string, string> = {}): TransportResponse {
	return { status, text, headers };
}

export function ok(text: string, headers: Record<string, string> = {}): TransportResponse {
	return response(200, text, headers);
}

export function fixture(name: string): string {
	return readFixture(`details/${name}`);
}

/** Answers each request from the first route that knows it; records what was sent, when, and how many at once. */
export class FakeTransport implements Transport {
	readonly sent: SentRequest[] = [];
	readonly unknown: string[] = [];
	private inFlight = 0;
	maxInFlight = 0;

	constructor(
		private readonly clock: Clock,
		private readonly routes: Route[],
	) {}

	request(request: TransportRequest): Promise<TransportResponse> {
		this.sent.push({ ...request, at: this.clock.now() });
		let reply: Reply | undefined;
		for (const route of this.routes) {
			reply = route(request);
			if (reply !== undefined) break;
		}
		if (reply === undefined) {
			this.unknown.push(`${request.method} ${request.url} ${request.body ?? ""}`);
			reply = response(404, "no recorded response");
		}
		if (reply === "hang") return new Promise(() => undefined);
		if (reply === "offline") return Promise.reject(new Error("net::ERR_INTERNET_DISCONNECTED"));
		this.inFlight += 1;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		const answer = reply;
		return Promise.resolve().then(() => {
			this.inFlight -= 1;
			return answer;
		});
	}

	urls(): string[] {
		return this.sent.map((request) => request.url);
	}
}

/** A route for one host (by URL prefix). */
export function on(prefix: string, reply: (request: TransportRequest) => Reply | undefined): Route {
	return (request) => (request.url.startsWith(prefix) ? reply(request) : undefined);
}

/** Replies in turn (the last one again once they run out): "429, 429, then the answer". */
export function sequence(...replies: Reply[]): () => Reply {
	let next = 0;
	return () => replies[Math.min(next++, replies.length - 1)] ?? "offline";
}

/** Lets timers and other macrotasks already queued run. */
export function nextTask(): Promise<void> {
	return new Promise((resolve) => nodeTimers.setTimeout(resolve, 0));
}
