/**
 * The plugin's network: Obsidian's `requestUrl` (desktop and mobile, no CORS), as the core's
 * `Transport`. `throw: false` so that 4xx and 5xx come back as responses for the core to read;
 * `requestUrl` has no time-out and cannot be aborted, so the core's time-out simply stops waiting.
 */
import { requestUrl, type RequestUrlParam, type RequestUrlResponse } from "obsidian";
import type { Transport, TransportRequest, TransportResponse } from "../details/transport";

export type RequestUrlFunction = (request: RequestUrlParam) => Promise<RequestUrlResponse>;

function paramOf(request: TransportRequest): RequestUrlParam {
	const headers: Record<string, string> = {};
	let contentType: string | undefined;
	for (const [name, value] of Object.entries(request.headers)) {
		if (name.toLowerCase() === "content-type") contentType = value;
		else headers[name] = value;
	}
	const param: RequestUrlParam = { url: request.url, method: request.method, headers, throw: false };
	if (contentType !== undefined) param.contentType = contentType;
	if (request.body !== undefined) param.body = request.body;
	return param;
}

function textOf(response: RequestUrlResponse): string {
	try {
		return typeof response.text === "string" ? response.text : "";
	} catch {
		// `text` decodes the body on access; a body that is not text is no answer we can read.
		return "";
	}
}

/** `send` is `requestUrl` itself; tests pass a fake. */
export function requestUrlTransport(send: RequestUrlFunction = requestUrl): Transport {
	return {
		async request(request: TransportRequest): Promise<TransportResponse> {
			const response = await send(paramOf(request));
			return { status: response.status, text: textOf(response), headers: response.headers ?? {} };
		},
	};
}
