import { describe, expect, it } from 'vitest';
import { nextVersion } from './nextVersion.js';

describe('nextVersion', () => {
  it('when nothing was published, then the publish makes version 1', () => {
    expect(nextVersion(null, 'h1')).toEqual({ version: 1, created: true });
  });
  it('when the content differs from the latest version, then the publish makes the next version', () => {
    expect(nextVersion({ version: 3, hash: 'h3' }, 'h4')).toEqual({ version: 4, created: true });
  });
  it('when the content equals the latest version, then no version is made and the latest stays', () => {
    expect(nextVersion({ version: 3, hash: 'h3' }, 'h3')).toEqual({ version: 3, created: false });
  });
});
