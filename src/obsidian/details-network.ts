/** The plugin's network for paper details: Obsidian's request API, and the window's timers for waits and time-outs. */
import { type Clock, timerClock, type Transport } from "../details/transport";
import { requestUrlTransport } from "./request-url-transport";

export interface DetailsNetwork {
	transport: Transport;
	clock: Clock;
}

export function obsidianNetwork(): DetailsNetwork {
	return {
		transport: requestUrlTransport(),
		clock: timerClock({ setTimeout: (callback: () => void, ms: number) => window.setTimeout(callback, ms), clearTimeout: (handle: number) => window.clearTimeout(handle) }),
	};
}
