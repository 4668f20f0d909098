/**
 * The sync's `NoteVault` over a vault folder on disk, for the CLI and tests.
 *
 * Writes are atomic: a note is written to a temporary file beside it and then
 * hard-linked into place, which fails if anything appeared there meanwhile, so
 * a crash never leaves half a note and an existing note is never replaced. A
 * catalogue edit is written to a temporary file and renamed over the original
 * only if the original did not change while we worked.
 */
import { randomBytes } from "node:crypto";
import { link, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { noteWithProperties, readProperties, splitFrontMatter } from "../notes/front-matter";
import { setPropertiesInText } from "../notes/front-matter-edit";
import { baseName, normalizeVaultPath, parentFolder } from "../notes/vault-path";
import { type ExistingNote, existingNote, type NoteVault, type PathKind } from "../sync/vault";
import type { NotePropertyStore } from "../details/note-properties";
import { decodeVaultText, readVaultText, resolveInVault, VaultError } from "./fs-vault";

const BOM = "\uFEFF";

function errnoCode(error: unknown): string | undefined {
	return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

function temporaryPath(filePath: string): string {
	return path.join(path.dirname(filePath), `.${path.basename(filePath)}.${randomBytes(6).toString("hex")}.tmp`);
}

export class FileSystemVault implements NoteVault, NotePropertyStore {
	private basenameIndex: Map<string, string[]> | null = null;

	constructor(readonly vaultDir: string) {}

	private diskPath(vaultPath: string): string {
		return resolveInVault(this.vaultDir, normalizeVaultPath(vaultPath));
	}

	async kind(vaultPath: string): Promise<PathKind | null> {
		try {
			const stats = await stat(this.diskPath(vaultPath));
			return stats.isDirectory() ? "folder" : "file";
		} catch (error) {
			if (error instanceof VaultError) throw error;
			const code = errnoCode(error);
			if (code === "ENOENT" || code === "ENOTDIR") return null;
			throw error;
		}
	}

	read(vaultPath: string): Promise<string> {
		return readVaultText(this.vaultDir, normalizeVaultPath(vaultPath));
	}

	/** Every markdown file below `folder`, skipping hidden folders such as the config and trash folders. */
	private async markdownFiles(folder: string): Promise<string[]> {
		const files: string[] = [];
		const walk = async (vaultFolder: string): Promise<void> => {
			let entries;
			try {
				entries = await readdir(vaultFolder === "" ? path.resolve(this.vaultDir) : this.diskPath(vaultFolder), { withFileTypes: true });
			} catch (error) {
				const code = errnoCode(error);
				if (code === "ENOENT" || code === "ENOTDIR") return;
				throw error;
			}
			for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
				if (entry.name.startsWith(".")) continue;
				const child = vaultFolder === "" ? entry.name : `${vaultFolder}/${entry.name}`;
				if (entry.isDirectory()) await walk(child);
				else if (entry.isFile() && /\.md$/i.test(entry.name)) files.push(child);
			}
		};
		await walk(normalizeVaultPath(folder) === "/" ? "" : normalizeVaultPath(folder));
		return files;
	}

	async notesIn(folder: string): Promise<ExistingNote[]> {
		const notes: ExistingNote[] = [];
		for (const notePath of await this.markdownFiles(folder)) notes.push(await this.identity(notePath));
		return notes;
	}

	async noteAt(path: string): Promise<ExistingNote | null> {
		const normalized = normalizeVaultPath(path);
		return (await this.kind(normalized)) === "file" ? this.identity(normalized) : null;
	}

	private async identity(notePath: string): Promise<ExistingNote> {
		try {
			return existingNote(notePath, readProperties(await this.read(notePath)));
		} catch {
			// A note we cannot read as text has no usable properties; it still takes its name.
			return { path: notePath };
		}
	}

	/** Like Obsidian: a path from the vault root, then relative to the source note, then any note with that name. */
	async resolveLink(target: string, sourcePath: string): Promise<string | null> {
		const withExtension = /\.md$/i.test(target) ? target : `${target}.md`;
		const candidates = [normalizeVaultPath(withExtension), normalizeVaultPath(`${parentFolder(sourcePath)}/${withExtension}`)];
		for (const candidate of candidates) {
			try {
				if ((await this.kind(candidate)) === "file") return candidate;
			} catch {
				// A target that leaves the vault resolves to nothing.
			}
		}
		if (target.includes("/")) return null;
		if (!this.basenameIndex) {
			this.basenameIndex = new Map();
			for (const file of await this.markdownFiles("")) {
				const key = baseName(file).toLowerCase();
				this.basenameIndex.set(key, [...(this.basenameIndex.get(key) ?? []), file]);
			}
		}
		const matches = this.basenameIndex.get(baseName(target).toLowerCase()) ?? [];
		return [...matches].sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b))[0] ?? null;
	}

	async createFolder(vaultPath: string): Promise<void> {
		await mkdir(this.diskPath(vaultPath));
	}

	async create(vaultPath: string, content: string): Promise<void> {
		const filePath = this.diskPath(vaultPath);
		const temporary = temporaryPath(filePath);
		await writeFile(temporary, content, { flag: "wx" });
		try {
			// link() refuses to replace an existing file: an existing note can never be overwritten.
			await link(temporary, filePath);
		} catch (error) {
			if (errnoCode(error) === "EEXIST") throw new VaultError("already-exists", `${vaultPath} already exists`, vaultPath, { cause: error });
			const code = errnoCode(error);
			// Some file systems (FAT, some network shares) have no hard links: fall back to an exclusive create.
			if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
			await writeFile(filePath, content, { flag: "wx" });
		} finally {
			await unlink(temporary).catch(() => undefined);
		}
		this.basenameIndex = null;
	}

	async process(vaultPath: string, edit: (text: string) => string): Promise<string> {
		const filePath = this.diskPath(vaultPath);
		const before = await readFile(filePath);
		const raw = decodeVaultText(before, vaultPath);
		const hadBom = before[0] === 0xef && before[1] === 0xbb && before[2] === 0xbf;
		const next = edit(raw);
		if (next === raw) return raw;
		const temporary = temporaryPath(filePath);
		await writeFile(temporary, hadBom ? BOM + next : next, { flag: "wx" });
		try {
			const now = await readFile(filePath);
			if (!now.equals(before)) throw new Error(`${vaultPath} changed while it was being edited; nothing was written`);
			await rename(temporary, filePath);
		} catch (error) {
			await unlink(temporary).catch(() => undefined);
			throw error;
		}
		return next;
	}

	/** The note's properties; `{}` for a note without front matter, null when its front matter is not valid YAML. */
	async propertiesOf(vaultPath: string): Promise<Record<string, unknown> | null> {
		const text = await this.read(vaultPath);
		return splitFrontMatter(text).yaml === null ? {} : readProperties(text);
	}

	/**
	 * As Obsidian's processFrontMatter, but gentler: only the lines of the properties `edit` sets change (see
	 * `setPropertiesInText`), so the user's comments and spellings stay. Should that not give the properties `edit`
	 * made, the front matter is written again with the YAML serializer, as Obsidian would; the body is kept either way.
	 */
	async updateProperties(vaultPath: string, edit: (properties: Record<string, unknown>) => void): Promise<void> {
		await this.process(vaultPath, (text) => {
			const hasFrontMatter = splitFrontMatter(text).yaml !== null;
			const before = hasFrontMatter ? readProperties(text) : {};
			if (before === null) throw new Error(`${vaultPath} has properties that are not valid YAML`);
			const after = structuredClone(before);
			edit(after);
			const changed = Object.fromEntries(Object.entries(after).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])));
			if (Object.keys(changed).length === 0) return text;
			const gentle = setPropertiesInText(text, changed);
			if (JSON.stringify(readProperties(gentle)) === JSON.stringify(after)) return gentle;
			return noteWithProperties(after, splitFrontMatter(text).body);
		});
	}
}
