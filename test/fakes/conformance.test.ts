/**
 * Keeps the fake honest, checked by `tsc --noEmit` (vitest only runs the no-op assertions):
 * - every value the fake module exports exists in the real `obsidian` module, and every non-class export
 *   (functions, `Platform`, `apiVersion`) has a type assignable to the real one;
 * - for each fake class, every public member (instance side and static side) exists on the real class with a type
 *   assignable to the real member's type. Member types mention the fake's own classes (a fake `Vault` method
 *   returns a fake `TFile`), so before comparing, fake classes inside member types are mapped to their real
 *   counterparts, overload by overload.
 * A failure names the offending members in the type error: `Type '"member"' does not satisfy the constraint 'never'`.
 * (At type level "obsidian" is the real package: the vitest alias to the fake applies only at run time.)
 */
import type * as Real from "obsidian";
import { describe, expectTypeOf, it } from "vitest";
import type * as Fake from "./obsidian";

/** Fake classes and their real counterparts, most derived first (the first structural match wins). */
type Pairs = [
	[Fake.MarkdownView, Real.MarkdownView],
	[Fake.TextFileView, Real.TextFileView],
	[Fake.EditableFileView, Real.EditableFileView],
	[Fake.FileView, Real.FileView],
	[Fake.ItemView, Real.ItemView],
	[Fake.View, Real.View],
	[Fake.WorkspaceLeaf, Real.WorkspaceLeaf],
	[Fake.WorkspaceTabs, Real.WorkspaceTabs],
	[Fake.WorkspaceRoot, Real.WorkspaceRoot],
	[Fake.WorkspaceSidedock, Real.WorkspaceSidedock],
	[Fake.WorkspaceContainer, Real.WorkspaceContainer],
	[Fake.WorkspaceSplit, Real.WorkspaceSplit],
	[Fake.WorkspaceParent, Real.WorkspaceParent],
	[Fake.WorkspaceItem, Real.WorkspaceItem],
	[Fake.Workspace, Real.Workspace],
	[Fake.TFile, Real.TFile],
	[Fake.TFolder, Real.TFolder],
	[Fake.TAbstractFile, Real.TAbstractFile],
	[Fake.Vault, Real.Vault],
	[Fake.FileSystemAdapter, Real.FileSystemAdapter],
	[Fake.MetadataCache, Real.MetadataCache],
	[Fake.FileManager, Real.FileManager],
	[Fake.App, Real.App],
	[Fake.Plugin, Real.Plugin],
	[Fake.PluginSettingTab, Real.PluginSettingTab],
	[Fake.SettingTab, Real.SettingTab],
	[Fake.Setting, Real.Setting],
	[Fake.SearchComponent, Real.SearchComponent],
	[Fake.TextComponent, Real.TextComponent],
	[Fake.TextAreaComponent, Real.TextAreaComponent],
	[Fake.ToggleComponent, Real.ToggleComponent],
	[Fake.DropdownComponent, Real.DropdownComponent],
	[Fake.SliderComponent, Real.SliderComponent],
	[Fake.ProgressBarComponent, Real.ProgressBarComponent],
	[Fake.ButtonComponent, Real.ButtonComponent],
	[Fake.ExtraButtonComponent, Real.ExtraButtonComponent],
	[Fake.Modal, Real.Modal],
	[Fake.Notice, Real.Notice],
	[Fake.Menu, Real.Menu],
	[Fake.MenuItem, Real.MenuItem],
	[Fake.Editor, Real.Editor],
	[Fake.Keymap, Real.Keymap],
	[Fake.Scope, Real.Scope],
	[Fake.Component, Real.Component],
	[Fake.Events, Real.Events],
	[Fake.MarkdownFileInfo, Real.MarkdownFileInfo],
	[Fake.Command, Real.Command],
];

/** The generic classes, which keep their type argument. */
type LookupGeneric<T> =
	T extends Fake.FuzzySuggestModal<infer U>
		? Real.FuzzySuggestModal<U>
		: T extends Fake.SuggestModal<infer U>
			? Real.SuggestModal<U>
			: T extends Fake.AbstractInputSuggest<infer U>
				? Real.AbstractInputSuggest<U>
				: T extends Fake.PopoverSuggest<infer U>
					? Real.PopoverSuggest<U>
					: Lookup<T, Pairs>;

type Lookup<T, P> = P extends [[infer F, infer R], ...infer Rest] ? ([T] extends [F] ? R : Lookup<T, Rest>) : T;

/** A method type (bivariant parameters, as class members are compared). */
type Method<A extends unknown[], R> = { m(...args: A): R }["m"];

type MapArgs<A extends unknown[]> = { [K in keyof A]: ToReal<A[K]> };

type MapSignature<A, R> = A extends unknown[] ? Method<MapArgs<A>, ToReal<R>> : never;

/** Up to 16 overloads, rebuilt as an overloaded method with fake classes mapped to real ones. */
type MapFunction<T> = T extends {
	(...a: infer A1): infer R1;
	(...a: infer A2): infer R2;
	(...a: infer A3): infer R3;
	(...a: infer A4): infer R4;
	(...a: infer A5): infer R5;
	(...a: infer A6): infer R6;
	(...a: infer A7): infer R7;
	(...a: infer A8): infer R8;
	(...a: infer A9): infer R9;
	(...a: infer A10): infer R10;
	(...a: infer A11): infer R11;
	(...a: infer A12): infer R12;
	(...a: infer A13): infer R13;
	(...a: infer A14): infer R14;
	(...a: infer A15): infer R15;
	(...a: infer A16): infer R16;
}
	? MapSignature<A1, R1> &
			MapSignature<A2, R2> &
			MapSignature<A3, R3> &
			MapSignature<A4, R4> &
			MapSignature<A5, R5> &
			MapSignature<A6, R6> &
			MapSignature<A7, R7> &
			MapSignature<A8, R8> &
			MapSignature<A9, R9> &
			MapSignature<A10, R10> &
			MapSignature<A11, R11> &
			MapSignature<A12, R12> &
			MapSignature<A13, R13> &
			MapSignature<A14, R14> &
			MapSignature<A15, R15> &
			MapSignature<A16, R16>
	: T;

type ToRealOne<T> = T extends abstract new (...args: infer A) => infer I ? abstract new (...args: MapArgs<A>) => ToReal<I> : T extends (...args: never[]) => unknown ? MapFunction<T> : T extends Promise<infer U> ? Promise<ToReal<U>> : T extends readonly (infer E)[] ? ToReal<E>[] : LookupGeneric<T>;

/** A type with the fake's classes replaced by the real ones (unions member by member). */
type ToReal<T> = T extends unknown ? ToRealOne<T> : never;

/**
 * Assignable as is, or once fake classes are mapped to real ones; for generic methods (`addChild<T extends
 * Component>`) both sides are compared with their type parameters erased to their constraints.
 */
type Conforms<F, R> = [F] extends [R] ? true : [ToReal<F>] extends [R] ? true : [ToReal<F>] extends [Erase<R>] ? true : false;

type Erase<R> = R extends (...args: never[]) => unknown ? MapFunction<R> : R;

/** The public members of `F` that the real `R` lacks or types differently (never when the fake is honest). */
type Dishonest<F, R> = { [K in keyof F]-?: K extends keyof R ? (Conforms<F[K], R[K]> extends true ? never : K) : K }[keyof F];

type Class = abstract new (...args: never[]) => unknown;

/** Module exports: every name must exist; non-class values must conform (classes are checked below). */
type DishonestExports = { [K in keyof typeof Fake]-?: K extends keyof typeof Real ? ((typeof Fake)[K] extends Class ? never : Conforms<(typeof Fake)[K], (typeof Real)[K]> extends true ? never : K) : K }[keyof typeof Fake];

/** Compiles only when `T` is never; otherwise the type error names the dishonest members. */
function honest<T extends never>(): T | undefined {
	return undefined;
}

describe("the obsidian fake conforms to obsidian.d.ts", () => {
	it("exports only real names, with real types", () => {
		honest<DishonestExports>();
	});

	it("declares only real members on its vault and file classes", () => {
		honest<Dishonest<Fake.Vault, Real.Vault>>();
		honest<Dishonest<typeof Fake.Vault, typeof Real.Vault>>();
		honest<Dishonest<Fake.TAbstractFile, Real.TAbstractFile>>();
		honest<Dishonest<Fake.TFile, Real.TFile>>();
		honest<Dishonest<Fake.TFolder, Real.TFolder>>();
		honest<Dishonest<Fake.FileSystemAdapter, Real.FileSystemAdapter>>();
		honest<Dishonest<typeof Fake.FileSystemAdapter, typeof Real.FileSystemAdapter>>();
		honest<Dishonest<Fake.MetadataCache, Real.MetadataCache>>();
		honest<Dishonest<Fake.FileManager, Real.FileManager>>();
	});

	it("declares only real members on app, plugin and component classes", () => {
		honest<Dishonest<Fake.App, Real.App>>();
		honest<Dishonest<Fake.Plugin, Real.Plugin>>();
		honest<Dishonest<Fake.Component, Real.Component>>();
		honest<Dishonest<Fake.Events, Real.Events>>();
		honest<Dishonest<Fake.Command, Real.Command>>();
		honest<Dishonest<Fake.Keymap, Real.Keymap>>();
		honest<Dishonest<typeof Fake.Keymap, typeof Real.Keymap>>();
		honest<Dishonest<Fake.Scope, Real.Scope>>();
	});

	it("declares only real members on the workspace classes", () => {
		honest<Dishonest<Fake.Workspace, Real.Workspace>>();
		honest<Dishonest<Fake.WorkspaceItem, Real.WorkspaceItem>>();
		honest<Dishonest<Fake.WorkspaceParent, Real.WorkspaceParent>>();
		honest<Dishonest<Fake.WorkspaceSplit, Real.WorkspaceSplit>>();
		honest<Dishonest<Fake.WorkspaceRoot, Real.WorkspaceRoot>>();
		honest<Dishonest<Fake.WorkspaceSidedock, Real.WorkspaceSidedock>>();
		honest<Dishonest<Fake.WorkspaceTabs, Real.WorkspaceTabs>>();
		honest<Dishonest<Fake.WorkspaceLeaf, Real.WorkspaceLeaf>>();
		honest<Dishonest<Fake.WorkspaceRibbon, Real.WorkspaceRibbon>>();
		honest<Dishonest<Fake.View, Real.View>>();
		honest<Dishonest<Fake.ItemView, Real.ItemView>>();
		honest<Dishonest<Fake.FileView, Real.FileView>>();
		honest<Dishonest<Fake.TextFileView, Real.TextFileView>>();
		honest<Dishonest<Fake.MarkdownView, Real.MarkdownView>>();
		honest<Dishonest<Fake.Editor, Real.Editor>>();
		honest<Dishonest<Fake.ViewState, Real.ViewState>>();
		honest<Dishonest<Fake.OpenViewState, Real.OpenViewState>>();
		honest<Dishonest<Fake.MarkdownFileInfo, Real.MarkdownFileInfo>>();
	});

	it("declares only real members on the UI classes", () => {
		honest<Dishonest<Fake.Modal, Real.Modal>>();
		honest<Dishonest<Fake.SuggestModal<string>, Real.SuggestModal<string>>>();
		honest<Dishonest<Fake.FuzzySuggestModal<string>, Real.FuzzySuggestModal<string>>>();
		honest<Dishonest<Fake.Notice, Real.Notice>>();
		honest<Dishonest<Fake.Setting, Real.Setting>>();
		honest<Dishonest<Fake.SettingTab, Real.SettingTab>>();
		honest<Dishonest<Fake.PluginSettingTab, Real.PluginSettingTab>>();
		honest<Dishonest<Fake.BaseComponent, Real.BaseComponent>>();
		honest<Dishonest<Fake.ValueComponent<string>, Real.ValueComponent<string>>>();
		honest<Dishonest<Fake.TextComponent, Real.TextComponent>>();
		honest<Dishonest<Fake.TextAreaComponent, Real.TextAreaComponent>>();
		honest<Dishonest<Fake.SearchComponent, Real.SearchComponent>>();
		honest<Dishonest<Fake.ToggleComponent, Real.ToggleComponent>>();
		honest<Dishonest<Fake.DropdownComponent, Real.DropdownComponent>>();
		honest<Dishonest<Fake.SliderComponent, Real.SliderComponent>>();
		honest<Dishonest<Fake.ProgressBarComponent, Real.ProgressBarComponent>>();
		honest<Dishonest<Fake.ButtonComponent, Real.ButtonComponent>>();
		honest<Dishonest<Fake.ExtraButtonComponent, Real.ExtraButtonComponent>>();
		honest<Dishonest<Fake.Menu, Real.Menu>>();
		honest<Dishonest<Fake.MenuItem, Real.MenuItem>>();
		honest<Dishonest<Fake.MenuSeparator, Real.MenuSeparator>>();
		honest<Dishonest<Fake.PopoverSuggest<string>, Real.PopoverSuggest<string>>>();
		honest<Dishonest<Fake.AbstractInputSuggest<string>, Real.AbstractInputSuggest<string>>>();
	});

	it("rejects a dishonest fake (the check itself works)", () => {
		class Invented {
			getFileByPath(path: string): string {
				return path;
			}

			inventedHelper(): void {}
		}
		expectTypeOf<Dishonest<Invented, Real.Vault>>().toEqualTypeOf<"getFileByPath" | "inventedHelper">();
	});
});
