/**
 * Lays out, out of sight, a few words in the window's fonts and one of each form control,
 * while the window waits for IndexedDB at start (renderer/main.tsx); removed before the first
 * render. A new renderer process sets up its font system (font matching, the faces' first
 * load, shaping) and the controls' built-in parts at its first layout of text: in a cold
 * start that was 20–25 ms of the first render's layout, spent after the rows had been read.
 * Here it is spent while the main thread would otherwise be idle. Nothing is shown: hidden,
 * off screen, out of the accessibility tree, and gone before the first frame with content.
 */
export function warmLayout(parent: HTMLElement = document.body): () => void {
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  // CSSOM, not a style attribute: the CSP has no 'unsafe-inline' for styles.
  Object.assign(box.style, { position: 'fixed', left: '-10000px', top: '0', width: '600px', visibility: 'hidden', pointerEvents: 'none', contain: 'layout paint' });
  // The sizes and weights the first screen uses (styles.css): body 14px, 12px secondary
  // text, 13px upper-case section titles, 16px brand, 18px headings; 600 and 650 bold.
  const words = 'Casefile Ñandú Quispe Álvarez — 0123456789 · …';
  for (const [size, weight, upper] of [[14, 400, false], [14, 600, false], [12, 400, false], [12, 600, false], [13, 600, true], [16, 650, false], [18, 600, false]] as const) {
    const line = document.createElement('div');
    Object.assign(line.style, { fontSize: `${size}px`, fontWeight: String(weight), textTransform: upper ? 'uppercase' : 'none' });
    line.textContent = words;
    box.append(line);
  }
  const input = document.createElement('input');
  input.tabIndex = -1;
  input.value = words;
  const select = document.createElement('select');
  select.tabIndex = -1;
  select.append(new Option(words));
  const button = document.createElement('button');
  button.tabIndex = -1;
  button.type = 'button';
  button.textContent = words;
  box.append(input, select, button);
  parent.append(box);
  // Reading a size makes the browser lay the box out now.
  void box.offsetHeight;
  return () => box.remove();
}
