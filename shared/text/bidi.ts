/**
 * Unicode bidirectional controls: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and the implicit marks (U+200E LRM, U+200F RLM, U+061C ALM). In a file
 * name they reorder what the user sees: "report\u202Efdp.exe" is displayed as
 * "reportexe.pdf", so a program can pose as a PDF (malware's old right-to-left-override
 * trick; Trojan Source, CVE-2021-42574, is the same trick in source code).
 * Suggested file names go through this in the renderer's platform adapters and again in
 * main, which trusts nothing the renderer sends.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

