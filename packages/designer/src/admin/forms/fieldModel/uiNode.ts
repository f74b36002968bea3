/** A node of a form's uiSchema. */

export type Ui = Record<string, unknown>;

export function childUi(ui: Ui, key: string): Ui {
  const value = Object.hasOwn(ui, key) ? ui[key] : undefined;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Ui) : {};
}
