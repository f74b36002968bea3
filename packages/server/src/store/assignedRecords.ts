/** Records assigned to a person, outstanding work first (see Store.assignedRecords). */
export interface AssignedFilter {
  assignee: string;
  /** Per form, the statuses left out (final states: the work is over). */
  exclude: { formId: string; statuses: string[] }[];
  limit: number;
}
