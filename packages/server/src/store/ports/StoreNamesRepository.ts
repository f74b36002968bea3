/** The name people read for a store (records, users and channels keep its id, e.g. "jiefang"). */
export interface StoreName {
  id: string;
  name: string;
  updatedAt: string;
}

/** Store names, by store id: staff screens, prints and exports show the name, never the id. */
export interface StoreNamesRepository {
  /** Every named store, by id. */
  storeNames(): Promise<StoreName[]>;
  /** One store's name, null when nobody named it (a record's page and print read one). */
  storeName(id: string): Promise<StoreName | null>;
  /** Names a store (or renames it); returns the row written. */
  setStoreName(id: string, name: string, at: string): Promise<StoreName>;
}
