import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** A whole-page message (a refusal, a page that failed): a heading, a detail and what to do next. */
export function PageMessage({ title, detail, action, role }: { title: string; detail?: string; action?: ReactNode; role?: 'alert' }) {
  return (
    <section className="page-message" role={role}>
      <Typography.Title level={2}>{title}</Typography.Title>
      {detail && <Typography.Paragraph type="secondary">{detail}</Typography.Paragraph>}
      {action}
    </section>
  );
}
