import { Plugin } from "obsidian";

export default class PaperCataloguePlugin extends Plugin {
	override async onload(): Promise<void> {
	}
}
