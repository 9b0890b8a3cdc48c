/** The sealing WebAssembly's text (shared/bundle/chachaSeal.wat). */
export function chachaSealWat(): string;
/** The module's bytes as wat2wasm (wabt, on the PATH) makes them from `wat`, base64 without padding. */
export function chachaSealBase64(wat: string): string;
