/** The sealing WebAssembly's text (shared/bundle/chachaSeal.wat). */
export function chachaSealWat(): string;
