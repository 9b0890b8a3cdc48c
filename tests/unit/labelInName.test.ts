// A button or link named by aria-label must hold the words it shows (WCAG 2.5.3, "label in
// name"; axe's label-content-name-mismatch): someone using speech input says what they see,
// "Create actor", and a name of "Create an actor named …" does not answer to it. The e2e
// accessibility scans find this only in the states they visit; this reads every component's
// buttons and links whose aria-label and visible text are both messages, in both languages.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, hasMessage, translateDynamic } from '../../renderer/i18n';

const root = resolve(import.meta.dirname, '../..');

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return componentFiles(path);
    return e.name.endsWith('.tsx') && !e.name.includes('.test.') ? [path] : [];
  });
}

interface Control { where: string; labelKeys: string[]; shownKeys: string[] }

const KEY = /'([a-z][\w-]*(?:\.[\w-]+)+)'/g;
const keysIn = (code: string): string[] => [...code.matchAll(KEY)].map((m) => m[1]!).filter(hasMessage);

/** Buttons and links in a component whose aria-label and shown text both come from messages. */
function controlsOf(file: string): Control[] {
  const source = readFileSync(file, 'utf8');
  const out: Control[] = [];
  for (const m of source.matchAll(/<(button|a)\b((?:[^>{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)>([\s\S]*?)<\/\1>/g)) {
    const label = /aria-label=\{((?:[^{}]|\{[^{}]*\})*)\}/.exec(m[2]!);
    if (!label) continue;
    const shown = [...m[3]!.matchAll(/\bt\(([^)]*)\)/g)].flatMap((c) => keysIn(c[1]!));
    const labelKeys = keysIn(label[1]!);
    if (shown.length === 0 || labelKeys.length === 0) continue;
    const line = source.slice(0, m.index).split('\n').length;
    out.push({ where: `${relative(root, file)}:${line}`, labelKeys, shownKeys: shown });
  }
  return out;
}

/** As axe compares them: lower case, punctuation and symbols dropped, spaces collapsed; a placeholder is any word. */
const curated = (text: string): string =>
  ` ${text.replace(/\{\w+\}/g, ' x ').toLowerCase().replace(/[\p{P}\p{S}]/gu, ' ').replace(/\s+/g, ' ').trim()} `;

const controls = componentFiles(join(root, 'renderer')).flatMap(controlsOf);

describe('a control named by aria-label holds the words it shows', () => {
  it('finds the labelled controls to check', () => {
    // The page links of mentions and citations, the form rows' Remove buttons, the OCR queue's…
    expect(controls.length).toBeGreaterThan(20);
  });

  it.each(LANGUAGES)('in %s', (lang) => {
    const problems: string[] = [];
    for (const c of controls) {
      const labels = c.labelKeys.map((k) => curated(translateDynamic(lang, k)));
      for (const key of c.shownKeys) {
        const shown = curated(translateDynamic(lang, key));
        if (!labels.some((l) => l.includes(shown))) problems.push(`${c.where}: "${translateDynamic(lang, key)}" is not in ${c.labelKeys.map((k) => `"${translateDynamic(lang, k)}"`).join(' or ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
