/**
 * `FileManager`, following the user preferences in `FakeAppSettings` (internal.ts):
 * - `processFrontMatter` is one `Vault.process` (one `modify`): it parses the front matter with `yaml` (a parse
 *   error rejects with yaml's `YAMLParseError`, like Obsidian's), hands the object to `fn`, and writes it back
 *   with `yaml` stringify between the original `---` lines; the rest of the file is kept byte for byte. A note
 *   without front matter gets one at the top, unless the object stays empty.
 * - `renameFile` renames through the vault and, with `alwaysUpdateLinks` (default on), rewrites the links and
 *   embeds that pointed at the file in every note whose cache lists them, and the wikilinks in properties
 *   (`frontmatterLinks`), in the properties' own text (one `process` per note), keeping each link's subpath and alias.
 * - `trashFile` follows `trashOption`: system trash (default), the vault's `.trash`, or delete.
 * - `generateMarkdownLink` writes `[[linktext#subpath|alias]]`, or `[alias](url-encoded path.md#subpath)` with
 *   `useMarkdownLinks`; a link to a non-Markdown file is an embed (`!`).
 */
import type { FakeAppSettings } from "./internal";
import type { MetadataCache } from "./metadata";
import type { DataWriteOptions, FrontmatterLinkCache, LinkCache } from "./types";
import { getFrontMatterInfo, normalizePath, parseLinktext, parseYaml, stringifyYaml } from "./util";
import { TAbstractFile, TFile, TFolder, Vault, parentPathOf } from "./vault";

export class FileManager {
	private readonly vault: Vault;
	private readonly metadataCache: MetadataCache;
	private readonly settings: () => FakeAppSettings;
	private readonly activePath: () => string;

	constructor(vault: Vault, metadataCache: MetadataCache, settings: () => FakeAppSettings, activePath: () => string) {
		this.vault = vault;
		this.metadataCache = metadataCache;
		this.settings = settings;
		this.activePath = activePath;
	}

	getNewFileParent(sourcePath: string, newFilePath?: string): TFolder {
		const settings = this.settings();
		const root = this.vault.getRoot();
		if (settings.newFileLocation === "current" && sourcePath !== "") {
			return this.vault.getFolderByPath(parentPathOf(sourcePath)) ?? root;
		}
		if (settings.newFileLocation === "folder") {
			return this.vault.getFolderByPath(normalizePath(settings.newFileFolderPath)) ?? root;
		}
		return root;
	}

	async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
		const updates = this.settings().alwaysUpdateLinks ? this.linksTo(file) : new Map<TFile, { link: LinkCache; target: TFile }[]>();
		const propertyUpdates = this.settings().alwaysUpdateLinks ? this.propertyLinksTo(file) : new Map<TFile, { link: FrontmatterLinkCache; target: TFile }[]>();
		await this.vault.rename(file, newPath);
		for (const source of new Set([...updates.keys(), ...propertyUpdates.keys()])) {
			const sourceFile = source === file ? file : this.vault.getFileByPath(source.path);
			if (!(sourceFile instanceof TFile)) continue;
			const replacements = (updates.get(source) ?? []).map(({ link, target }) => ({ link, text: this.rewrite(link, target, sourceFile.path) }));
			const propertyReplacements = (propertyUpdates.get(source) ?? []).map(({ link, target }) => ({ original: link.original, text: this.rewriteWikilink(link.original, link.link, target, sourceFile.path) }));
			await this.vault.process(sourceFile, (text) => {
				let out = text;
				for (const { link, text: replacement } of [...replacements].sort((a, b) => b.link.position.start.offset - a.link.position.start.offset)) {
					const { start, end } = link.position;
					if (out.slice(start.offset, end.offset) !== link.original) continue;
					out = out.slice(0, start.offset) + replacement + out.slice(end.offset);
				}
				// Links in properties (`catalogue: "[[Reading list]]"`) are updated too, in the properties' own text.
				if (propertyReplacements.length > 0) {
					const info = getFrontMatterInfo(out);
					if (info.exists) {
						let yaml = out.slice(info.from, info.to);
						for (const { original, text: replacement } of propertyReplacements) yaml = yaml.split(original).join(replacement);
						out = out.slice(0, info.from) + yaml + out.slice(info.to);
					}
				}
				return out;
			});
		}
	}

	async trashFile(file: TAbstractFile): Promise<void> {
		const option = this.settings().trashOption;
		return this.vault["discard"](file, option === "none" ? "delete" : option);
	}

	generateMarkdownLink(file: TFile, sourcePath: string, subpath?: string, alias?: string): string {
		const embed = file.extension === "md" ? "" : "!";
		const sub = subpath ?? "";
		if (!this.settings().useMarkdownLinks) {
			const linktext = this.metadataCache.fileToLinktext(file, sourcePath, true);
			return `${embed}[[${linktext}${sub}${alias !== undefined && alias !== "" ? `|${alias}` : ""}]]`;
		}
		const linktext = this.metadataCache.fileToLinktext(file, sourcePath, false);
		const text = alias !== undefined && alias !== "" ? alias : file.extension === "md" ? file.basename : "";
		return `${embed}[${text}](${encodeURI(linktext)}${encodeURI(sub)})`;
	}

	async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void, options?: DataWriteOptions): Promise<void> {
		await this.vault.process(
			file,
			(text) => {
				const info = getFrontMatterInfo(text);
				const parsed = info.exists ? parseYaml(info.frontmatter) : null;
				if (parsed !== null && parsed !== undefined && (typeof parsed !== "object" || Array.isArray(parsed))) {
					throw new Error("obsidian fake: the front matter is not a YAML mapping");
				}
				const frontmatter = (parsed ?? {}) as Record<string, unknown>;
				fn(frontmatter);
				const yaml = Object.keys(frontmatter).length === 0 ? "" : stringifyYaml(frontmatter);
				if (!info.exists) return yaml === "" ? text : `---\n${yaml}---\n${text}`;
				return text.slice(0, info.from) + yaml + text.slice(info.to);
			},
			options,
		);
	}

	async getAvailablePathForAttachment(filename: string, sourcePath?: string): Promise<string> {
		const source = sourcePath ?? this.activePath();
		const setting = this.settings().attachmentFolderPath;
		const sourceFolder = parentPathOf(source);
		let folder: string;
		if (setting === "/" || setting === "") folder = "/";
		else if (setting === "./" || setting === ".") folder = sourceFolder;
		else if (setting.startsWith("./")) folder = normalizePath(`${sourceFolder === "/" ? "" : sourceFolder}/${setting.slice(2)}`);
		else folder = normalizePath(setting);
		if (folder !== "/" && this.vault.getFolderByPath(folder) === null) await this.vault.createFolder(folder);
		const dot = filename.lastIndexOf(".");
		const stem = dot > 0 ? filename.slice(0, dot) : filename;
		const ext = dot > 0 ? filename.slice(dot) : "";
		const at = (name: string): string => (folder === "/" ? name : `${folder}/${name}`);
		let candidate = at(filename);
		for (let n = 1; this.vault.getAbstractFileByPath(candidate) !== null; n++) candidate = at(`${stem} ${n}${ext}`);
		return candidate;
	}

	/** For each note, its links and embeds that resolve to `file` (or into it, for a folder). */
	private linksTo(file: TAbstractFile): Map<TFile, { link: LinkCache; target: TFile }[]> {
		const targets = new Set<TFile>();
		if (file instanceof TFile) targets.add(file);
		else if (file instanceof TFolder) Vault.recurseChildren(file, (child) => child instanceof TFile && targets.add(child));
		const found = new Map<TFile, { link: LinkCache; target: TFile }[]>();
		for (const source of this.vault.getMarkdownFiles()) {
			const cache = this.metadataCache.getFileCache(source);
			for (const link of [...(cache?.links ?? []), ...(cache?.embeds ?? [])]) {
				const dest = this.metadataCache.getFirstLinkpathDest(parseLinktext(link.link).path, source.path);
				if (dest === null || !targets.has(dest)) continue;
				const list = found.get(source) ?? [];
				list.push({ link, target: dest });
				found.set(source, list);
			}
		}
		return found;
	}

	/** For each note, the links in its properties that resolve to `file` (or into it, for a folder). */
	private propertyLinksTo(file: TAbstractFile): Map<TFile, { link: FrontmatterLinkCache; target: TFile }[]> {
		const targets = new Set<TFile>();
		if (file instanceof TFile) targets.add(file);
		else if (file instanceof TFolder) Vault.recurseChildren(file, (child) => child instanceof TFile && targets.add(child));
		const found = new Map<TFile, { link: FrontmatterLinkCache; target: TFile }[]>();
		for (const source of this.vault.getMarkdownFiles()) {
			for (const link of this.metadataCache.getFileCache(source)?.frontmatterLinks ?? []) {
				const dest = this.metadataCache.getFirstLinkpathDest(parseLinktext(link.link).path, source.path);
				if (dest === null || !targets.has(dest)) continue;
				const list = found.get(source) ?? [];
				list.push({ link, target: dest });
				found.set(source, list);
			}
		}
		return found;
	}

	/** `[[old|alias]]` → `[[new|alias]]`, keeping the subpath and the alias. */
	private rewriteWikilink(original: string, linktext: string, target: TFile, sourcePath: string): string {
		const { subpath } = parseLinktext(linktext);
		const embed = original.startsWith("!") ? "!" : "";
		const inner = original.slice(embed.length + 2, -2);
		const bar = inner.search(/\\?\|/);
		const aliasPart = bar === -1 ? "" : inner.slice(bar);
		return `${embed}[[${this.metadataCache.fileToLinktext(target, sourcePath, true)}${subpath}${aliasPart}]]`;
	}

	private rewrite(link: LinkCache, target: TFile, sourcePath: string): string {
		const { subpath } = parseLinktext(link.link);
		const embed = link.original.startsWith("!") ? "!" : "";
		if (link.original.startsWith(`${embed}[[`)) {
			const inner = link.original.slice(embed.length + 2, -2);
			const bar = inner.search(/\\?\|/);
			const aliasPart = bar === -1 ? "" : inner.slice(bar);
			return `${embed}[[${this.metadataCache.fileToLinktext(target, sourcePath, true)}${subpath}${aliasPart}]]`;
		}
		const text = /^!?\[([^\]]*)\]/.exec(link.original)?.[1] ?? "";
		return `${embed}[${text}](${encodeURI(this.metadataCache.fileToLinktext(target, sourcePath, false))}${encodeURI(subpath)})`;
	}
}
