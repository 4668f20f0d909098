/**
 * A DOM for the plugin benchmark, as vitest's happy-dom environment gives the tests one: a happy-dom window whose
 * globals (window, document, HTMLElement…) are installed on Node's global. Imported first, before the Obsidian fake,
 * which extends the DOM's prototypes when it loads.
 */
import { BrowserErrorCaptureEnum, GlobalWindow } from "happy-dom";
import { populateGlobal } from "vitest/runtime";

const window = new GlobalWindow({ url: "http://localhost/", settings: { errorCapture: BrowserErrorCaptureEnum.disabled } });
populateGlobal(globalThis, window, { bindFunctions: true });
