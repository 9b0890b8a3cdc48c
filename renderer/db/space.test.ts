import { describe, expect, it } from 'vitest';
import { SPACE_MARGIN, checkSpace, freeSpace, spaceNeeded } from './space';

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe('checkSpace', () => {
  it('asks for the files × the job\'s factor plus the margin', () => {
    expect(spaceNeeded('pdfs', 100 * MB)).toBe(150 * MB + SPACE_MARGIN);
    expect(spaceNeeded('bundle', 100 * MB)).toBe(200 * MB + SPACE_MARGIN);
    // Even an empty job keeps the margin: IndexedDB needs room to write anything.
    expect(spaceNeeded('pdfs', 0)).toBe(SPACE_MARGIN);
  });

  it('lets a job go ahead when quota − usage covers it', () => {
    expect(checkSpace('pdfs', 10 * MB, { usage: 1 * GB, quota: 10 * GB })).toEqual({ status: 'enough', needed: 65 * MB, free: 9 * GB });
  });

  it('warns, naming what is needed and what is free, when it does not', () => {
    expect(checkSpace('pdfs', 200 * MB, { usage: 900 * MB, quota: 1200 * MB })).toEqual({ status: 'short', needed: 350 * MB, free: 300 * MB });
    expect(checkSpace('bundle', 1 * GB, { usage: 0, quota: 2 * GB }).status).toBe('short');
  });

  it('counts a library over its quota as having nothing free', () => {
    expect(freeSpace({ usage: 12 * MB, quota: 10 * MB })).toBe(0);
    expect(checkSpace('pdfs', 1, { usage: 12 * MB, quota: 10 * MB })).toMatchObject({ status: 'short', free: 0 });
  });

  it('does not stop a job when the browser cannot say how much is free', () => {
    expect(checkSpace('pdfs', 10 * GB, null)).toEqual({ status: 'unknown', needed: 15 * GB + SPACE_MARGIN, free: null });
    expect(checkSpace('bundle', 1, { usage: 0, quota: 0 })).toMatchObject({ status: 'unknown' });
  });

  it('is exact at the boundary: just enough is enough', () => {
    const needed = spaceNeeded('pdfs', 40 * MB);
    expect(checkSpace('pdfs', 40 * MB, { usage: 0, quota: needed }).status).toBe('enough');
    expect(checkSpace('pdfs', 40 * MB, { usage: 1, quota: needed }).status).toBe('short');
  });
});
