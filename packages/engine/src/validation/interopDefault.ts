/**
 * CommonJS packages typed with `export default` (ajv-formats, ajv-i18n) arrive as the module
 * object under NodeNext and as the function itself under bundlers: take whichever is callable.
 */
export function interopDefault<T>(module: T | { default: T }): T {
  const inner = (module as { default?: T }).default;
  return inner ?? (module as T);
}
