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
  /** Served at / when present: the built designer. */
  staticDir?: string;
  /** Express "trust proxy": false, a hop count, or proxy addresses; X-Forwarded-Proto/-For count only from those. */
  trustProxy: boolean | number | string;
  /** Upload quota per person in any 24 hours. */
  uploadQuota: { filesPerDay: number; bytesPerDay: number };
  /** Uploads no record names after this many hours are deleted. */
  orphanUploadHours: number;
}
