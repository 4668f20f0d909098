/**
 * The DOM helpers Obsidian adds to the prototypes and to `window` (declared in obsidian.d.ts's `declare global`),
 * installed onto happy-dom's classes when a DOM is there, and the small built-in prototype extensions
 * (`Array#first`, `String#contains`, `Math.clamp`…) which need no DOM.
 *
 * Semantics follow Obsidian's: `createEl(tag, o)` takes `o` as a class string or a `DomElementInfo`, sets `text`
 * as text (never markup), appends to `o.parent` (or prepends with `prepend: true`) and then calls `callback(el)`;
 * `Node#createEl` is `createEl` with `parent: this`. `hide()` sets `display: none` inline and `show()` clears it.
 */
import type {} from "obsidian";
import { counters, hasDom, hostTimers } from "./internal";

type AttrValue = string | number | boolean | null;

/** The document that `createEl` and friends without a parent create in. */
function currentDocument(): Document {
	if (!hasDom()) throw new Error("obsidian fake: createEl needs a DOM; put `// @vitest-environment happy-dom` at the top of the test file");
	return activeDocumentOr(document);
}

function activeDocumentOr(fallback: Document): Document {
	return typeof window !== "undefined" && "activeDocument" in window ? window.activeDocument : fallback;
}

// These are Obsidian's own `createEl`/`createSvg`/`createFragment`, which the lint rule `prefer-create-el` points
// plugins to; they take just the factory they need from the document.
function rawElement<K extends keyof HTMLElementTagNameMap>(doc: Pick<Document, "createElement">, tag: K): HTMLElementTagNameMap[K] {
	return doc.createElement(tag);
}

function rawSvg<K extends keyof SVGElementTagNameMap>(doc: Pick<Document, "createElementNS">, tag: K): SVGElementTagNameMap[K] {
	return doc.createElementNS("http://www.w3.org/2000/svg", tag);
}

function rawFragment(doc: Pick<Document, "createDocumentFragment">): DocumentFragment {
	return doc.createDocumentFragment();
}

function setAttr(el: Element, name: string, value: AttrValue): void {
	if (value === null) el.removeAttribute(name);
	else el.setAttribute(name, String(value));
}

function setText(el: Node, value: string | DocumentFragment): void {
	if (typeof value === "string") {
		el.textContent = value;
	} else {
		while (el.lastChild) el.removeChild(el.lastChild);
		el.appendChild(value);
	}
}

function attach(el: Node, info: { parent?: Node; prepend?: boolean }): void {
	const parent = info.parent;
	if (parent === undefined) return;
	if (info.prepend === true) parent.insertBefore(el, parent.firstChild);
	else parent.appendChild(el);
}

function applyClasses(el: Element, cls: string | string[] | undefined): void {
	if (cls === undefined) return;
	if (Array.isArray(cls)) el.classList.add(...cls.filter((c) => c !== ""));
	else el.setAttribute("class", cls);
}

function applyInfo(el: HTMLElement, info: DomElementInfo): void {
	applyClasses(el, info.cls);
	if (info.text !== undefined) setText(el, info.text);
	if (info.attr !== undefined) for (const [name, value] of Object.entries(info.attr)) setAttr(el, name, value);
	if (info.title !== undefined) el.title = info.title;
	if (info.type !== undefined && "type" in el) (el as HTMLInputElement).type = info.type;
	if (info.value !== undefined && "value" in el) (el as HTMLInputElement).value = info.value;
	if (info.placeholder !== undefined && "placeholder" in el) (el as HTMLInputElement).placeholder = info.placeholder;
	if (info.href !== undefined && "href" in el) (el as HTMLAnchorElement).href = info.href;
	attach(el, info);
}

function toInfo<T extends object>(o: T | string | undefined): T | { cls: string } | Record<string, never> {
	if (typeof o === "string") return { cls: o };
	return o ?? {};
}

function makeEl<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, o?: DomElementInfo | string, callback?: (el: HTMLElementTagNameMap[K]) => void): HTMLElementTagNameMap[K] {
	const el = rawElement(doc, tag);
	applyInfo(el, toInfo(o));
	callback?.(el);
	return el;
}

function makeSvg<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, o?: SvgElementInfo | string, callback?: (el: SVGElementTagNameMap[K]) => void): SVGElementTagNameMap[K] {
	const el = rawSvg(doc, tag);
	const info: SvgElementInfo = toInfo(o);
	applyClasses(el, info.cls);
	if (info.attr !== undefined) for (const [name, value] of Object.entries(info.attr)) setAttr(el, name, value);
	attach(el, info);
	callback?.(el);
	return el;
}

function ownerDocumentOf(node: Node): Document {
	if (node.nodeType === 9) return node as Document;
	return node.ownerDocument ?? currentDocument();
}

export function createEl<K extends keyof HTMLElementTagNameMap>(tag: K, o?: DomElementInfo | string, callback?: (el: HTMLElementTagNameMap[K]) => void): HTMLElementTagNameMap[K] {
	return makeEl(currentDocument(), tag, o, callback);
}

export function createDiv(o?: DomElementInfo | string, callback?: (el: HTMLDivElement) => void): HTMLDivElement {
	return makeEl(currentDocument(), "div", o, callback);
}

export function createSpan(o?: DomElementInfo | string, callback?: (el: HTMLSpanElement) => void): HTMLSpanElement {
	return makeEl(currentDocument(), "span", o, callback);
}

export function createSvg<K extends keyof SVGElementTagNameMap>(tag: K, o?: SvgElementInfo | string, callback?: (el: SVGElementTagNameMap[K]) => void): SVGElementTagNameMap[K] {
	return makeSvg(currentDocument(), tag, o, callback);
}

export function createFragment(callback?: (el: DocumentFragment) => void): DocumentFragment {
	const fragment = rawFragment(currentDocument());
	callback?.(fragment);
	return fragment;
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => hostTimers().setTimeout(resolve, ms));
}

export function nextFrame(): Promise<void> {
	return sleep(16);
}

/** Writes an inline `display` value (what Obsidian's `show`/`hide`/`toggle` do). */
function setDisplay(el: HTMLElement, display: string): void {
	el.style.display = display;
}

function isDisplayNone(el: Element): boolean {
	const inline = (el as Partial<ElementCSSInlineStyle>).style;
	if (inline?.display === "none") return true;
	const view = el.ownerDocument.defaultView;
	return view !== null && view.getComputedStyle(el).display === "none";
}

/** Obsidian's `matchParent`: the element or its nearest ancestor matching, not looking above `lastParent`. */
function matchFrom(el: Element | null, selector: string, lastParent: Element | undefined): Element | null {
	if (el === null) return null;
	if (el.matches(selector)) return el;
	if (el === lastParent) return null;
	return matchFrom(el.parentElement, selector, lastParent);
}

function shownFrom(el: Element | null): boolean {
	if (el === null) return true;
	return !isDisplayNone(el) && shownFrom(el.parentElement);
}

interface DelegatedListener {
	readonly type: string;
	readonly selector: string;
	readonly listener: unknown;
	readonly callback: (ev: Event) => void;
}

/** Obsidian keeps these in `el._EVENTS`; the fake keeps them off the element. */
const delegated = new WeakMap<EventTarget, DelegatedListener[]>();

function delegatedOn(this: HTMLElement | Document, type: string, selector: string, listener: (this: HTMLElement | Document, ev: Event, delegateTarget: HTMLElement) => unknown, options?: boolean | AddEventListenerOptions): void {
	const callback = (ev: Event): void => {
		const target = ev.target;
		if (!(target instanceof Element)) return;
		const match = target.closest(selector);
		if (match instanceof HTMLElement && (this === match || this.contains(match))) listener.call(this, ev, match);
	};
	const list = delegated.get(this) ?? [];
	list.push({ type, selector, listener, callback });
	delegated.set(this, list);
	this.addEventListener(type, callback, options);
}

function delegatedOff(this: HTMLElement | Document, type: string, selector: string, listener: unknown, options?: boolean | AddEventListenerOptions): void {
	const list = delegated.get(this);
	if (list === undefined) return;
	for (let i = list.length - 1; i >= 0; i--) {
		const entry = list[i];
		if (entry === undefined || entry.type !== type || entry.selector !== selector || entry.listener !== listener) continue;
		this.removeEventListener(type, entry.callback, options);
		list.splice(i, 1);
	}
}

function define(target: object, name: string, value: unknown): void {
	Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
}

function defineGetter(target: object, name: string, get: () => unknown): void {
	Object.defineProperty(target, name, { get, configurable: true, enumerable: false });
}

function installNodeHelpers(): void {
	const node = Node.prototype;
	define(node, "detach", function (this: Node) {
		this.parentNode?.removeChild(this);
	});
	define(node, "empty", function (this: Node) {
		while (this.lastChild) this.removeChild(this.lastChild);
	});
	define(node, "insertAfter", function <T extends Node>(this: Node, newNode: T, child: Node | null): T {
		this.insertBefore(newNode, child === null ? this.firstChild : child.nextSibling);
		return newNode;
	});
	define(node, "indexOf", function (this: Node, other: Node) {
		return Array.prototype.indexOf.call(this.childNodes, other);
	});
	define(node, "setChildrenInPlace", function (this: Node, children: Node[]) {
		const wanted = new Set(children);
		for (const child of Array.from(this.childNodes)) if (!wanted.has(child)) this.removeChild(child);
		let cursor = this.firstChild;
		for (const child of children) {
			if (child === cursor) cursor = cursor.nextSibling;
			else this.insertBefore(child, cursor);
		}
	});
	define(node, "appendText", function (this: Node, value: string) {
		this.appendChild(ownerDocumentOf(this).createTextNode(value));
	});
	// Obsidian's cross-window `instanceof`; happy-dom has a single window.
	define(node, "instanceOf", function (this: object, type: abstract new () => unknown) {
		return this instanceof type;
	});
	defineGetter(node, "doc", function (this: Node) {
		return ownerDocumentOf(this);
	});
	defineGetter(node, "win", function (this: Node) {
		return ownerDocumentOf(this).defaultView;
	});
	defineGetter(node, "constructorWin", function (this: Node) {
		return ownerDocumentOf(this).defaultView;
	});
	define(node, "createEl", function <K extends keyof HTMLElementTagNameMap>(this: Node, tag: K, o?: DomElementInfo | string, callback?: (el: HTMLElementTagNameMap[K]) => void) {
		return makeEl(ownerDocumentOf(this), tag, { ...toInfo(o), parent: this }, callback);
	});
	define(node, "createDiv", function (this: Node, o?: DomElementInfo | string, callback?: (el: HTMLDivElement) => void) {
		return makeEl(ownerDocumentOf(this), "div", { ...toInfo(o), parent: this }, callback);
	});
	define(node, "createSpan", function (this: Node, o?: DomElementInfo | string, callback?: (el: HTMLSpanElement) => void) {
		return makeEl(ownerDocumentOf(this), "span", { ...toInfo(o), parent: this }, callback);
	});
	define(node, "createSvg", function <K extends keyof SVGElementTagNameMap>(this: Node, tag: K, o?: SvgElementInfo | string, callback?: (el: SVGElementTagNameMap[K]) => void) {
		return makeSvg(ownerDocumentOf(this), tag, { ...toInfo(o), parent: this }, callback);
	});
}

function installElementHelpers(): void {
	const element = Element.prototype;
	define(element, "getText", function (this: Element) {
		return this.textContent ?? "";
	});
	define(element, "setText", function (this: Element, value: string | DocumentFragment) {
		setText(this, value);
	});
	define(element, "addClass", function (this: Element, ...classes: string[]) {
		this.classList.add(...classes.filter((c) => c !== ""));
	});
	define(element, "addClasses", function (this: Element, classes: string[]) {
		this.classList.add(...classes.filter((c) => c !== ""));
	});
	define(element, "removeClass", function (this: Element, ...classes: string[]) {
		this.classList.remove(...classes);
	});
	define(element, "removeClasses", function (this: Element, classes: string[]) {
		this.classList.remove(...classes);
	});
	define(element, "toggleClass", function (this: Element, classes: string | string[], value: boolean) {
		for (const cls of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(cls, value);
	});
	define(element, "hasClass", function (this: Element, cls: string) {
		return this.classList.contains(cls);
	});
	define(element, "setAttr", function (this: Element, name: string, value: AttrValue) {
		setAttr(this, name, value);
	});
	define(element, "setAttrs", function (this: Element, attrs: Record<string, AttrValue>) {
		for (const [name, value] of Object.entries(attrs)) setAttr(this, name, value);
	});
	define(element, "getAttr", function (this: Element, name: string) {
		return this.getAttribute(name);
	});
	define(element, "matchParent", function (this: Element, selector: string, lastParent?: Element) {
		return matchFrom(this, selector, lastParent);
	});
	define(element, "getCssPropertyValue", function (this: Element, property: string, pseudoElement?: string) {
		return this.ownerDocument.defaultView?.getComputedStyle(this, pseudoElement).getPropertyValue(property) ?? "";
	});
	define(element, "isActiveElement", function (this: Element) {
		return this.ownerDocument.activeElement === this;
	});
	define(element, "find", function (this: Element, selector: string) {
		return this.querySelector(selector);
	});
	define(element, "findAll", function (this: Element, selector: string) {
		return Array.from(this.querySelectorAll(selector));
	});
	define(element, "findAllSelf", function (this: Element, selector: string) {
		const found = Array.from(this.querySelectorAll(selector));
		return this.matches(selector) ? [this, ...found] : found;
	});
	const fragment = DocumentFragment.prototype;
	define(fragment, "find", function (this: DocumentFragment, selector: string) {
		return this.querySelector(selector);
	});
	define(fragment, "findAll", function (this: DocumentFragment, selector: string) {
		return Array.from(this.querySelectorAll(selector));
	});
}

function installStyleHelpers(proto: object): void {
	define(proto, "setCssStyles", function (this: HTMLElement | SVGElement, styles: Partial<CSSStyleDeclaration>) {
		Object.assign(this.style, styles);
	});
	define(proto, "setCssProps", function (this: HTMLElement | SVGElement, props: Record<string, string>) {
		for (const [name, value] of Object.entries(props)) this.style.setProperty(name, value);
	});
}

function installHtmlElementHelpers(): void {
	const html = HTMLElement.prototype;
	define(html, "show", function (this: HTMLElement) {
		setDisplay(this, "");
	});
	define(html, "hide", function (this: HTMLElement) {
		setDisplay(this, "none");
	});
	define(html, "toggle", function (this: HTMLElement, show: boolean) {
		setDisplay(this, show ? "" : "none");
	});
	define(html, "toggleVisibility", function (this: HTMLElement, visible: boolean) {
		this.style.visibility = visible ? "" : "hidden";
	});
	define(html, "isShown", function (this: HTMLElement) {
		return this.isConnected && shownFrom(this);
	});
	installStyleHelpers(html);
	installStyleHelpers(SVGElement.prototype);
	defineGetter(html, "innerWidth", function (this: HTMLElement) {
		return this.clientWidth;
	});
	defineGetter(html, "innerHeight", function (this: HTMLElement) {
		return this.clientHeight;
	});
	define(html, "on", delegatedOn);
	define(html, "off", delegatedOff);
	define(Document.prototype, "on", delegatedOn);
	define(Document.prototype, "off", delegatedOff);
	define(html, "onClickEvent", function (this: HTMLElement, listener: (this: HTMLElement, ev: MouseEvent) => unknown, options?: boolean | AddEventListenerOptions) {
		this.addEventListener("click", listener, options);
		this.addEventListener("auxclick", listener, options);
	});
	define(html, "onNodeInserted", function (this: HTMLElement, listener: () => unknown, once?: boolean) {
		let stopped = false;
		const timers = hostTimers();
		let wasConnected = this.isConnected;
		const id = timers.setInterval(() => {
			const connected = this.isConnected;
			if (connected && !wasConnected && !stopped) {
				listener();
				if (once === true) stop();
			}
			wasConnected = connected;
		}, 10);
		const stop = (): void => {
			stopped = true;
			timers.clearInterval(id);
		};
		return stop;
	});
	define(html, "onWindowMigrated", function () {
		return () => undefined;
	});
	define(html, "trigger", function (this: HTMLElement, eventType: string) {
		this.dispatchEvent(new Event(eventType, { bubbles: true, cancelable: true }));
	});
}

function installEventHelpers(): void {
	const ui = UIEvent.prototype;
	defineGetter(ui, "targetNode", function (this: UIEvent) {
		return this.target instanceof Node ? this.target : null;
	});
	defineGetter(ui, "win", function (this: UIEvent) {
		return this.view ?? window;
	});
	defineGetter(ui, "doc", function (this: UIEvent) {
		return (this.view ?? window).document;
	});
	define(ui, "instanceOf", function (this: object, type: abstract new (...data: never[]) => unknown) {
		return this instanceof type;
	});
}

function installWindowGlobals(): void {
	const win = window;
	win.activeWindow = win;
	win.activeDocument = win.document;
	win.sleep = sleep;
	win.nextFrame = nextFrame;
	define(win, "createEl", createEl);
	define(win, "createDiv", createDiv);
	define(win, "createSpan", createSpan);
	define(win, "createSvg", createSvg);
	define(win, "createFragment", createFragment);
	define(win, "fish", (selector: string) => win.document.querySelector<HTMLElement>(selector));
	define(win, "fishAll", (selector: string) => Array.from(win.document.querySelectorAll<HTMLElement>(selector)));
	define(win, "isBoolean", (obj: unknown) => typeof obj === "boolean");
	define(win, "ready", (fn: () => unknown) => {
		fn();
	});
	// Counted, so that harness.ts `settled()` knows a frame is still to come (an update coalesced to the next frame).
	const request = win.requestAnimationFrame.bind(win);
	const cancel = win.cancelAnimationFrame.bind(win);
	const pending = new Set<number>();
	define(win, "requestAnimationFrame", (callback: FrameRequestCallback): number => {
		const id = request((time) => {
			if (pending.delete(id)) counters.frames -= 1;
			callback(time);
		});
		pending.add(id);
		counters.frames += 1;
		return id;
	});
	define(win, "cancelAnimationFrame", (id: number): void => {
		if (pending.delete(id)) counters.frames -= 1;
		cancel(id);
	});
}

function installBuiltinExtensions(): void {
	const array = Array.prototype;
	define(array, "first", function (this: unknown[]) {
		return this[0];
	});
	define(array, "last", function (this: unknown[]) {
		return this[this.length - 1];
	});
	define(array, "contains", function (this: unknown[], target: unknown) {
		return this.includes(target);
	});
	define(array, "remove", function (this: unknown[], target: unknown) {
		for (let i = this.length - 1; i >= 0; i--) if (this[i] === target) this.splice(i, 1);
	});
	define(array, "shuffle", function (this: unknown[]) {
		for (let i = this.length - 1; i > 0; i--) {
			const j = Math.floor(Math.random() * (i + 1));
			[this[i], this[j]] = [this[j], this[i]];
		}
		return this;
	});
	define(array, "unique", function (this: unknown[]) {
		return Array.from(new Set(this));
	});
	define(Array, "combine", function (arrays: unknown[][]) {
		return arrays.flat();
	});
	define(String.prototype, "contains", function (this: string, target: string) {
		return this.includes(target);
	});
	define(String.prototype, "format", function (this: string, ...args: string[]) {
		return this.replace(/\{(\d+)\}/g, (match, index: string) => args[Number(index)] ?? match);
	});
	define(String, "isString", (obj: unknown) => typeof obj === "string");
	define(Number, "isNumber", (obj: unknown) => typeof obj === "number");
	define(Math, "clamp", (value: number, min: number, max: number) => Math.min(Math.max(value, min), max));
	define(Math, "square", (value: number) => value * value);
	define(Object, "isEmpty", (object: Record<string, unknown>) => Object.keys(object).length === 0);
	define(Object, "each", (object: Record<string, unknown>, callback: (value: unknown, key?: string) => boolean | void, context?: unknown) => {
		for (const key of Object.keys(object)) if (callback.call(context, object[key], key) === false) return false;
		return true;
	});
}

let domInstalledFor: Document | null = null;

/** Installs everything; safe to call again (a new happy-dom document gets the helpers again). */
export function installDomHelpers(): void {
	installBuiltinExtensions();
	if (!hasDom() || domInstalledFor === document) return;
	domInstalledFor = document;
	installNodeHelpers();
	installElementHelpers();
	installHtmlElementHelpers();
	installEventHelpers();
	installWindowGlobals();
}

installDomHelpers();
