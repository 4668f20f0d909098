/**
 * An in-memory fake of the `obsidian` module for tests (vitest.config.ts aliases `obsidian` here; the npm package
 * ships types only). It exports only names that exist in obsidian.d.ts, with the same signatures and, as far as a
 * fake can, the same behaviour: conformance.test.ts checks the shapes against the real declarations with `tsc`.
 * Test helpers (creating an app, seeding the vault, running commands, reading notices…) live in harness.ts, which
 * is not part of this module. Each file's header documents the behaviour it had to choose.
 *
 * The DOM parts need vitest's happy-dom environment (`// @vitest-environment happy-dom` at the top of a test
 * file); the vault, metadata cache, file manager, commands and notices' records work without a DOM.
 */
import "./dom";

export { App, Plugin } from "./app";
export type { Command } from "./app";
export { Editor } from "./editor";
export { Component, Events } from "./events";
export type { EventRef } from "./events";
export { FileManager } from "./filemanager";
export { requestUrl } from "./network";
export { MetadataCache } from "./metadata";
export {
	AbstractInputSuggest,
	AbstractTextComponent,
	BaseComponent,
	ButtonComponent,
	DropdownComponent,
	ExtraButtonComponent,
	FuzzySuggestModal,
	Menu,
	MenuItem,
	MenuSeparator,
	Modal,
	Notice,
	PluginSettingTab,
	PopoverSuggest,
	ProgressBarComponent,
	SearchComponent,
	Setting,
	SettingTab,
	SliderComponent,
	SuggestModal,
	TextAreaComponent,
	TextComponent,
	ToggleComponent,
	ValueComponent,
	renderMatches,
	renderResults,
} from "./ui";
export {
	Keymap,
	Platform,
	Scope,
	addIcon,
	apiVersion,
	arrayBufferToBase64,
	arrayBufferToHex,
	base64ToArrayBuffer,
	debounce,
	getAllTags,
	getFrontMatterInfo,
	getIcon,
	getIconIds,
	getLanguage,
	getLinkpath,
	hexToArrayBuffer,
	iterateCacheRefs,
	iterateRefs,
	normalizePath,
	parseFrontMatterAliases,
	parseFrontMatterEntry,
	parseFrontMatterStringArray,
	parseFrontMatterTags,
	parseLinktext,
	parseYaml,
	prepareFuzzySearch,
	prepareSimpleSearch,
	removeIcon,
	requireApiVersion,
	setIcon,
	setTooltip,
	sortSearchResults,
	stringifyYaml,
	stripHeading,
	stripHeadingForLink,
} from "./util";
export type { Debouncer, FrontMatterInfo, KeymapContext, KeymapEventHandler, KeymapEventListener, KeymapInfo, Modifier, PaneType } from "./util";
export { FileSystemAdapter, TAbstractFile, TFile, TFolder, Vault } from "./vault";
export type { DataAdapter } from "./vault";
export {
	EditableFileView,
	FileView,
	ItemView,
	MarkdownView,
	TextFileView,
	View,
	Workspace,
	WorkspaceContainer,
	WorkspaceItem,
	WorkspaceLeaf,
	WorkspaceParent,
	WorkspaceRibbon,
	WorkspaceRoot,
	WorkspaceSidedock,
	WorkspaceSplit,
	WorkspaceTabs,
} from "./workspace";
export type { Constructor, MarkdownFileInfo, ViewCreator } from "./workspace";
export type * from "./types";
