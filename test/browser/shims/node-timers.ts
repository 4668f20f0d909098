/**
 * `node:timers` for the browser bundle of the Obsidian fake (test/browser): the fake runs its background work
 * on Node's timers, which in a page are the window's. `setImmediate` is a message-channel task, as fast as Node's.
 */
const queue: (() => void)[] = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => queue.shift()?.();

export function setImmediate(callback: () => void): number {
	queue.push(callback);
	channel.port2.postMessage(null);
	return 0;
}

export function setTimeout(callback: () => void, ms?: number): number {
	return window.setTimeout(callback, ms);
}

export function clearTimeout(id: number | undefined): void {
	window.clearTimeout(id);
}

export function setInterval(callback: () => void, ms?: number): number {
	return window.setInterval(callback, ms);
}

export function clearInterval(id: number | undefined): void {
	window.clearInterval(id);
}
