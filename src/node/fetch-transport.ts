/**
 * The command line's network: Node's global `fetch`, as the core's `Transport`. Any HTTP status
 * is a response; `fetch` rejects only when there is none. The core's time-out aborts the request.
 */
import type { Transport, TransportRequest, TransportResponse } from "../details/transport";

export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/** `send` is the global `fetch`; tests pass a fake. */
export function fetchTransport(send: FetchFunction = fetch): Transport {
	return {
		async request(request: TransportRequest): Promise<TransportResponse> {
			const init: RequestInit = { method: request.method, headers: request.headers, redirect: "follow" };
			if (request.body !== undefined) init.body = request.body;
			if (request.signal !== undefined) init.signal = request.signal;
			const response = await send(request.url, init);
			const text = await response.text();
			const headers: Record<string, string> = {};
			response.headers.forEach((value, name) => {
				headers[name.toLowerCase()] = value;
			});
			return { status: response.status, text, headers };
		},
	};
}
