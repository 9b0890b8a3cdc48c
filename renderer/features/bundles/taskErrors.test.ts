import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../i18n';
import { translate } from '../../i18n';
import { taskErrorText } from './taskErrors';

const es = (key: MessageKey) => translate('es', key);

class CodedError extends Error {
  constructor(message: string, readonly code?: string) { super(message); }
}

describe('task error text', () => {
  it('translates the failures the bundle worker names by code', () => {
    expect(taskErrorText(new CodedError('The disk is full…', 'disk-full'), es)).toBe(translate('es', 'bundles.task.disk-full'));
    expect(taskErrorText(new CodedError('no case', 'empty-library'), es)).toMatch(/no hay ningún caso/);
  });
  it('passes on the message of anything else', () => {
    expect(taskErrorText(new CodedError('The import failed and nothing was written: boom', 'write-failed'), es)).toBe('The import failed and nothing was written: boom');
    expect(taskErrorText(new Error('plain'), es)).toBe('plain');
    expect(taskErrorText('text', es)).toBe('text');
  });
});
