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
});
