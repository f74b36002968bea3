import type { ReactNode } from 'react';

/**
 * Stands in for `markdown-to-jsx/react` in the build (vite.config.ts aliases it): RJSF renders a
 * description or help as Markdown only when a uiSchema asks with `ui:enableMarkdownIn…`, and in a
 * few error messages. Our forms' texts are plain zh-CN/en text, so they are shown as text: no
 * Markdown or raw HTML from a form definition is ever turned into markup on a staff device, and the
 * form screen does not load an 85 KB parser.
 */
export function Markdown({ children }: { children?: ReactNode; options?: unknown }) {
  return <>{children}</>;
}
