// One Content-Security-Policy for the desktop protocol and `vite preview`, so the
// web build is tested under exactly the policy the desktop app ships with.
// - No remote origins: the app is offline by design and must never phone home.
// - 'wasm-unsafe-eval' lets pdf.js compile its wasm image decoders; it does not allow eval().
// - style-src 'self' without 'unsafe-inline' works because React sets styles through CSSOM.
const directives: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['font-src', ["'self'", 'data:']],
  ['connect-src', ["'self'"]],
  ['worker-src', ["'self'", 'blob:']],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
  ['frame-src', ["'none'"]],
];

export function contentSecurityPolicy(): string {
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * The printable report: no script, no fetches, no images, only its own inline <style>.
 * The report carries it in a <meta> tag (it is also saved and opened as a plain file)
 * and the desktop print protocol sends it as a header as well.
 */
export const PRINT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";
