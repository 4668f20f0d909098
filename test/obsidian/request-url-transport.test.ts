import type { RequestUrlParam, RequestUrlResponse } from "obsidian";
import { describe, expect, it } from "vitest";
import { requestWithTimeout } from "../../src/details/transport";
import { requestUrlTransport, type RequestUrlFunction } from "../../src/obsidian/request-url-transport";
import { VirtualClock } from "../details/fakes";

function answer(status: number, text: string, headers: Record<string, string> = {}): RequestUrlResponse {
	return { status, text, headers, json: undefined, arrayBuffer: new ArrayBuffer(0) };
}

function recording(reply: (param: RequestUrlParam) => Promise<RequestUrlResponse>): { send: RequestUrlFunction; params: RequestUrlParam[] } {
	const params: RequestUrlParam[] = [];
	return {
		params,
		send: (param) => {
			params.push(param);
			return reply(param);
		},
	};
}

describe("requestUrlTransport", () => {
	it("asks requestUrl not to throw, and passes method, headers, content type and body", async () => {
		const { send, params } = recording(() => Promise.resolve(answer(200, "[]")));
		await requestUrlTransport(send).request({ url: "https://api.semanticscholar.org/graph/v1/paper/batch", method: "POST", headers: { Accept: "application/json", "Content-Type": "application/json", "x-api-key": "k" }, body: '{"ids":[]}' });
		expect(params).toEqual([{ url: "https://api.semanticscholar.org/graph/v1/paper/batch", method: "POST", headers: { Accept: "application/json", "x-api-key": "k" }, contentType: "application/json", body: '{"ids":[]}', throw: false }]);
	});

	it("a GET has no body and no content type", async () => {
		const { send, params } = recording(() => Promise.resolve(answer(200, "")));
		await requestUrlTransport(send).request({ url: "https://doi.org/10.1/x", method: "GET", headers: { Accept: "application/vnd.citationstyles.csl+json" } });
		expect(params[0]).toEqual({ url: "https://doi.org/10.1/x", method: "GET", headers: { Accept: "application/vnd.citationstyles.csl+json" }, throw: false });
	});

	it("4xx and 5xx come back as responses", async () => {
		const { send } = recording(() => Promise.resolve(answer(429, '{"message":"Too Many Requests"}', { "Retry-After": "3" })));
		expect(await requestUrlTransport(send).request({ url: "https://x.org", method: "GET", headers: {} })).toEqual({ status: 429, text: '{"message":"Too Many Requests"}', headers: { "Retry-After": "3" } });
	});

	it("a body that cannot be read as text is an empty text, not a crash", async () => {
		const broken = { ...answer(200, ""), get text(): string { throw new Error("not text"); } };
		const { send } = recording(() => Promise.resolve(broken));
		expect((await requestUrlTransport(send).request({ url: "https://x.org", method: "GET", headers: {} })).text).toBe("");
	});

	it("no connection: the rejection reaches the core, which reports it as offline", async () => {
		const { send } = recording(() => Promise.reject(new Error("net::ERR_INTERNET_DISCONNECTED")));
		const clock = new VirtualClock();
		expect(await requestWithTimeout(requestUrlTransport(send), clock, { url: "https://x.org", method: "GET", headers: {} }, 1000)).toEqual({ kind: "offline", detail: "net::ERR_INTERNET_DISCONNECTED" });
	});
});
