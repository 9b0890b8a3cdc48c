import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuCommands, type MenuCommand } from '../../shared/desktopApi';
import { buildMenuTemplate, englishMenuLabels } from './menuTemplate';

function build(platform: string, isPackaged: boolean) {
  const sent: MenuCommand[] = [];
  const showAbout = vi.fn();
  const template = buildMenuTemplate({ labels: englishMenuLabels, platform, isPackaged, send: (c) => sent.push(c), showAbout });
  return { template, sent, showAbout };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function click(item: MenuItemConstructorOptions | undefined): void {
  if (!item?.click) throw new Error('item has no click');
  (item.click as () => void)();
}

describe('buildMenuTemplate', () => {
  it.each(['linux', 'win32', 'darwin'])('reaches every menu command on %s', (platform) => {
    const { template, sent } = build(platform, true);
    for (const item of flatten(template)) {
      if (item.click && item.label !== englishMenuLabels.about) click(item);
    }
    expect([...new Set(sent)].sort()).toEqual([...menuCommands].sort());
  });

  it.each(['linux', 'darwin'])('never gives two items the same shortcut on %s (dev build, devtools included)', (platform) => {
    const accelerators = flatten(build(platform, false).template).map((i) => i.accelerator).filter((a): a is string => typeof a === 'string');
    expect(new Set(accelerators).size).toBe(accelerators.length);
    // Chromium's devtools shortcut stays free for the role that owns it.
    expect(accelerators).not.toContain('CmdOrCtrl+Shift+I');
  });

  it('offers export, import and backup in the File menu', () => {
    const file = build('linux', true).template[0]?.submenu as MenuItemConstructorOptions[];
    const labels = file.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining([englishMenuLabels.exportCase, englishMenuLabels.importBundle, englishMenuLabels.backUp]));
  });

  it('binds search to Ctrl/Cmd+K', () => {
    const search = flatten(build('linux', true).template).find((i) => i.label === englishMenuLabels.search);
    expect(search?.accelerator).toBe('CmdOrCtrl+K');
  });

  it('has File, Edit, View and Help on Windows and Linux with Quit in File', () => {
    const { template } = build('win32', true);
    expect(template.map((i) => i.label ?? i.role)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const file = template[0]?.submenu as MenuItemConstructorOptions[];
    expect(file.some((i) => i.role === 'quit')).toBe(true);
    expect(template[1]?.role).toBe('editMenu');
  });

  it('uses the app menu on macOS', () => {
    const { template } = build('darwin', true);
    expect(template[0]?.role).toBe('appMenu');
    expect(template.some((i) => i.role === 'windowMenu')).toBe(true);
  });

  it('offers reload and devtools only in development', () => {
    const roles = (packaged: boolean) => flatten(build('linux', packaged).template).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(false)).toContain('reload');
  });

  it('shows About from Help', () => {
    const { template, showAbout } = build('linux', true);
    const help = template.find((i) => i.role === 'help');
    click((help?.submenu as MenuItemConstructorOptions[])[0]);
    expect(showAbout).toHaveBeenCalledOnce();
  });
});
