import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './parseConfig.js';

describe('parseConfig', () => {
  it('when nothing is set, then no proxy is trusted and sessions last 30 idle minutes and 12 hours', () => {
    expect(parseConfig({})).toMatchObject({ trustProxy: false, sessionIdleMinutes: 30, sessionMaxHours: 12 });
  });

  it('when TRUST_PROXY is a hop count or a list of proxies, then it is passed on as such', () => {
    expect(parseConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(parseConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(parseConfig({ SESSION_IDLE_MINUTES: '15', SESSION_MAX_HOURS: '8' })).toMatchObject({
      sessionIdleMinutes: 15,
      sessionMaxHours: 8,
    });
  });

  it.each([
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'proxy.example' }, 'TRUST_PROXY'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES'],
    [{ SESSION_MAX_HOURS: 'forever' }, 'SESSION_MAX_HOURS'],
  ])('when %o is set, then start-up is refused naming the variable', (env, name) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(name);
  });

  it('when nothing is set, then X-Forwarded-* are not trusted, uploads have a daily quota and unattached ones live 24 hours', () => {
    const config = parseConfig({});
    expect(config.trustProxy).toBe(false);
    expect(config.uploadQuota).toEqual({ filesPerDay: 200, bytesPerDay: 500 * 1_048_576 });
    expect(config.orphanUploadHours).toBe(24);
  });

  it('when TRUST_PROXY and the upload settings are given, then they are read; bad values name the variable', () => {
    expect(parseConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
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
