import { describe, expect, it } from "vitest";
import { FAILURES_BEFORE_GIVING_UP, MAX_RETRY_AFTER_MS, Service, type ServicePolicy } from "../../src/details/service";
import { requestWithTimeout, timerClock, type TransportRequest } from "../../src/details/transport";
import { FakeTransport, nextTask, ok, response, sequence, VirtualClock, type Reply } from "./fakes";

const REQUEST: Omit<TransportRequest, "signal"> = { url: "https://api.example.org/x", method: "GET", headers: {} };

describe("requestWithTimeout", () => {
	it.each<[string, Reply, string]>([
		["a response of any status", response(503, "busy", { "Retry-After": "5" }), "response"],
		["no connection", "offline", "offline"],
		["no answer", "hang", "timed out"],
	])("%s", async (_name, reply, kind) => {
		const clock = new VirtualClock();
		const transport = new FakeTransport(clock, [() => reply]);
		const outcome = await requestWithTimeout(transport, clock, REQUEST, 10_000);
		expect(outcome.kind).toBe(kind);
		if (outcome.kind === "response") expect(outcome.response).toEqual({ status: 503, text: "busy", headers: { "retry-after": "5" } });
		if (outcome.kind === "timed out") expect(clock.now()).toBe(10_000);
		if (outcome.kind === "offline") expect(outcome.detail).toMatch(/DISCONNECTED/);
	});

	it("aborts the request it stopped waiting for, and only that one", async () => {
		const clock = new VirtualClock();
		const signals: AbortSignal[] = [];
		const transport = {
			request: (request: TransportRequest) => {
				if (request.signal) signals.push(request.signal);
				return signals.length === 1 ? new Promise<never>(() => undefined) : Promise.resolve(ok("fine"));
			},
		};
		expect((await requestWithTimeout(transport, clock, REQUEST, 1000)).kind).toBe("timed out");
		expect((await requestWithTimeout(transport, clock, REQUEST, 1000)).kind).toBe("response");
		expect(signals.map((signal) => signal.aborted)).toEqual([true, false]);
	});

	it("a transport that throws, or answers with no response, is offline, not a crash", async () => {
		const clock = new VirtualClock();
		const throwing = {
			request: (): Promise<never> => {
				throw new Error("boom");
			},
		};
		expect(await requestWithTimeout(throwing, clock, REQUEST, 1000)).toEqual({ kind: "offline", detail: "boom" });
		const empty = { request: () => Promise.resolve(undefined as never) };
		expect((await requestWithTimeout(empty, clock, REQUEST, 1000)).kind).toBe("offline");
	});
});

describe("timerClock", () => {
	/** Timers that fire only when the test says so. */
	function manualTimers() {
		const pending = new Map<number, { at: number; callback: () => void }>();
		let next = 1;
		return {
			pending,
			timers: {
				setTimeout: (callback: () => void, ms: number) => {
					pending.set(next, { at: ms, callback });
					return next++;
				},
				clearTimeout: (handle: number) => void pending.delete(handle),
			},
			fire(handle: number) {
				pending.get(handle)?.callback();
				pending.delete(handle);
			},
		};
	}

	it("sleeps on the given timers, and wakes early on abort, clearing its timer", async () => {
		const manual = manualTimers();
		const clock = timerClock(manual.timers, () => 42);
		expect(clock.now()).toBe(42);
		let woke = false;
		const sleeping = clock.sleep(5000).then(() => (woke = true));
		expect([...manual.pending.values()].map((timer) => timer.at)).toEqual([5000]);
		await nextTask();
		expect(woke).toBe(false);
		manual.fire(1);
		await sleeping;
		expect(woke).toBe(true);

		const stop = new AbortController();
		const aborted = clock.sleep(60_000, stop.signal);
		expect(manual.pending.size).toBe(1);
		stop.abort();
		await aborted;
		expect(manual.pending.size).toBe(0);
		await clock.sleep(10, stop.signal);
		expect(manual.pending.size).toBe(0);
	});
});

const POLICY: ServicePolicy = { name: "Example", spacingMs: 1000, rateLimitWaitsMs: [2000, 4000, 8000], isRateLimited: (r) => r.status === 429 };

function service(replies: () => Reply, options: { cancelAfter?: number } = {}) {
	const clock = new VirtualClock();
	const transport = new FakeTransport(clock, [() => replies()]);
	const calls = { cancelled: false };
	const api = new Service(POLICY, {
		transport,
		clock,
		timeoutMs: 30_000,
		isCancelled: () => calls.cancelled || (options.cancelAfter !== undefined && transport.sent.length >= options.cancelAfter),
	});
	return { clock, transport, api, calls };
}

describe("Service", () => {
	it("spaces requests from the previous answer", async () => {
		const { api, transport } = service(() => ok("x"));
		for (let i = 0; i < 3; i++) expect((await api.call(REQUEST)).ok).toBe(true);
		expect(transport.sent.map((request) => request.at)).toEqual([0, 1000, 2000]);
	});

	it("429 then success: waits 2 s and tries again", async () => {
		const { api, transport } = service(sequence(response(429, "{}"), ok("answer")));
		const result = await api.call(REQUEST);
		expect(result).toEqual({ ok: true, response: ok("answer") });
		expect(transport.sent.map((request) => request.at)).toEqual([0, 2000]);
	});

	it("429 forever: waits 2, 4, 8 s, then gives up with a rate-limit reason, and stays given up", async () => {
		const { api, transport } = service(() => response(429, "{}"));
		const result = await api.call(REQUEST);
		expect(result).toMatchObject({ ok: false, reason: "Example rate limit", transient: true });
		expect(transport.sent.map((request) => request.at)).toEqual([0, 2000, 6000, 14_000]);
		expect(await api.call(REQUEST)).toEqual(result);
		expect(transport.sent).toHaveLength(4);
		expect(api.requests).toBe(4);
	});

	it("honours a longer Retry-After, and gives up on one longer than a minute", async () => {
		const honoured = service(sequence(response(429, "", { "retry-after": "7" }), ok("answer")));
		expect((await honoured.api.call(REQUEST)).ok).toBe(true);
		expect(honoured.transport.sent.map((request) => request.at)).toEqual([0, 7000]);

		const tooLong = service(() => response(429, "", { "Retry-After": String(MAX_RETRY_AFTER_MS / 1000 + 1) }));
		expect(await tooLong.api.call(REQUEST)).toMatchObject({ ok: false, reason: "Example rate limit" });
		expect(tooLong.transport.sent).toHaveLength(1);
	});

	it("a server error is tried once more; a 4xx is the caller's to read", async () => {
		const flaky = service(sequence(response(503, ""), ok("answer")));
		expect((await flaky.api.call(REQUEST)).ok).toBe(true);
		const broken = service(() => response(500, ""));
		expect(await broken.api.call(REQUEST)).toMatchObject({ ok: false, reason: "HTTP 500 from Example" });
		expect(broken.transport.sent).toHaveLength(2);
		const notFound = service(() => response(404, "{}"));
		expect(await notFound.api.call(REQUEST)).toMatchObject({ ok: true, response: { status: 404 } });
	});

	it.each<[string, Reply, string]>([
		["offline", "offline", "offline"],
		["time-outs", "hang", "timed out"],
	])("gives up after %s in a row, without sending more", async (_name, reply, reason) => {
		const { api, transport } = service(() => reply);
		for (let i = 0; i < FAILURES_BEFORE_GIVING_UP + 2; i++) expect(await api.call(REQUEST)).toMatchObject({ ok: false, reason });
		expect(transport.sent).toHaveLength(FAILURES_BEFORE_GIVING_UP);
	});

	it("one failure between answers does not give up", async () => {
		const { api, transport } = service(sequence("offline", ok("a"), "offline", ok("b")));
		const results = [];
		for (let i = 0; i < 4; i++) results.push((await api.call(REQUEST)).ok);
		expect(results).toEqual([false, true, false, true]);
		expect(transport.sent).toHaveLength(4);
	});

	it("cancel stops before the next request, also in the middle of a back-off", async () => {
		const { api, transport, calls } = service(() => response(429, "{}"));
		const pending = api.call(REQUEST);
		await nextTask();
		calls.cancelled = true;
		expect(await pending).toEqual({ ok: false, cancelled: true });
		expect(transport.sent).toHaveLength(1);
	});
});
