import { describe, expect, it } from 'vitest';
import { desktopChannels, isMenuCommand, menuCommands } from './desktopApi';

describe('desktopApi contract', () => {
  it('gives every method its own namespaced channel', () => {
    const channels = Object.values(desktopChannels);
    expect(new Set(channels).size).toBe(channels.length);
    for (const channel of channels) expect(channel).toMatch(/^casefile:[a-z-]+$/);
  });

  it('recognises exactly the menu commands', () => {
    for (const command of menuCommands) expect(isMenuCommand(command)).toBe(true);
    for (const value of ['', 'quit', 'NEW-ACTOR', 'new-actor ', 1, null, undefined, { command: 'new-actor' }]) {
      expect(isMenuCommand(value)).toBe(false);
    }
  });
});
