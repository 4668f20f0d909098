/**
 * UI classes: `Modal`, `SuggestModal`, `FuzzySuggestModal`, `Notice`, `Setting` and its components, setting tabs,
 * `Menu`, `PopoverSuggest`/`AbstractInputSuggest`. They build the DOM Obsidian builds (same class names), so tests
 * can find and click things; all of them need a DOM except `Notice`, which records its messages either way.
 *
 * Behaviour choices:
 * - `Modal.open()` attaches `containerEl` (`.modal-container` > `.modal-bg` + `.modal` > close button,
 *   `.modal-title`, `.modal-content`) to `document.body` and calls `onOpen()`; `close()` detaches it and calls
 *   `onClose()`; Escape (through the app's keymap), the close button and the backdrop close it.
 * - `SuggestModal` renders `getSuggestions(input value)` into `.prompt-results` as `.suggestion-item`s on open and
 *   on every `input` event; clicking one (or Enter, for the first/selected one) closes the modal and then calls
 *   `onChooseSuggestion`. Async suggestions settle on later microtasks: `settled()` in harness.ts waits for them.
 * - `Notice` records every notice in a list (`notices()` in harness.ts) with its current message; with a DOM it
 *   shows `.notice` > `.notice-message` inside `.notice-container` and hides after `duration` ms (5000 by
 *   default; 0 keeps it) or on click. `noticeEl` is the deprecated alias of `messageEl`.
 * - Text-like components call `onChange` on the `input` event (dropdowns on `change`), never from `setValue`;
 *   `ToggleComponent.setValue` does call `onChange` when the value changes, like Obsidian's toggle.
 */
import type { App, Plugin } from "./app";
import { Component } from "./events";
import { hasDom, hostTimers, requireDom } from "./internal";
import type { FuzzyMatch, IconName, Instruction, MenuPositionDef, SearchMatches, SearchResult, TooltipOptions } from "./types";
import { Scope, prepareFuzzySearch, setIcon, setTooltip } from "./util";

const pendingUi = new Set<Promise<unknown>>();

function trackUi(promise: Promise<unknown>): void {
	pendingUi.add(promise);
	void promise.finally(() => pendingUi.delete(promise));
}

/** Resolves when no suggestion list is still being computed (harness.ts `settled`). */
export async function uiSettled(): Promise<void> {
	while (pendingUi.size > 0) await Promise.allSettled([...pendingUi]);
}

function textOf(message: string | DocumentFragment): string {
	return typeof message === "string" ? message : (message.textContent ?? "");
}

// ---- components ---------------------------------------------------------------------------------------------------

export abstract class BaseComponent {
	disabled = false;

	then(cb: (component: this) => unknown): this {
		cb(this);
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
}

export abstract class ValueComponent<T> extends BaseComponent {
	registerOptionListener(listeners: Record<string, (value?: T) => T>, key: string): this {
		listeners[key] = (value?: T) => {
			if (value !== undefined && value !== this.getValue()) this.setValue(value);
			return this.getValue();
		};
		return this;
	}

	abstract getValue(): T;
	abstract setValue(value: T): this;
}

export class AbstractTextComponent<T extends HTMLInputElement | HTMLTextAreaElement> extends ValueComponent<string> {
	inputEl: T;
	private changeCallback: ((value: string) => unknown) | null = null;

	constructor(inputEl: T) {
		super();
		this.inputEl = inputEl;
		inputEl.addEventListener("input", () => this.onChanged());
	}

	override setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.inputEl.disabled = disabled;
		return this;
	}

	getValue(): string {
		return this.inputEl.value;
	}

	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}

	setPlaceholder(placeholder: string): this {
		this.inputEl.placeholder = placeholder;
		return this;
	}

	onChanged(): void {
		this.changeCallback?.(this.getValue());
	}

	onChange(callback: (value: string) => unknown): this {
		this.changeCallback = callback;
		return this;
	}
}

export class TextComponent extends AbstractTextComponent<HTMLInputElement> {
	constructor(containerEl: HTMLElement) {
		super(containerEl.createEl("input", { type: "text", attr: { spellcheck: "false" } }));
	}
}

export class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> {
	constructor(containerEl: HTMLElement) {
		super(containerEl.createEl("textarea"));
	}
}

export class SearchComponent extends AbstractTextComponent<HTMLInputElement> {
	clearButtonEl: HTMLElement;

	constructor(containerEl: HTMLElement) {
		const wrapper = containerEl.createDiv({ cls: "search-input-container" });
		super(wrapper.createEl("input", { type: "search", attr: { enterkeyhint: "search", spellcheck: "false" } }));
		this.clearButtonEl = wrapper.createDiv({ cls: "search-input-clear-button" });
		this.clearButtonEl.addEventListener("click", () => {
			this.setValue("");
			this.onChanged();
		});
		this.clearButtonEl.toggle(false);
	}

	override setValue(value: string): this {
		super.setValue(value);
		this.clearButtonEl.toggle(value !== "");
		return this;
	}

	override onChanged(): void {
		this.clearButtonEl.toggle(this.getValue() !== "");
		super.onChanged();
	}
}

export class ToggleComponent extends ValueComponent<boolean> {
	toggleEl: HTMLElement;
	private readonly checkboxEl: HTMLInputElement;
	private on = false;
	private changeCallback: ((value: boolean) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		this.toggleEl = containerEl.createDiv({ cls: "checkbox-container" });
		this.checkboxEl = this.toggleEl.createEl("input", { type: "checkbox", attr: { tabindex: 0 } });
		this.toggleEl.addEventListener("click", (evt) => {
			evt.preventDefault();
			this.onClick();
		});
	}

	override setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.toggleEl.toggleClass("is-disabled", disabled);
		this.checkboxEl.disabled = disabled;
		return this;
	}

	getValue(): boolean {
		return this.on;
	}

	setValue(on: boolean): this {
		const changed = this.on !== on;
		this.on = on;
		this.toggleEl.toggleClass("is-enabled", on);
		this.checkboxEl.checked = on;
		if (changed) this.changeCallback?.(on);
		return this;
	}

	setTooltip(tooltip: string, options?: TooltipOptions): this {
		setTooltip(this.toggleEl, tooltip, options);
		return this;
	}

	onClick(): void {
		if (!this.disabled) this.setValue(!this.on);
	}

	onChange(callback: (value: boolean) => unknown): this {
		this.changeCallback = callback;
		return this;
	}
}

export class DropdownComponent extends ValueComponent<string> {
	selectEl: HTMLSelectElement;
	private changeCallback: ((value: string) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		this.selectEl = containerEl.createEl("select", { cls: "dropdown" });
		this.selectEl.addEventListener("change", () => this.changeCallback?.(this.getValue()));
	}

	override setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.selectEl.disabled = disabled;
		return this;
	}

	addOption(value: string, display: string): this {
		this.selectEl.createEl("option", { value, text: display });
		return this;
	}

	addOptions(options: Record<string, string>): this {
		for (const [value, display] of Object.entries(options)) this.addOption(value, display);
		return this;
	}

	getValue(): string {
		return this.selectEl.value;
	}

	setValue(value: string): this {
		this.selectEl.value = value;
		return this;
	}

	onChange(callback: (value: string) => unknown): this {
		this.changeCallback = callback;
		return this;
	}
}

export class ButtonComponent extends BaseComponent {
	buttonEl: HTMLButtonElement;

	constructor(containerEl: HTMLElement) {
		super();
		this.buttonEl = containerEl.createEl("button");
	}

	override setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.buttonEl.disabled = disabled;
		return this;
	}

	setCta(): this {
		this.buttonEl.addClass("mod-cta");
		return this;
	}

	removeCta(): this {
		this.buttonEl.removeClass("mod-cta");
		return this;
	}

	setWarning(): this {
		this.buttonEl.addClass("mod-warning");
		return this;
	}

	setTooltip(tooltip: string, options?: TooltipOptions): this {
		setTooltip(this.buttonEl, tooltip, options);
		return this;
	}

	setButtonText(name: string): this {
		this.buttonEl.setText(name);
		return this;
	}

	setIcon(icon: IconName): this {
		this.buttonEl.empty();
		setIcon(this.buttonEl, icon);
		return this;
	}

	setClass(cls: string): this {
		this.buttonEl.addClass(cls);
		return this;
	}

	onClick(callback: (evt: MouseEvent) => unknown): this {
		this.buttonEl.addEventListener("click", (evt) => {
			if (!this.disabled) callback(evt);
		});
		return this;
	}
}

export class ExtraButtonComponent extends BaseComponent {
	extraSettingsEl: HTMLElement;

	constructor(containerEl: HTMLElement) {
		super();
		this.extraSettingsEl = containerEl.createDiv({ cls: ["clickable-icon", "extra-setting-button"] });
	}

	override setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.extraSettingsEl.toggleClass("is-disabled", disabled);
		return this;
	}

	setTooltip(tooltip: string, options?: TooltipOptions): this {
		setTooltip(this.extraSettingsEl, tooltip, options);
		return this;
	}

	setIcon(icon: IconName): this {
		setIcon(this.extraSettingsEl, icon);
		return this;
	}

	onClick(callback: () => unknown): this {
		this.extraSettingsEl.addEventListener("click", () => {
			if (!this.disabled) callback();
		});
		return this;
	}
}

export class SliderComponent extends ValueComponent<number> {
	sliderEl: HTMLInputElement;
	private changeCallback: ((value: number) => unknown) | null = null;
	private instant = false;

	constructor(containerEl: HTMLElement) {
		super();
		this.sliderEl = containerEl.createEl("input", { type: "range", cls: "slider" });
		this.sliderEl.addEventListener("input", () => {
			if (this.instant) this.changeCallback?.(this.getValue());
		});
		this.sliderEl.addEventListener("change", () => this.changeCallback?.(this.getValue()));
	}

	override setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.sliderEl.disabled = disabled;
		return this;
	}

	setInstant(instant: boolean): this {
		this.instant = instant;
		return this;
	}

	setLimits(min: number, max: number, step: number | "any"): this {
		this.sliderEl.min = String(min);
		this.sliderEl.max = String(max);
		this.sliderEl.step = String(step);
		return this;
	}

	getValue(): number {
		return Number(this.sliderEl.value);
	}

	setValue(value: number): this {
		this.sliderEl.value = String(value);
		return this;
	}

	getValuePretty(): string {
		return String(this.getValue());
	}

	setDynamicTooltip(): this {
		return this;
	}

	onChange(callback: (value: number) => unknown): this {
		this.changeCallback = callback;
		return this;
	}
}

export class ProgressBarComponent extends ValueComponent<number> {
	private readonly barEl: HTMLElement;
	private readonly lineEl: HTMLElement;
	private value = 0;

	constructor(containerEl: HTMLElement) {
		super();
		this.barEl = containerEl.createDiv({ cls: "setting-progress-bar" });
		this.lineEl = this.barEl.createDiv({ cls: "setting-progress-bar-inner" });
	}

	getValue(): number {
		return this.value;
	}

	setValue(value: number): this {
		this.value = Math.min(100, Math.max(0, value));
		this.lineEl.setCssProps({ width: `${this.value}%` });
		return this;
	}
}

// ---- Setting and setting tabs ---------------------------------------------------------------------------------

export class Setting {
	settingEl: HTMLElement;
	infoEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	components: BaseComponent[] = [];

	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.createDiv({ cls: "setting-item" });
		this.infoEl = this.settingEl.createDiv({ cls: "setting-item-info" });
		this.nameEl = this.infoEl.createDiv({ cls: "setting-item-name" });
		this.descEl = this.infoEl.createDiv({ cls: "setting-item-description" });
		this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
	}

	setName(name: string | DocumentFragment): this {
		this.nameEl.setText(name);
		return this;
	}

	setDesc(desc: string | DocumentFragment): this {
		this.descEl.setText(desc);
		return this;
	}

	setClass(cls: string): this {
		this.settingEl.addClass(cls);
		return this;
	}

	setTooltip(tooltip: string, options?: TooltipOptions): this {
		setTooltip(this.nameEl, tooltip, options);
		return this;
	}

	setHeading(): this {
		this.settingEl.addClass("setting-item-heading");
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.settingEl.toggleClass("is-disabled", disabled);
		for (const component of this.components) component.setDisabled(disabled);
		return this;
	}

	addButton(cb: (component: ButtonComponent) => unknown): this {
		return this.add(new ButtonComponent(this.controlEl), cb);
	}

	addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this {
		return this.add(new ExtraButtonComponent(this.controlEl), cb);
	}

	addToggle(cb: (component: ToggleComponent) => unknown): this {
		return this.add(new ToggleComponent(this.controlEl), cb);
	}

	addText(cb: (component: TextComponent) => unknown): this {
		return this.add(new TextComponent(this.controlEl), cb);
	}

	addSearch(cb: (component: SearchComponent) => unknown): this {
		return this.add(new SearchComponent(this.controlEl), cb);
	}

	addTextArea(cb: (component: TextAreaComponent) => unknown): this {
		return this.add(new TextAreaComponent(this.controlEl), cb);
	}

	addDropdown(cb: (component: DropdownComponent) => unknown): this {
		return this.add(new DropdownComponent(this.controlEl), cb);
	}

	addProgressBar(cb: (component: ProgressBarComponent) => unknown): this {
		return this.add(new ProgressBarComponent(this.controlEl), cb);
	}

	addSlider(cb: (component: SliderComponent) => unknown): this {
		return this.add(new SliderComponent(this.controlEl), cb);
	}

	then(cb: (setting: this) => unknown): this {
		cb(this);
		return this;
	}

	clear(): this {
		this.controlEl.empty();
		this.components = [];
		return this;
	}

	private add<C extends BaseComponent>(component: C, cb: (component: C) => unknown): this {
		this.components.push(component);
		cb(component);
		return this;
	}
}

export abstract class SettingTab {
	app!: App;
	private element: HTMLElement | null = null;

	get containerEl(): HTMLElement {
		if (this.element === null) {
			requireDom("SettingTab.containerEl");
			this.element = createDiv({ cls: "vertical-tab-content" });
		}
		return this.element;
	}

	set containerEl(el: HTMLElement) {
		this.element = el;
	}

	abstract display(): void;

	hide(): void {
		if (this.element !== null) this.element.empty();
	}
}

export abstract class PluginSettingTab extends SettingTab {
	constructor(app: App, plugin: Plugin) {
		super();
		this.app = app;
		settingTabPlugin.set(this, plugin);
	}
}

/** The plugin a setting tab was made for (harness.ts finds a plugin's tabs through the app). */
export const settingTabPlugin = new WeakMap<SettingTab, Plugin>();

// ---- modals -----------------------------------------------------------------------------------------------------

const openModalList: Modal[] = [];

/** Open modals, oldest first (harness.ts). */
export function openModals(): Modal[] {
	return [...openModalList];
}

export class Modal {
	app: App;
	scope: Scope;
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	shouldRestoreSelection = true;

	constructor(app: App) {
		requireDom("Modal");
		this.app = app;
		this.scope = new Scope();
		this.scope.register([], "Escape", () => {
			this.close();
			return false;
		});
		this.containerEl = createDiv({ cls: ["modal-container", "mod-dim"] });
		const bg = this.containerEl.createDiv({ cls: "modal-bg" });
		bg.addEventListener("click", () => this.close());
		this.modalEl = this.containerEl.createDiv({ cls: "modal" });
		const closeButton = this.modalEl.createDiv({ cls: "modal-close-button" });
		closeButton.addEventListener("click", () => this.close());
		const header = this.modalEl.createDiv({ cls: "modal-header" });
		this.titleEl = header.createDiv({ cls: "modal-title" });
		this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
	}

	open(): void {
		if (openModalList.includes(this)) return;
		activeDocument.body.appendChild(this.containerEl);
		this.app.keymap.pushScope(this.scope);
		openModalList.push(this);
		this.onOpen();
	}

	close(): void {
		const index = openModalList.indexOf(this);
		if (index === -1) return;
		openModalList.splice(index, 1);
		this.app.keymap.popScope(this.scope);
		this.containerEl.detach();
		this.onClose();
	}

	onOpen(): void {}

	onClose(): void {}

	setTitle(title: string): this {
		this.titleEl.setText(title);
		return this;
	}

	setContent(content: string | DocumentFragment): this {
		this.contentEl.setText(content);
		return this;
	}
}

export abstract class SuggestModal<T> extends Modal {
	limit = 100;
	emptyStateText = "No results found.";
	inputEl: HTMLInputElement;
	resultContainerEl: HTMLElement;
	private readonly instructionsEl: HTMLElement;
	private shown: T[] = [];
	private selected = 0;

	constructor(app: App) {
		super(app);
		this.modalEl.addClass("prompt");
		this.modalEl.empty();
		const inputContainer = this.modalEl.createDiv({ cls: "prompt-input-container" });
		this.inputEl = inputContainer.createEl("input", { cls: "prompt-input", type: "text", attr: { enterkeyhint: "done", spellcheck: "false" } });
		this.resultContainerEl = this.modalEl.createDiv({ cls: "prompt-results" });
		this.instructionsEl = this.modalEl.createDiv({ cls: "prompt-instructions" });
		this.inputEl.addEventListener("input", () => this.refresh());
		this.scope.register([], "Enter", (evt) => {
			this.selectActiveSuggestion(evt);
			return false;
		});
		this.scope.register([], "ArrowDown", () => {
			this.select(Math.min(this.selected + 1, this.shown.length - 1));
			return false;
		});
		this.scope.register([], "ArrowUp", () => {
			this.select(Math.max(this.selected - 1, 0));
			return false;
		});
	}

	override open(): void {
		super.open();
		this.inputEl.focus();
		this.refresh();
	}

	setPlaceholder(placeholder: string): void {
		this.inputEl.placeholder = placeholder;
	}

	setInstructions(instructions: Instruction[]): void {
		this.instructionsEl.empty();
		for (const instruction of instructions) {
			const el = this.instructionsEl.createDiv({ cls: "prompt-instruction" });
			el.createSpan({ cls: "prompt-instruction-command", text: instruction.command });
			el.createSpan({ text: instruction.purpose });
		}
	}

	onNoSuggestion(): void {
		this.resultContainerEl.empty();
		this.resultContainerEl.createDiv({ cls: "suggestion-empty", text: this.emptyStateText });
	}

	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		this.close();
		this.onChooseSuggestion(value, evt);
	}

	selectActiveSuggestion(evt: MouseEvent | KeyboardEvent): void {
		const value = this.shown[this.selected];
		if (value !== undefined) this.selectSuggestion(value, evt);
	}

	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;

	private refresh(): void {
		const query = this.inputEl.value;
		trackUi(
			Promise.resolve(this.getSuggestions(query)).then((suggestions) => {
				if (this.inputEl.value !== query) return;
				this.render(suggestions.slice(0, this.limit));
			}),
		);
	}

	private render(suggestions: T[]): void {
		this.shown = suggestions;
		this.selected = 0;
		this.resultContainerEl.empty();
		if (suggestions.length === 0) {
			this.onNoSuggestion();
			return;
		}
		suggestions.forEach((value, index) => {
			const el = this.resultContainerEl.createDiv({ cls: "suggestion-item" });
			el.toggleClass("is-selected", index === 0);
			this.renderSuggestion(value, el);
			el.addEventListener("click", (evt) => this.selectSuggestion(value, evt));
			el.addEventListener("mousemove", () => this.select(index));
		});
	}

	private select(index: number): void {
		this.selected = index;
		Array.from(this.resultContainerEl.children).forEach((el, i) => el.toggleClass("is-selected", i === index));
	}
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
	getSuggestions(query: string): FuzzyMatch<T>[] {
		const search = prepareFuzzySearch(query);
		const out: FuzzyMatch<T>[] = [];
		for (const item of this.getItems()) {
			const match = query.trim() === "" ? { score: 0, matches: [] } : search(this.getItemText(item));
			if (match !== null) out.push({ item, match });
		}
		return out.sort((a, b) => b.match.score - a.match.score);
	}

	renderSuggestion(item: FuzzyMatch<T>, el: HTMLElement): void {
		renderResults(el, this.getItemText(item.item), item.match);
	}

	onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
		this.onChooseItem(item.item, evt);
	}

	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export function renderMatches(el: HTMLElement | DocumentFragment, text: string, matches: SearchMatches | null, offset = 0): void {
	let at = 0;
	for (const [start, end] of matches ?? []) {
		const from = start - offset;
		const to = end - offset;
		if (from < at || to > text.length) continue;
		if (from > at) el.appendText(text.slice(at, from));
		el.createSpan({ cls: "suggestion-highlight", text: text.slice(from, to) });
		at = to;
	}
	if (at < text.length) el.appendText(text.slice(at));
}

export function renderResults(el: HTMLElement, text: string, result: SearchResult, offset?: number): void {
	renderMatches(el, text, result.matches, offset);
}

// ---- notices ----------------------------------------------------------------------------------------------------

export interface NoticeRecord {
	/** The message now shown (after any `setMessage`). */
	message: string;
	/** Every message the notice showed, first to last. */
	history: string[];
	duration: number | undefined;
	hidden: boolean;
	notice: Notice;
}

const noticeLog: NoticeRecord[] = [];

/** Every notice created since the last `clearNotices()`, oldest first (harness.ts). */
export function noticeRecords(): NoticeRecord[] {
	return [...noticeLog];
}

export function clearNoticeRecords(): void {
	noticeLog.length = 0;
}

interface NoticeDom {
	container: HTMLElement;
	message: HTMLElement;
}

export class Notice {
	private readonly record: NoticeRecord;
	private readonly dom: NoticeDom | null;

	constructor(message: string | DocumentFragment, duration?: number) {
		this.record = { message: textOf(message), history: [textOf(message)], duration, hidden: false, notice: this };
		noticeLog.push(this.record);
		if (!hasDom()) {
			this.dom = null;
			return;
		}
		let host = activeDocument.body.find(":scope > .notice-container");
		if (host === null) host = activeDocument.body.createDiv({ cls: "notice-container" });
		const container = host.createDiv({ cls: "notice" });
		const messageEl = container.createDiv({ cls: "notice-message" });
		messageEl.setText(message);
		container.addEventListener("click", () => this.hide());
		this.dom = { container, message: messageEl };
		const timeout = duration ?? 5000;
		if (timeout > 0) hostTimers().setTimeout(() => this.hide(), timeout);
	}

	/** @deprecated Obsidian's alias of `messageEl`. */
	get noticeEl(): HTMLElement {
		return this.messageEl;
	}

	get containerEl(): HTMLElement {
		return this.requireDom().container;
	}

	get messageEl(): HTMLElement {
		return this.requireDom().message;
	}

	setMessage(message: string | DocumentFragment): this {
		this.record.message = textOf(message);
		this.record.history.push(this.record.message);
		this.dom?.message.setText(message);
		return this;
	}

	hide(): void {
		this.record.hidden = true;
		this.dom?.container.detach();
	}

	private requireDom(): NoticeDom {
		if (this.dom === null) {
			requireDom("Notice elements");
			throw new Error("obsidian fake: this notice was created without a DOM");
		}
		return this.dom;
	}
}

// ---- menus ------------------------------------------------------------------------------------------------------

export class MenuItem {
	private title = "";
	private icon: IconName | null = null;
	private checked: boolean | null = null;
	private disabled = false;
	private isLabel = false;
	private section = "";
	private callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

	setTitle(title: string | DocumentFragment): this {
		this.title = textOf(title);
		return this;
	}

	setIcon(icon: IconName | null): this {
		this.icon = icon;
		return this;
	}

	setChecked(checked: boolean | null): this {
		this.checked = checked;
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}

	setIsLabel(isLabel: boolean): this {
		this.isLabel = isLabel;
		return this;
	}

	onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.callback = callback;
		return this;
	}

	setSection(section: string): this {
		this.section = section;
		return this;
	}
}

export class MenuSeparator {}

const shownMenuList: Menu[] = [];

/** Menus now shown (harness.ts). */
export function shownMenus(): Menu[] {
	return [...shownMenuList];
}

export class Menu extends Component {
	private readonly items: (MenuItem | MenuSeparator)[] = [];
	private readonly hideCallbacks: (() => unknown)[] = [];
	private element: HTMLElement | null = null;

	constructor() {
		super();
	}

	setNoIcon(): this {
		return this;
	}

	setUseNativeMenu(useNativeMenu: boolean): this {
		return this;
	}

	addItem(cb: (item: MenuItem) => unknown): this {
		const item = new MenuItem();
		this.items.push(item);
		cb(item);
		return this;
	}

	addSeparator(): this {
		this.items.push(new MenuSeparator());
		return this;
	}

	showAtMouseEvent(evt: MouseEvent): this {
		return this.showAtPosition({ x: evt.clientX, y: evt.clientY });
	}

	showAtPosition(position: MenuPositionDef, doc?: Document): this {
		const target = doc ?? requireDom("Menu");
		this.hide();
		const menuEl = target.body.createDiv({ cls: "menu" });
		menuEl.setCssProps({ "--fake-menu-x": `${position.x}px`, "--fake-menu-y": `${position.y}px` });
		for (const item of this.items) {
			if (item instanceof MenuSeparator) {
				menuEl.createDiv({ cls: "menu-separator" });
				continue;
			}
			const itemEl = menuEl.createDiv({ cls: "menu-item" });
			itemEl.toggleClass("is-disabled", item["disabled"]);
			itemEl.toggleClass("is-label", item["isLabel"]);
			const iconEl = itemEl.createDiv({ cls: "menu-item-icon" });
			if (item["icon"] !== null) setIcon(iconEl, item["icon"]);
			itemEl.createDiv({ cls: "menu-item-title", text: item["title"] });
			if (item["checked"] === true) itemEl.addClass("mod-checked");
			itemEl.addEventListener("click", (evt) => this.activate(item, evt));
		}
		this.element = menuEl;
		shownMenuList.push(this);
		this.load();
		return this;
	}

	hide(): this {
		if (this.element === null) return this;
		this.element.detach();
		this.element = null;
		const at = shownMenuList.indexOf(this);
		if (at !== -1) shownMenuList.splice(at, 1);
		this.unload();
		for (const callback of this.hideCallbacks) callback();
		return this;
	}

	close(): void {
		this.hide();
	}

	onHide(callback: () => unknown): void {
		this.hideCallbacks.push(callback);
	}

	private activate(item: MenuItem, evt: MouseEvent | KeyboardEvent): void {
		if (item["disabled"] || item["isLabel"]) return;
		item["callback"]?.(evt);
		this.hide();
	}
}

/** The titles of a menu's items, and a click on one by title, without a DOM (harness.ts). */
export function menuItemTitles(menu: Menu): string[] {
	return menu["items"].filter((item): item is MenuItem => item instanceof MenuItem).map((item) => item["title"]);
}

export function clickMenuItemByTitle(menu: Menu, title: string, evt: MouseEvent | KeyboardEvent): void {
	const item = menu["items"].find((candidate): candidate is MenuItem => candidate instanceof MenuItem && candidate["title"] === title);
	if (item === undefined) throw new Error(`obsidian fake: no menu item titled "${title}" (have: ${menuItemTitles(menu).join(", ")})`);
	menu["activate"](item, evt);
}

// ---- suggestions ------------------------------------------------------------------------------------------------

export abstract class PopoverSuggest<T> {
	app: App;
	scope: Scope;
	private element: HTMLElement | null = null;

	constructor(app: App, scope?: Scope) {
		this.app = app;
		this.scope = scope ?? new Scope();
	}

	open(): void {
		if (this.element !== null) return;
		this.element = requireDom("suggestions").body.createDiv({ cls: "suggestion-container" });
		this.element.createDiv({ cls: "suggestion" });
		this.app.keymap.pushScope(this.scope);
	}

	close(): void {
		if (this.element === null) return;
		this.element.detach();
		this.element = null;
		this.app.keymap.popScope(this.scope);
	}

	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class AbstractInputSuggest<T> extends PopoverSuggest<T> {
	limit = 100;
	private readonly textInputEl: HTMLInputElement | HTMLDivElement;
	private selectCallback: ((value: T, evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

	constructor(app: App, textInputEl: HTMLInputElement | HTMLDivElement) {
		super(app);
		this.textInputEl = textInputEl;
		const update = (): void => this.update();
		textInputEl.addEventListener("input", update);
		textInputEl.addEventListener("focus", update);
	}

	setValue(value: string): void {
		if (this.textInputEl instanceof HTMLInputElement) this.textInputEl.value = value;
		else this.textInputEl.setText(value);
	}

	getValue(): string {
		return this.textInputEl instanceof HTMLInputElement ? this.textInputEl.value : this.textInputEl.getText();
	}

	protected abstract getSuggestions(query: string): T[] | Promise<T[]>;

	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		this.selectCallback?.(value, evt);
		this.close();
	}

	onSelect(callback: (value: T, evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.selectCallback = callback;
		return this;
	}

	private update(): void {
		const query = this.getValue();
		trackUi(
			Promise.resolve(this.getSuggestions(query)).then((suggestions) => {
				if (this.getValue() !== query) return;
				if (suggestions.length === 0) {
					this.close();
					return;
				}
				this.open();
				const list = this["element"]?.find(".suggestion");
				if (list === undefined || list === null) return;
				list.empty();
				for (const value of suggestions.slice(0, this.limit)) {
					const el = list.createDiv({ cls: "suggestion-item" });
					this.renderSuggestion(value, el);
					el.addEventListener("click", (evt) => this.selectSuggestion(value, evt));
				}
			}),
		);
	}
}
