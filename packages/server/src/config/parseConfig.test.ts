import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './parseConfig.js';

describe('parseConfig', () => {
  it('when nothing is set, then X-Forwarded-* are not trusted, uploads have a daily quota and unattached ones live 24 hours', () => {
    const config = parseConfig({});
    expect(config.trustProxy).toBe(false);
    expect(config.uploadQuota).toEqual({ filesPerDay: 200, bytesPerDay: 500 * 1_048_576 });
    expect(config.orphanUploadHours).toBe(24);
  });

  it('when TRUST_PROXY and the upload settings are given, then they are read; bad values name the variable', () => {
    expect(parseConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(parseConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(parseConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe('10.0.0.0/8, 127.0.0.1');
    expect(parseConfig({ UPLOAD_FILES_PER_DAY: '10', UPLOAD_MIB_PER_DAY: '20', ORPHAN_UPLOAD_HOURS: '48' })).toMatchObject({
      uploadQuota: { filesPerDay: 10, bytesPerDay: 20 * 1_048_576 },
      orphanUploadHours: 48,
    });
    expect(() => parseConfig({ TRUST_PROXY: 'everyone; rm -rf' })).toThrow(ConfigError);
    expect(() => parseConfig({ UPLOAD_FILES_PER_DAY: '0' })).toThrow(/UPLOAD_FILES_PER_DAY/);
    expect(() => parseConfig({ UPLOAD_MIB_PER_DAY: '1.5' })).toThrow(/UPLOAD_MIB_PER_DAY/);
    expect(() => parseConfig({ ORPHAN_UPLOAD_HOURS: 'soon' })).toThrow(/ORPHAN_UPLOAD_HOURS/);
  });
});
