import * as nodeTimers from "node:timers";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { requestWithTimeout, timerClock } from "../../src/details/transport";
import { fetchTransport, type FetchFunction } from "../../src/node/fetch-transport";

describe("fetchTransport with a fake fetch", () => {
	it("passes method, headers, body and the abort signal; lower-cases response headers", async () => {
		const calls: [string, RequestInit][] = [];
		const send: FetchFunction = (url, init) => {
			calls.push([url, init]);
			return Promise.resolve(new Response("[null]", { status: 200, headers: { "X-Thing": "1" } }));
		};
		const signal = new AbortController().signal;
		const result = await fetchTransport(send).request({ url: "https://api.example.org/batch", method: "POST", headers: { "Content-Type": "application/json" }, body: "{}", signal });
		expect(result).toEqual({ status: 200, text: "[null]", headers: { "content-type": "text/plain;charset=UTF-8", "x-thing": "1" } });
		expect(calls).toEqual([["https://api.example.org/batch", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}", signal, redirect: "follow" }]]);
	});

	it("any status is a response", async () => {
		const send: FetchFunction = () => Promise.resolve(new Response("Rate exceeded.", { status: 503 }));
		expect(await fetchTransport(send).request({ url: "https://x.org", method: "GET", headers: {} })).toMatchObject({ status: 503, text: "Rate exceeded." });
	});
});

describe("fetchTransport with Node's fetch, against a local server", () => {
	let server: Server | undefined;
	afterEach(async () => {
		await stop();
	});

	async function stop(): Promise<void> {
		const running = server;
		server = undefined;
		if (!running) return;
		running.closeAllConnections();
		await new Promise((resolve) => running.close(resolve));
	}

	const clock = timerClock({ setTimeout: (callback, ms) => nodeTimers.setTimeout(callback, ms), clearTimeout: (handle) => nodeTimers.clearTimeout(handle) });

	async function serve(handler: (request: IncomingMessage, respond: (status: number, body: string) => void) => void): Promise<string> {
		server = createServer((request, response) => handler(request, (status, body) => response.writeHead(status, { "Content-Type": "application/json" }).end(body)));
		await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
		return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	}

	it("sends the request and reads the answer", async () => {
		const seen: string[] = [];
		const base = await serve((request, respond) => {
			let body = "";
			request.on("data", (chunk: Buffer) => (body += chunk.toString()));
			request.on("end", () => {
				seen.push(`${request.method ?? ""} ${request.url ?? ""} ${String(request.headers["x-api-key"] ?? "")} ${body}`);
				respond(404, '{"error":"Title match not found"}');
			});
		});
		const result = await fetchTransport().request({ url: `${base}/graph/v1/paper/search/match?query=x`, method: "POST", headers: { "x-api-key": "k" }, body: "{}" });
		expect(result).toMatchObject({ status: 404, text: '{"error":"Title match not found"}', headers: { "content-type": "application/json" } });
		expect(seen).toEqual(["POST /graph/v1/paper/search/match?query=x k {}"]);
	});

	it("a server that never answers: the core's time-out aborts the request", async () => {
		let closed: () => void = () => undefined;
		const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
		const base = await serve((request) => {
			request.socket.on("close", () => closed());
		});
		expect(await requestWithTimeout(fetchTransport(), clock, { url: `${base}/hang`, method: "GET", headers: {} }, 200)).toEqual({ kind: "timed out" });
		await connectionClosed;
	});

	it("no server: offline", async () => {
		// A port that was just listening and is closed now: the connection is refused.
		const base = await serve(() => undefined);
		await stop();
		const outcome = await requestWithTimeout(fetchTransport(), clock, { url: `${base}/x`, method: "GET", headers: {} }, 30_000);
		expect(outcome.kind).toBe("offline");
	});
});
