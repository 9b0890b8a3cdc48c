/** Placeholder until the viewer lands: renders nothing. */
export function ViewerOverlay() {
  return null;
}
