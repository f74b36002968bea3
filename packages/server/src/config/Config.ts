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
}
