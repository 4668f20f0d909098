/**
 * `requestUrl`: the fake is offline. Every call is recorded (`requestUrlCalls()` in harness.ts) and rejects as
 * Electron does without a connection, so a test can check that nothing went out through Obsidian's network API, and
 * code that does call it sees what an offline device gives. Tests that need answers hand the plugin a transport.
 */
import type * as Obsidian from "obsidian";

const calls: Obsidian.RequestUrlParam[] = [];

export function requestUrl(request: Obsidian.RequestUrlParam | string): Obsidian.RequestUrlResponsePromise {
	const param = typeof request === "string" ? { url: request } : { ...request };
	calls.push(param);
	const failed = Promise.reject(new Error("net::ERR_INTERNET_DISCONNECTED"));
	// The derived promises reject the same way; none of them may be left unhandled by the fake itself.
	failed.catch(() => undefined);
	const derived = (): Promise<never> => {
		const promise = failed.then(() => undefined as never);
		promise.catch(() => undefined);
		return promise;
	};
	return Object.assign(failed, { arrayBuffer: derived(), json: derived(), text: derived() });
}

export function recordedRequestUrlCalls(): Obsidian.RequestUrlParam[] {
	return calls;
}

export function clearRequestUrlCalls(): void {
	calls.length = 0;
}
