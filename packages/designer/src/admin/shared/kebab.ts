/** A kebab-case id from a title ("Vehicle use" -> "vehicle-use"); empty when the title has no latin letters. */
export function kebab(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^[0-9-]+/, '')
    .slice(0, 60);
}

export const KEBAB_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
