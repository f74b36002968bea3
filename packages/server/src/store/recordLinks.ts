/** A link field's value of a record: the record it names (e.g. a return visit's ticket). */
export interface RecordLink {
  /** The link field of the linking record. */
  field: string;
  /** The linked record's id. */
  toId: string;
}
