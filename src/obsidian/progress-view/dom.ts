/**
 * Small DOM helpers for keyed updates: each changes the DOM only when the value differs, so that an update
 * touches only what changed (even a no-op `classList.remove` rewrites the attribute, a DOM mutation).
 */
import type { Completion } from "../../progress/completion";

export function setText(el: HTMLElement, text: string): void {
	if (el.getText() !== text) el.setText(text);
}

export function setClass(el: Element, cls: string, on: boolean): void {
	if (el.hasClass(cls) !== on) el.toggleClass(cls, on);
}

export function setAttribute(el: Element, name: string, value: string | null): void {
	if (el.getAttribute(name) !== value) el.setAttr(name, value);
}

/** Puts `el` right after `previous` (first when null), leaving it alone when it is already there. */
export function placeAfter(container: HTMLElement, previous: HTMLElement | null, el: HTMLElement): void {
	const expected = previous ? previous.nextElementSibling : container.firstElementChild;
	if (expected === el) return;
	if (previous) previous.after(el);
	else container.prepend(el);
}

/** A bar split into read required and read optional papers; the widths are CSS variables, set with setCssProps. */
export interface Bar {
	el: HTMLElement;
	required: HTMLElement;
	optional: HTMLElement;
}

function percentOf(part: number, whole: number): string {
	return whole === 0 ? "0%" : `${Number(((part / whole) * 100).toFixed(2))}%`;
}

export function createBar(parent: HTMLElement, label: string): Bar {
	const el = parent.createDiv({ cls: "paper-catalogue-bar", attr: { role: "progressbar", "aria-label": label, "aria-valuemin": "0" } });
	const required = el.createDiv({ cls: "paper-catalogue-bar-required" });
	const optional = el.createDiv({ cls: "paper-catalogue-bar-optional" });
	return { el, required, optional };
}

export function updateBar(bar: Bar, completion: Completion, label: string): void {
	setAttribute(bar.el, "aria-label", label);
	setAttribute(bar.el, "aria-valuemax", String(completion.total));
	setAttribute(bar.el, "aria-valuenow", String(completion.done));
	setAttribute(bar.el, "aria-valuetext", `${completion.done} of ${completion.total} read`);
	const widths = {
		"--paper-catalogue-required": percentOf(completion.required.done, completion.total),
		"--paper-catalogue-optional": percentOf(completion.optional.done, completion.total),
	};
	if (Object.entries(widths).some(([name, value]) => bar.el.style.getPropertyValue(name) !== value)) bar.el.setCssProps(widths);
}

/** A note's file name without folders or `.md`: how the view names a catalogue. */
export function fileName(path: string): string {
	return (path.split("/").pop() ?? path).replace(/\.md$/i, "");
}
