import type { ReactNode } from 'react';

/** A whole-page message (a refusal, a page that failed): a heading, a detail and what to do next. */
export function PageMessage({ title, detail, action, role }: { title: string; detail?: string; action?: ReactNode; role?: 'alert' }) {
  return (
    <section className="page-message" role={role}>
      <h2 className="page-title">{title}</h2>
      {detail && <p className="text-secondary">{detail}</p>}
      {action}
    </section>
  );
}
