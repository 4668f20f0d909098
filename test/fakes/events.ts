/**
 * `Events`, `EventRef` and `Component`, with Obsidian's semantics:
 * - `trigger` calls every listener registered for the name, in order, on a snapshot (listeners added or removed
 *   during a trigger do not change that round); a listener that throws does not stop the others: like Obsidian's
 *   `tryTrigger`, the error is rethrown on a later task (vitest reports it as an unhandled error).
 * - `Component.unload` unloads children (last first), then runs the registered cleanups (last first), then calls
 *   `onunload`; `load` calls `onload` and then loads the children. Both do nothing when already (un)loaded.
 */
import * as nodeTimers from "node:timers";
import { counters, hostTimers } from "./internal";
import type { EventRef } from "./types";

export type { EventRef };

interface Listener {
	readonly events: Events;
	readonly name: string;
	readonly fn: (...data: unknown[]) => unknown;
	readonly ctx: unknown;
}

const listenerOf = new WeakMap<EventRef, Listener>();

export class Events {
	private readonly listeners = new Map<string, Listener[]>();

	on(name: string, callback: (...data: unknown[]) => unknown, ctx?: unknown): EventRef {
		const listener: Listener = { events: this, name, fn: callback, ctx };
		const ref: EventRef = {};
		listenerOf.set(ref, listener);
		const list = this.listeners.get(name) ?? [];
		list.push(listener);
		this.listeners.set(name, list);
		return ref;
	}

	off(name: string, callback: (...data: unknown[]) => unknown): void {
		const list = this.listeners.get(name);
		if (list === undefined) return;
		const kept = list.filter((listener) => listener.fn !== callback);
		if (kept.length === 0) this.listeners.delete(name);
		else this.listeners.set(name, kept);
	}

	offref(ref: EventRef): void {
		const listener = listenerOf.get(ref);
		if (listener === undefined) return;
		const list = listener.events.listeners.get(listener.name);
		if (list === undefined) return;
		const index = list.indexOf(listener);
		if (index !== -1) list.splice(index, 1);
		if (list.length === 0) listener.events.listeners.delete(listener.name);
	}

	trigger(name: string, ...data: unknown[]): void {
		const list = this.listeners.get(name);
		if (list === undefined) return;
		for (const listener of [...list]) this.runListener(listener, data);
	}

	tryTrigger(evt: EventRef, args: unknown[]): void {
		const listener = listenerOf.get(evt);
		if (listener !== undefined) this.runListener(listener, args);
	}

	private runListener(listener: Listener, data: unknown[]): void {
		try {
			listener.fn.apply(listener.ctx, data);
		} catch (error) {
			nodeTimers.setTimeout(() => {
				throw error;
			}, 0);
		}
	}

	/** How many listeners are registered (all names): read by harness.ts's `liveCounts`. */
	private listenerCount(): number {
		let count = 0;
		for (const list of this.listeners.values()) count += list.length;
		return count;
	}
}

/** Test-side access to the protected listener count (harness.ts). */
export function countListeners(events: Events): number {
	return events["listenerCount"]();
}

export class Component {
	private loaded = false;
	private readonly children: Component[] = [];
	private readonly cleanups: (() => unknown)[] = [];

	load(): void {
		if (this.loaded) return;
		this.loaded = true;
		// `Plugin.onload` may be async; like Obsidian's `load`, this does not wait, but keeps the promise for harness.ts.
		const result: unknown = this.onload();
		onloadResults.set(this, Promise.resolve(result).then(() => undefined));
		for (const child of [...this.children]) child.load();
	}

	onload(): void {}

	unload(): void {
		if (!this.loaded) return;
		this.loaded = false;
		while (this.children.length > 0) this.children.pop()?.unload();
		while (this.cleanups.length > 0) this.cleanups.pop()?.();
		this.onunload();
	}

	onunload(): void {}

	addChild<T extends Component>(component: T): T {
		this.children.push(component);
		if (this.loaded) component.load();
		return component;
	}

	removeChild<T extends Component>(component: T): T {
		const index = this.children.indexOf(component);
		if (index !== -1) {
			this.children.splice(index, 1);
			component.unload();
		}
		return component;
	}

	register(cb: () => unknown): void {
		this.cleanups.push(cb);
	}

	registerEvent(eventRef: EventRef): void {
		const listener = listenerOf.get(eventRef);
		this.register(() => listener?.events.offref(eventRef));
	}

	registerDomEvent<K extends keyof WindowEventMap>(el: Window, type: K, callback: (this: HTMLElement, ev: WindowEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
	registerDomEvent<K extends keyof DocumentEventMap>(el: Document, type: K, callback: (this: HTMLElement, ev: DocumentEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
	registerDomEvent<K extends keyof HTMLElementEventMap>(el: HTMLElement, type: K, callback: (this: HTMLElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
	registerDomEvent(el: EventTarget, type: string, callback: (this: HTMLElement, ev: Event) => unknown, options?: boolean | AddEventListenerOptions): void {
		const listener = callback;
		el.addEventListener(type, listener, options);
		counters.domListeners += 1;
		this.register(() => {
			el.removeEventListener(type, listener, options);
			counters.domListeners -= 1;
		});
	}

	registerInterval(id: number): number {
		counters.intervals += 1;
		this.register(() => {
			hostTimers().clearInterval(id);
			counters.intervals -= 1;
		});
		return id;
	}
}

/** What each component's last `onload()` returned, settled (harness.ts `loadPlugin` awaits it). */
export const onloadResults = new WeakMap<Component, Promise<void>>();

/** Whether a component is loaded (harness.ts). */
export function isLoaded(component: Component): boolean {
	return component["loaded"];
}
