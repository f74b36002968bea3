/** Server configuration, parsed once at start-up by parseConfig. */
export interface Config {
  store: 'sqlite' | 'mongodb';
  dataDir: string;
  mongodbUri?: string;
  host: string;
  port: number;
  /** Cookies get `Secure` when the server is reached over https. */
  secureCookies: boolean;
  /** How often the clock looks for breached deadlines, in ms. */
  tickMs: number;
  /**
   * Express's `trust proxy`: false (the default: the client address is the socket's), a number of
   * proxy hops, or a list of proxy addresses/subnets; only then are X-Forwarded-For and X-Forwarded-Proto believed.
   */
  trustProxy: false | number | string[];
  /** Sessions end after this many minutes unused (default 30) ... */
  sessionIdleMinutes: number;
  /** ... and this many hours after sign-in (default 12). */
  sessionMaxHours: number;
  /** Approvals waiting on a policy role nobody holds in the record's store: who is told, who decides after how long. */
  escalation: { flagRole: string; escalateTo: string; afterMs: number };
  /** Served at / when present: the built designer. */
  staticDir?: string;
  /** Upload quota per person in any 24 hours. */
  uploadQuota: { filesPerDay: number; bytesPerDay: number };
  /** Uploads no record names after this many hours are deleted. */
  orphanUploadHours: number;
  /** Hosts outbound notices may reach although they resolve to internal addresses (NOTICE_ALLOW_HOSTS, comma list). */
  noticeAllowHosts: string[];
}
