/**
 * `Workspace`, its tree (`WorkspaceRoot`, `WorkspaceSidedock`, `WorkspaceTabs`, `WorkspaceLeaf`) and the views
 * (`View`, `ItemView`, `FileView`, `EditableFileView`, `TextFileView`, `MarkdownView`).
 *
 * Layout: the main area (`rootSplit`) and the two sidebars (`leftSplit`, `rightSplit`, expanded) hold tab groups
 * of leaves; each group shows one leaf, the others are hidden (`display: none`), and a collapsed sidebar is hidden.
 * A new leaf holds an "empty" view. Views get their DOM when a DOM is there (else on first use, which then throws):
 * `containerEl` is `div.workspace-leaf-content[data-type]` with two children, `div.view-header` and
 * `div.view-content` (= `contentEl`, for `ItemView`).
 *
 * Behaviour choices:
 * - `setViewState` with a new type closes the old view (`onClose`, then `unload`), creates the new one with the
 *   registered creator (an unknown type throws), `load()`s it, awaits `onOpen()`, then `setState(state)`; with
 *   `active: true` it makes the leaf active. Leaves are never deferred (`isDeferred` is false).
 * - `detach()` takes the leaf out at once and closes its view on a later microtask (`settled()` in harness.ts
 *   waits for it); the active leaf moves to the most recent remaining main-area leaf.
 * - `setActiveLeaf` fires `active-leaf-change(leaf)` and, when the leaf shows another file than the last one
 *   opened, `file-open(file)`. `getActiveFile()` is the active leaf's file, else the most recently active
 *   main-area file view's. `activeEditor` is the active leaf's Markdown view; while a sidebar leaf is active it
 *   stays on the last main-area Markdown view.
 * - `getLeaf(false)` reuses the most recent unpinned main-area leaf (or makes one); `true`/"tab"/"window" open a
 *   new tab (no pop-out windows here); "split" opens a new tab group. `getRightLeaf`/`getLeftLeaf` make a new leaf
 *   in the sidebar (a new group when `split`). `revealLeaf` expands its sidebar and shows its tab; it does not
 *   make it active.
 * - `openLinkText` opens the link's destination; an unresolved link creates the note (`linkpath.md` in
 *   `FileManager.getNewFileParent`), as clicking an unresolved link does.
 * - A Markdown view's text follows its file: vault changes reload it; editing it fires `editor-change` and
 *   requests a save (debounced 2 s, like Obsidian); `save()` writes at once. Deleting a file empties its leaves.
 * - `onLayoutReady` runs the callback at once when the layout is ready, else when `markLayoutReady` is called.
 */
import type { App } from "./app";
import { Component, Events, type EventRef } from "./events";
import { Editor, TextEditor } from "./editor";
import { hasDom, microtask, requireDom } from "./internal";
import type { Menu } from "./ui";
import type { IconName, OpenViewState, Side, SplitDirection, ViewState, ViewStateResult, WorkspaceWindowInitData } from "./types";
import { Scope, debounce, setIcon, type Debouncer, type PaneType } from "./util";
import { TAbstractFile, TFile, TFolder, storedText } from "./vault";

export interface MarkdownFileInfo {
	app: App;
	get file(): TFile | null;
	editor?: Editor;
	hoverPopover: null;
}

export type ViewCreator = (leaf: WorkspaceLeaf) => View;
export type Constructor<T> = abstract new (...args: never[]) => T;

// ---- views ------------------------------------------------------------------------------------------------------

interface ViewDom {
	container: HTMLElement;
	header: HTMLElement;
	title: HTMLElement;
	actions: HTMLElement;
	content: HTMLElement;
}

const viewDom = new WeakMap<View, ViewDom>();

function buildViewDom(view: View): ViewDom {
	const existing = viewDom.get(view);
	if (existing !== undefined) return existing;
	requireDom("a view's containerEl");
	const container = createDiv({ cls: "workspace-leaf-content" });
	const header = container.createDiv({ cls: "view-header" });
	const titleContainer = header.createDiv({ cls: "view-header-title-container" });
	const title = titleContainer.createDiv({ cls: "view-header-title" });
	const actions = header.createDiv({ cls: "view-actions" });
	const content = container.createDiv({ cls: "view-content" });
	const dom = { container, header, title, actions, content };
	viewDom.set(view, dom);
	return dom;
}

export abstract class View extends Component {
	app: App;
	icon: IconName = "";
	navigation = false;
	leaf: WorkspaceLeaf;
	scope: Scope | null = null;

	constructor(leaf: WorkspaceLeaf) {
		super();
		this.leaf = leaf;
		this.app = leaf["app"];
		if (hasDom()) buildViewDom(this);
	}

	get containerEl(): HTMLElement {
		return buildViewDom(this).container;
	}

	set containerEl(el: HTMLElement) {
		const dom = buildViewDom(this);
		viewDom.set(this, { ...dom, container: el });
	}

	protected async onOpen(): Promise<void> {}

	protected async onClose(): Promise<void> {}

	abstract getViewType(): string;

	getState(): Record<string, unknown> {
		return {};
	}

	async setState(state: unknown, result: ViewStateResult): Promise<void> {}

	getEphemeralState(): Record<string, unknown> {
		return {};
	}

	setEphemeralState(state: unknown): void {}

	getIcon(): IconName {
		return this.icon;
	}

	onResize(): void {}

	abstract getDisplayText(): string;

	onPaneMenu(menu: Menu, source: string): void {}
}

export abstract class ItemView extends View {
	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
	}

	get contentEl(): HTMLElement {
		return buildViewDom(this).content;
	}

	set contentEl(el: HTMLElement) {
		viewDom.set(this, { ...buildViewDom(this), content: el });
	}

	addAction(icon: IconName, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const action = buildViewDom(this).actions.createEl("a", { cls: ["clickable-icon", "view-action"], attr: { "aria-label": title } });
		setIcon(action, icon);
		action.addEventListener("click", callback);
		return action;
	}
}

class EmptyView extends ItemView {
	getViewType(): string {
		return "empty";
	}

	getDisplayText(): string {
		return "New tab";
	}
}

export abstract class FileView extends ItemView {
	allowNoFile = false;
	file: TFile | null = null;
	override navigation = true;

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
	}

	getDisplayText(): string {
		return this.file?.basename ?? "No file";
	}

	override onload(): void {}

	override getState(): Record<string, unknown> {
		return this.file === null ? {} : { file: this.file.path };
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const path = typeof state === "object" && state !== null && "file" in state ? state.file : undefined;
		if (typeof path !== "string") return;
		const file = this.app.vault.getFileByPath(path);
		if (file === null || file === this.file) return;
		if (this.file !== null) await this.onUnloadFile(this.file);
		this.file = file;
		await this.onLoadFile(file);
	}

	async onLoadFile(file: TFile): Promise<void> {}

	async onUnloadFile(file: TFile): Promise<void> {}

	async onRename(file: TFile): Promise<void> {}

	canAcceptExtension(extension: string): boolean {
		return false;
	}
}

export abstract class EditableFileView extends FileView {}

export abstract class TextFileView extends EditableFileView {
	data = "";
	requestSave: () => void;

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		const debounced = debounce(() => void this.save(), 2000, true);
		this.requestSave = () => {
			debounced();
		};
		this.register(() => debounced.cancel());
	}

	override async onUnloadFile(file: TFile): Promise<void> {
		await this.save();
	}

	override async onLoadFile(file: TFile): Promise<void> {
		const data = await this.app.vault.read(file);
		this.data = data;
		this.setViewData(data, true);
	}

	async save(clear?: boolean): Promise<void> {
		const file = this.file;
		if (file === null) return;
		const data = this.getViewData();
		if (data !== this.data && this.app.vault.getFileByPath(file.path) === file) {
			this.data = data;
			await this.app.vault.modify(file, data);
		}
		if (clear === true) this.clear();
	}

	abstract getViewData(): string;
	abstract setViewData(data: string, clear: boolean): void;
	abstract clear(): void;

	/** The file changed in the vault (workspace hook): show the new text unless it is what the view holds. */
	private syncFromVault(text: string): void {
		if (text === this.data) return;
		this.data = text;
		this.setViewData(text, false);
	}
}

export class MarkdownView extends TextFileView implements MarkdownFileInfo {
	editor: Editor;
	hoverPopover: null = null;

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.editor = new TextEditor(() => {
			this.app.workspace.trigger("editor-change", this.editor, this);
			this.requestSave();
		});
	}

	getViewType(): string {
		return "markdown";
	}

	getMode(): "source" | "preview" {
		return "source";
	}

	getViewData(): string {
		return this.editor.getValue();
	}

	clear(): void {
		this.textEditor().load("");
	}

	setViewData(data: string, clear: boolean): void {
		const editor = this.textEditor();
		const selections = editor.listSelections();
		editor.load(data);
		if (!clear) editor.setSelections(selections);
	}

	showSearch(replace?: boolean): void {}

	override canAcceptExtension(extension: string): boolean {
		return extension === "md";
	}

	private textEditor(): TextEditor {
		if (!(this.editor instanceof TextEditor)) throw new Error("obsidian fake: MarkdownView.editor was replaced");
		return this.editor;
	}
}

// ---- the tree ---------------------------------------------------------------------------------------------------

export abstract class WorkspaceItem extends Events {
	abstract parent: WorkspaceParent;

	getRoot(): WorkspaceItem {
		return this.hasParent() ? this.parent.getRoot() : this;
	}

	getContainer(): WorkspaceContainer {
		const root = this.getRoot();
		if (root instanceof WorkspaceContainer) return root;
		throw new Error("obsidian fake: item is not in the workspace");
	}

	private hasParent(): boolean {
		return (this as { parent?: WorkspaceParent }).parent !== undefined;
	}
}

export abstract class WorkspaceParent extends WorkspaceItem {
	private readonly items: WorkspaceItem[] = [];
	private element: HTMLElement | null = null;
}

function childrenOf(parent: WorkspaceParent): WorkspaceItem[] {
	return parent["items"];
}

export class WorkspaceSplit extends WorkspaceParent {
	parent!: WorkspaceParent;
}

export abstract class WorkspaceContainer extends WorkspaceSplit {
	abstract win: Window;
	abstract doc: Document;
}

export class WorkspaceRoot extends WorkspaceContainer {
	get win(): Window {
		requireDom("WorkspaceRoot.win");
		return window;
	}

	get doc(): Document {
		return requireDom("WorkspaceRoot.doc");
	}
}

export class WorkspaceSidedock extends WorkspaceSplit {
	collapsed = false;

	toggle(): void {
		if (this.collapsed) this.expand();
		else this.collapse();
	}

	collapse(): void {
		this.collapsed = true;
		refreshVisibility(this);
	}

	expand(): void {
		this.collapsed = false;
		refreshVisibility(this);
	}
}

export class WorkspaceTabs extends WorkspaceParent {
	parent!: WorkspaceSplit;
	private current = 0;
}

export class WorkspaceRibbon {}

function elementOf(parent: WorkspaceParent): HTMLElement | null {
	return parent["element"];
}

function refreshVisibility(split: WorkspaceSplit): void {
	const el = elementOf(split);
	if (el !== null && split instanceof WorkspaceSidedock) el.toggle(!split.collapsed);
}

function showTab(tabs: WorkspaceTabs, leaf: WorkspaceLeaf): void {
	const items = childrenOf(tabs);
	const index = items.indexOf(leaf);
	if (index === -1) return;
	tabs["current"] = index;
	for (const item of items) if (item instanceof WorkspaceLeaf) item["element"]?.toggle(item === leaf);
}

let nextLeafId = 1;

export class WorkspaceLeaf extends WorkspaceItem {
	parent!: WorkspaceTabs;
	view: View;

	private readonly app: App;
	private readonly id: string;
	private readonly element: HTMLElement | null;
	private pinned = false;
	private group: string | null = null;
	private ephemeral: unknown = {};

	constructor(app: App) {
		super();
		this.app = app;
		this.id = (nextLeafId++).toString(16).padStart(16, "0");
		this.element = hasDom() ? createDiv({ cls: "workspace-leaf" }) : null;
		this.view = new EmptyView(this);
		this.mountView(this.view);
	}

	override on(name: "pinned-change", callback: (pinned: boolean) => unknown, ctx?: unknown): EventRef;
	override on(name: "group-change", callback: (group: string) => unknown, ctx?: unknown): EventRef;
	override on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef {
		return super.on(name, callback as (...data: unknown[]) => unknown, ctx);
	}

	async openFile(file: TFile, openState?: OpenViewState): Promise<void> {
		const type = this.app.workspace["viewTypeForExtension"](file.extension);
		await this.setViewState({ type, state: { ...openState?.state, file: file.path }, active: openState?.active }, openState?.eState);
	}

	async open(view: View): Promise<View> {
		await this.closeView();
		this.view = view;
		this.mountView(view);
		view.load();
		await view["onOpen"]();
		return view;
	}

	getViewState(): ViewState {
		return { type: this.view.getViewType(), state: this.view.getState(), pinned: this.pinned, active: this.app.workspace.activeLeaf === this };
	}

	async setViewState(viewState: ViewState, eState?: unknown): Promise<void> {
		const workspace = this.app.workspace;
		if (this.view.getViewType() !== viewState.type) {
			const creator = workspace["creatorFor"](viewState.type);
			await this.open(creator(this));
		}
		await this.view.setState(viewState.state ?? {}, { history: false });
		if (eState !== undefined) this.view.setEphemeralState(eState);
		if (viewState.pinned !== undefined) this.setPinned(viewState.pinned);
		if (viewState.active === true) workspace.setActiveLeaf(this, { focus: true });
		else if (workspace.activeLeaf === this) workspace["announce"](this);
		workspace.trigger("layout-change");
	}

	get isDeferred(): boolean {
		return false;
	}

	async loadIfDeferred(): Promise<void> {}

	getEphemeralState(): unknown {
		return { ...this.view.getEphemeralState(), ...(this.ephemeral as object) };
	}

	setEphemeralState(state: unknown): void {
		this.ephemeral = state;
		this.view.setEphemeralState(state);
	}

	togglePinned(): void {
		this.setPinned(!this.pinned);
	}

	setPinned(pinned: boolean): void {
		if (this.pinned === pinned) return;
		this.pinned = pinned;
		this.trigger("pinned-change", pinned);
	}

	setGroupMember(other: WorkspaceLeaf): void {
		const group = other.group ?? other.id;
		other.setGroup(group);
		this.setGroup(group);
	}

	setGroup(group: string): void {
		this.group = group;
		this.trigger("group-change", group);
	}

	detach(): void {
		this.app.workspace["removeLeaf"](this);
		const closing = this.closeView();
		this.app.workspace["track"](closing);
	}

	getIcon(): IconName {
		return this.view.getIcon();
	}

	getDisplayText(): string {
		return this.view.getDisplayText();
	}

	onResize(): void {
		this.view.onResize();
	}

	override getContainer(): WorkspaceContainer {
		const root = this.getRoot();
		return root instanceof WorkspaceContainer ? root : this.app.workspace.rootSplit;
	}

	private mountView(view: View): void {
		if (this.element === null) return;
		const container = view.containerEl;
		container.setAttr("data-type", view.getViewType());
		viewDom.get(view)?.title.setText(view.getDisplayText());
		this.element.empty();
		this.element.appendChild(container);
	}

	private async closeView(): Promise<void> {
		const view = this.view;
		if (view instanceof FileView && view.file !== null) {
			const file = view.file;
			await view.onUnloadFile(file);
		}
		await view["onClose"]();
		view.unload();
		viewDom.get(view)?.container.detach();
	}
}

// ---- the workspace ----------------------------------------------------------------------------------------------

export class Workspace extends Events {
	leftSplit: WorkspaceSidedock;
	rightSplit: WorkspaceSidedock;
	leftRibbon = new WorkspaceRibbon();
	rightRibbon = new WorkspaceRibbon();
	rootSplit: WorkspaceRoot;
	activeLeaf: WorkspaceLeaf | null = null;
	layoutReady: boolean;
	requestSaveLayout: Debouncer<[], Promise<void>> = debounce(async () => undefined, 2000);
	activeEditor: MarkdownFileInfo | null = null;

	private readonly app: App;
	private element: HTMLElement | null = null;
	private readonly layoutCallbacks: (() => unknown)[] = [];
	/** Main-area leaves, most recently active last. */
	private readonly recent: WorkspaceLeaf[] = [];
	private lastFileOpened: TFile | null = null;
	private readonly lastOpenFiles: string[] = [];
	private readonly closing = new Set<Promise<void>>();

	constructor(app: App, layoutReady: boolean) {
		super();
		this.app = app;
		this.layoutReady = layoutReady;
		this.rootSplit = new WorkspaceRoot();
		this.leftSplit = new WorkspaceSidedock();
		this.rightSplit = new WorkspaceSidedock();
		// Like Obsidian, each split is a root of its own: `leaf.getRoot() === workspace.rightSplit` for a sidebar leaf.
	}

	get containerEl(): HTMLElement {
		if (this.element !== null) return this.element;
		requireDom("Workspace.containerEl");
		const el = createDiv({ cls: "workspace" });
		for (const [split, cls] of [
			[this.leftSplit, "mod-left-split"],
			[this.rootSplit, "mod-root"],
			[this.rightSplit, "mod-right-split"],
		] as const) {
			const splitEl = el.createDiv({ cls: ["workspace-split", cls] });
			split["element"] = splitEl;
			for (const tabs of childrenOf(split)) if (tabs instanceof WorkspaceTabs) this.mountTabs(tabs);
			refreshVisibility(split);
		}
		this.element = el;
		return el;
	}

	override on(name: "quick-preview", callback: (file: TFile, data: string) => unknown, ctx?: unknown): EventRef;
	override on(name: "resize", callback: () => unknown, ctx?: unknown): EventRef;
	override on(name: "active-leaf-change", callback: (leaf: WorkspaceLeaf | null) => unknown, ctx?: unknown): EventRef;
	override on(name: "file-open", callback: (file: TFile | null) => unknown, ctx?: unknown): EventRef;
	override on(name: "layout-change", callback: () => unknown, ctx?: unknown): EventRef;
	override on(name: "window-open", callback: (win: unknown, window: Window) => unknown, ctx?: unknown): EventRef;
	override on(name: "window-close", callback: (win: unknown, window: Window) => unknown, ctx?: unknown): EventRef;
	override on(name: "css-change", callback: () => unknown, ctx?: unknown): EventRef;
	override on(name: "file-menu", callback: (menu: Menu, file: TAbstractFile, source: string, leaf?: WorkspaceLeaf) => unknown, ctx?: unknown): EventRef;
	override on(name: "files-menu", callback: (menu: Menu, files: TAbstractFile[], source: string, leaf?: WorkspaceLeaf) => unknown, ctx?: unknown): EventRef;
	override on(name: "url-menu", callback: (menu: Menu, url: string) => unknown, ctx?: unknown): EventRef;
	override on(name: "editor-menu", callback: (menu: Menu, editor: Editor, info: MarkdownView | MarkdownFileInfo) => unknown, ctx?: unknown): EventRef;
	override on(name: "editor-change", callback: (editor: Editor, info: MarkdownView | MarkdownFileInfo) => unknown, ctx?: unknown): EventRef;
	override on(name: "editor-paste", callback: (evt: ClipboardEvent, editor: Editor, info: MarkdownView | MarkdownFileInfo) => unknown, ctx?: unknown): EventRef;
	override on(name: "editor-drop", callback: (evt: DragEvent, editor: Editor, info: MarkdownView | MarkdownFileInfo) => unknown, ctx?: unknown): EventRef;
	override on(name: "quit", callback: (tasks: unknown) => unknown, ctx?: unknown): EventRef;
	override on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef {
		return super.on(name, callback as (...data: unknown[]) => unknown, ctx);
	}

	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) callback();
		else this.layoutCallbacks.push(callback);
	}

	async changeLayout(workspace: unknown): Promise<void> {
		await microtask();
	}

	getLayout(): Record<string, unknown> {
		const describe = (split: WorkspaceSplit): unknown => childrenOf(split).map((tabs) => childrenOf(tabs as WorkspaceParent).map((leaf) => (leaf as WorkspaceLeaf).getViewState()));
		return { main: describe(this.rootSplit), left: describe(this.leftSplit), right: describe(this.rightSplit), active: this.activeLeaf?.["id"] ?? null };
	}

	createLeafInParent(parent: WorkspaceSplit, index: number): WorkspaceLeaf {
		const tabs = this.newTabs(parent, index);
		return this.addLeaf(tabs);
	}

	createLeafBySplit(leaf: WorkspaceLeaf, direction?: SplitDirection, before?: boolean): WorkspaceLeaf {
		const split = leaf.parent.parent;
		const index = childrenOf(split).indexOf(leaf.parent);
		return this.createLeafInParent(split, before === true ? index : index + 1);
	}

	splitActiveLeaf(direction?: SplitDirection): WorkspaceLeaf {
		return this.createLeafBySplit(this.activeLeaf ?? this.getLeaf(false), direction);
	}

	async duplicateLeaf(leaf: WorkspaceLeaf, leafType?: PaneType | boolean | SplitDirection, direction?: SplitDirection): Promise<WorkspaceLeaf> {
		const copy = leafType === "split" || leafType === "vertical" || leafType === "horizontal" ? this.createLeafBySplit(leaf) : this.addLeaf(leaf.parent);
		await copy.setViewState({ ...leaf.getViewState(), active: false });
		return copy;
	}

	getUnpinnedLeaf(): WorkspaceLeaf {
		return this.getLeaf(false);
	}

	getLeaf(newLeaf?: PaneType | boolean, direction?: SplitDirection): WorkspaceLeaf {
		if (newLeaf === "split") return this.createLeafInParent(this.rootSplit, childrenOf(this.rootSplit).length);
		const recent = this.getMostRecentLeaf();
		if ((newLeaf === undefined || newLeaf === false) && recent !== null && !recent["pinned"]) return recent;
		const tabs = recent?.parent ?? this.firstTabs(this.rootSplit);
		return this.addLeaf(tabs);
	}

	moveLeafToPopout(leaf: WorkspaceLeaf, data?: WorkspaceWindowInitData): never {
		throw new Error("obsidian fake: pop-out windows are not supported");
	}

	openPopoutLeaf(data?: WorkspaceWindowInitData): WorkspaceLeaf {
		return this.getLeaf("tab");
	}

	async openLinkText(linktext: string, sourcePath: string, newLeaf?: PaneType | boolean, openViewState?: OpenViewState): Promise<void> {
		const hash = linktext.indexOf("#");
		const linkpath = hash === -1 ? linktext : linktext.slice(0, hash);
		let file = linkpath === "" ? this.app.vault.getFileByPath(sourcePath) : this.app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath);
		if (file === null) {
			const folder = this.app.fileManager.getNewFileParent(sourcePath, linkpath);
			const name = /\.[^/]+$/.test(linkpath) ? linkpath : `${linkpath}.md`;
			file = await this.app.vault.create(folder.isRoot() ? name : `${folder.path}/${name}`, "");
		}
		await this.getLeaf(newLeaf).openFile(file, { active: true, ...openViewState });
	}

	setActiveLeaf(leaf: WorkspaceLeaf, params?: { focus?: boolean } | boolean, focus?: boolean): void {
		const changed = this.activeLeaf !== leaf;
		this.activeLeaf = leaf;
		if (this.isMainLeaf(leaf)) {
			const at = this.recent.indexOf(leaf);
			if (at !== -1) this.recent.splice(at, 1);
			this.recent.push(leaf);
		}
		showTab(leaf.parent, leaf);
		if (changed) this.trigger("active-leaf-change", leaf);
		this.announce(leaf);
	}

	getLeafById(id: string): WorkspaceLeaf | null {
		return this.allLeaves().find((leaf) => leaf["id"] === id) ?? null;
	}

	getGroupLeaves(group: string): WorkspaceLeaf[] {
		return this.allLeaves().filter((leaf) => leaf["group"] === group);
	}

	getMostRecentLeaf(root?: WorkspaceParent): WorkspaceLeaf | null {
		const leaves = root === undefined ? this.recent : this.recent.filter((leaf) => leaf.getRoot() === root || leaf.parent.parent === root);
		return leaves[leaves.length - 1] ?? this.leavesIn(root ?? this.rootSplit)[0] ?? null;
	}

	getLeftLeaf(split: boolean): WorkspaceLeaf | null {
		return this.sideLeaf(this.leftSplit, split);
	}

	getRightLeaf(split: boolean): WorkspaceLeaf | null {
		return this.sideLeaf(this.rightSplit, split);
	}

	async ensureSideLeaf(type: string, side: Side, options?: { active?: boolean; split?: boolean; reveal?: boolean; state?: unknown }): Promise<WorkspaceLeaf> {
		const dock = side === "left" ? this.leftSplit : this.rightSplit;
		const existing = this.leavesIn(dock).find((leaf) => leaf.view.getViewType() === type);
		const leaf = existing ?? this.sideLeaf(dock, options?.split === true);
		if (existing === undefined) await leaf.setViewState({ type, state: options?.state as Record<string, unknown> | undefined, active: options?.active });
		else if (options?.active === true) this.setActiveLeaf(leaf);
		if (options?.reveal !== false) await this.revealLeaf(leaf);
		return leaf;
	}

	getActiveViewOfType<T extends View>(type: Constructor<T>): T | null {
		const view = this.activeLeaf?.view;
		return view instanceof type ? view : null;
	}

	getActiveFile(): TFile | null {
		const active = this.activeLeaf?.view;
		if (active instanceof FileView) return active.file;
		for (const leaf of [...this.recent].reverse()) if (leaf.view instanceof FileView && leaf.view.file !== null) return leaf.view.file;
		return null;
	}

	iterateRootLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
		for (const leaf of this.leavesIn(this.rootSplit)) callback(leaf);
	}

	iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
		for (const leaf of this.allLeaves()) callback(leaf);
	}

	getLeavesOfType(viewType: string): WorkspaceLeaf[] {
		return this.allLeaves().filter((leaf) => leaf.view.getViewType() === viewType);
	}

	detachLeavesOfType(viewType: string): void {
		for (const leaf of this.getLeavesOfType(viewType)) leaf.detach();
	}

	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		await microtask();
		const split = leaf.parent.parent;
		if (split instanceof WorkspaceSidedock && split.collapsed) split.expand();
		showTab(leaf.parent, leaf);
	}

	getLastOpenFiles(): string[] {
		return [...this.lastOpenFiles];
	}

	updateOptions(): void {}

	// ---- internals ----------------------------------------------------------------------------------------------

	private allLeaves(): WorkspaceLeaf[] {
		return [...this.leavesIn(this.leftSplit), ...this.leavesIn(this.rootSplit), ...this.leavesIn(this.rightSplit)];
	}

	private leavesIn(parent: WorkspaceParent): WorkspaceLeaf[] {
		const out: WorkspaceLeaf[] = [];
		for (const item of childrenOf(parent)) {
			if (item instanceof WorkspaceLeaf) out.push(item);
			else if (item instanceof WorkspaceParent && !(item instanceof WorkspaceRoot)) out.push(...this.leavesIn(item));
		}
		return out;
	}

	private isMainLeaf(leaf: WorkspaceLeaf): boolean {
		return leaf.parent.parent === this.rootSplit;
	}

	private firstTabs(split: WorkspaceSplit): WorkspaceTabs {
		const existing = childrenOf(split).find((item): item is WorkspaceTabs => item instanceof WorkspaceTabs);
		return existing ?? this.newTabs(split, childrenOf(split).length);
	}

	private newTabs(split: WorkspaceSplit, index: number): WorkspaceTabs {
		const tabs = new WorkspaceTabs();
		tabs.parent = split;
		childrenOf(split).splice(index, 0, tabs);
		this.mountTabs(tabs);
		return tabs;
	}

	private mountTabs(tabs: WorkspaceTabs): void {
		const splitEl = elementOf(tabs.parent);
		if (splitEl === null || elementOf(tabs) !== null) return;
		const tabsEl = createDiv({ cls: "workspace-tabs" });
		const siblings = childrenOf(tabs.parent);
		const next = siblings[siblings.indexOf(tabs) + 1];
		const nextEl = next instanceof WorkspaceParent ? elementOf(next) : null;
		splitEl.insertBefore(tabsEl, nextEl);
		tabs["element"] = tabsEl;
		for (const leaf of childrenOf(tabs)) if (leaf instanceof WorkspaceLeaf && leaf["element"] !== null) tabsEl.appendChild(leaf["element"]);
	}

	private addLeaf(tabs: WorkspaceTabs): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app);
		leaf.parent = tabs;
		childrenOf(tabs).push(leaf);
		const leafEl = leaf["element"];
		if (leafEl !== null) elementOf(tabs)?.appendChild(leafEl);
		showTab(tabs, leaf);
		this.trigger("layout-change");
		return leaf;
	}

	private sideLeaf(dock: WorkspaceSidedock, split: boolean): WorkspaceLeaf {
		const tabs = split ? this.newTabs(dock, childrenOf(dock).length) : this.firstTabs(dock);
		return this.addLeaf(tabs);
	}

	private removeLeaf(leaf: WorkspaceLeaf): void {
		const tabs = leaf.parent;
		const items = childrenOf(tabs);
		const index = items.indexOf(leaf);
		if (index === -1) return;
		items.splice(index, 1);
		leaf["element"]?.detach();
		const recentAt = this.recent.indexOf(leaf);
		if (recentAt !== -1) this.recent.splice(recentAt, 1);
		if (items.length === 0) {
			const siblings = childrenOf(tabs.parent);
			siblings.splice(siblings.indexOf(tabs), 1);
			elementOf(tabs)?.detach();
		} else {
			const next = items[Math.min(index, items.length - 1)];
			if (next instanceof WorkspaceLeaf) showTab(tabs, next);
		}
		if (this.activeLeaf === leaf) {
			this.activeLeaf = null;
			const fallback = this.recent[this.recent.length - 1];
			if (fallback !== undefined) this.setActiveLeaf(fallback);
			else this.trigger("active-leaf-change", null);
		}
		if (leaf.view instanceof MarkdownView && this.activeEditor === leaf.view) this.activeEditor = null;
		this.trigger("layout-change");
	}

	/** Active-editor bookkeeping and `file-open` for the active leaf. */
	private announce(leaf: WorkspaceLeaf): void {
		const view = leaf.view;
		if (view instanceof MarkdownView) this.activeEditor = view;
		else if (this.isMainLeaf(leaf)) this.activeEditor = null;
		if (view instanceof FileView && view.file !== this.lastFileOpened && (this.isMainLeaf(leaf) || view.file !== null)) {
			this.lastFileOpened = view.file;
			if (view.file !== null) {
				const at = this.lastOpenFiles.indexOf(view.file.path);
				if (at !== -1) this.lastOpenFiles.splice(at, 1);
				this.lastOpenFiles.unshift(view.file.path);
				this.lastOpenFiles.splice(10);
			}
			this.trigger("file-open", view.file);
		}
	}

	private viewTypeForExtension(extension: string): string {
		const registered = this.app["viewRegistry"].extensions.get(extension);
		if (registered !== undefined) return registered;
		if (extension === "md") return "markdown";
		throw new Error(`obsidian fake: no view for .${extension} files (register one with registerExtensions)`);
	}

	private creatorFor(type: string): ViewCreator {
		const registered = this.app["viewRegistry"].views.get(type);
		if (registered !== undefined) return registered;
		if (type === "markdown") return (leaf) => new MarkdownView(leaf);
		if (type === "empty") return (leaf) => new EmptyView(leaf);
		throw new Error(`obsidian fake: no view registered for type "${type}"`);
	}

	private track(promise: Promise<void>): void {
		this.closing.add(promise);
		void promise.finally(() => this.closing.delete(promise));
	}

	/** Resolves when no view is still closing. */
	private async whenClosed(): Promise<void> {
		while (this.closing.size > 0) await Promise.all([...this.closing]);
	}

	private markLayoutReady(): void {
		if (this.layoutReady) return;
		this.layoutReady = true;
		for (const callback of this.layoutCallbacks.splice(0)) callback();
		this.trigger("layout-change");
	}

	/** A plugin's view type went away: its leaves go back to empty views (Obsidian keeps the leaves). */
	private emptyLeavesOfType(type: string): void {
		for (const leaf of this.getLeavesOfType(type)) this.track(leaf.open(new EmptyView(leaf)).then(() => undefined));
	}

	// ---- fed by the vault (see app.ts) ------------------------------------------------------------------------

	private fileModified(file: TFile): void {
		const text = storedText(this.app.vault, file.path);
		if (text === null) return;
		for (const leaf of this.allLeaves()) {
			const view = leaf.view;
			if (view instanceof TextFileView && view.file === file) view["syncFromVault"](text);
		}
	}

	private fileRenamed(file: TAbstractFile, oldPath: string): void {
		if (!(file instanceof TFile)) return;
		for (const leaf of this.allLeaves()) {
			const view = leaf.view;
			if (view instanceof FileView && view.file === file) {
				viewDom.get(view)?.title.setText(view.getDisplayText());
				this.track(view.onRename(file));
			}
		}
		const at = this.lastOpenFiles.indexOf(oldPath);
		if (at !== -1) this.lastOpenFiles[at] = file.path;
	}

	private fileDeleted(file: TAbstractFile): void {
		for (const leaf of this.allLeaves()) {
			const view = leaf.view;
			if (view instanceof FileView && view.file !== null && (view.file === file || (file instanceof TFolder && view.file.path.startsWith(`${file.path}/`)))) {
				view.file = null;
				this.track(leaf.setViewState({ type: "empty" }));
			}
		}
	}
}
