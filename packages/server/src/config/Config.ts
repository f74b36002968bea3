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
  /** Approvals waiting on a policy role nobody holds in the record's store: who is told, who decides after how long. */
  escalation: { flagRole: string; escalateTo: string; afterMs: number };
  /** Served at / when present: the built designer. */
  staticDir?: string;
}
