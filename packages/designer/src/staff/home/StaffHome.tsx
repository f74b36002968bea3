import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Card, Col, List, Row, Statistic, Typography } from 'antd';
import type { NoticeItem } from '../../api/workApi';
import type { FormDefinition } from '@aftersales/engine';
import { useApi } from '../../app/ApiContext';
import { useAuth } from '../../app/auth/AuthContext';
import { useI18n } from '../../i18n/I18nContext';
import { formatCount, formatDateTime } from '../../shared/format';
import { recordLabel } from '../shared/recordLabel';
import { usePeople } from '../../shared/people/usePeople';
import { useForms } from '../shared/useForms';
import { Loading } from '../../app/Loading';
import { LoadMore } from '../../shared/LoadMore';

/** Notices shown at first, and added by each "load more". */
const NOTICES_PER_PAGE = 10;

/** Whether the form names one of the person's policy roles among those who fill it. */
export function fillsForm(form: FormDefinition | undefined, policyRoles: string[]): boolean {
  return (form?.filledBy ?? []).some((role) => policyRoles.includes(role));
}

/** Home: what waits for this person (counts, notices and reminders), the forms they fill (by policy role) and the store's other forms. */
interface Count {
  total: number;
  capped: boolean;
}
const countOf = (page: { total: number; totalCapped: boolean }): Count => ({ total: page.total, capped: page.totalCapped });

export function StaffHome() {
  const api = useApi();
  const people = usePeople(api);
  const { user, hasRole } = useAuth();
  const { t, text, locale } = useI18n();
  const forms = useForms();
  const manager = hasRole('admin', 'manager');
  /** Counts as the server gives them: up to 10,000, `capped` when there are more. */
  const [counts, setCounts] = useState<{ open: Count; jobs?: number; approvals?: Count; overdue?: Count } | null>(null);
  const [notices, setNotices] = useState<NoticeItem[] | null>(null);
  const [noticePage, setNoticePage] = useState<{ total: number; totalCapped: boolean; nextCursor: string | null; loading: boolean }>({
    total: 0,
    totalCapped: false,
    nextCursor: null,
    loading: false,
  });

  useEffect(() => {
    let live = true;
    api.work
      .notifications(NOTICES_PER_PAGE)
      .then((r) => {
        if (!live) return;
        setNotices(r.items);
        setNoticePage({ total: r.total, totalCapped: r.totalCapped, nextCursor: r.nextCursor, loading: false });
      })
      .catch(() => live && setNotices([]));
    return () => {
      live = false;
    };
  }, [api]);

  const moreNotices = () => {
    if (!noticePage.nextCursor) return;
    setNoticePage((p) => ({ ...p, loading: true }));
    api.work
      .notifications(NOTICES_PER_PAGE, noticePage.nextCursor)
      .then((r) => {
        setNotices((shown) => [...(shown ?? []), ...r.items]);
        setNoticePage({ total: r.total, totalCapped: r.totalCapped, nextCursor: r.nextCursor, loading: false });
      })
      .catch(() => setNoticePage((p) => ({ ...p, loading: false })));
  };

  useEffect(() => {
    let live = true;
    void Promise.all([
      api.work.records({ mine: true, deadline: 'open', limit: 1 }).then(countOf),
      manager ? api.work.approvals('pending').then(countOf) : Promise.resolve(undefined),
      manager ? api.work.deadlines('breached', { limit: 1 }).then(countOf) : Promise.resolve(undefined),
      api.fieldwork.myJobs().then((r) => r.items.length),
    ])
      .then(
        ([open, approvals, overdue, jobs]) => live && setCounts({ open, jobs, ...(approvals === undefined ? {} : { approvals, overdue }) }),
      )
      .catch(() => live && setCounts({ open: { total: 0, capped: false } }));
    return () => {
      live = false;
    };
  }, [api, manager]);

  const policyRoles = user?.policyRoles ?? [];
  const mine = forms?.list.filter((f) => fillsForm(forms.byId[f.id], policyRoles)) ?? [];
  const others = forms?.list.filter((f) => !fillsForm(forms.byId[f.id], policyRoles)) ?? [];
  const formList = (items: typeof mine, label: string) =>
    forms === null ? (
      <Loading />
    ) : (
      <List
        aria-label={label}
        dataSource={items}
        locale={{ emptyText: t('staff.home.noForms') }}
        renderItem={(f) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Link to={`/staff/forms/${f.id}/new`} className="touch-link">
                  {text(f.title)}
                </Link>
              }
              description={text(forms?.byId[f.id]?.description)}
            />
          </List.Item>
        )}
      />
    );

  return (
    <section aria-labelledby="staff-title" className="staff-page">
      <Typography.Title id="staff-title" level={2}>
        {t('staff.home.title', { name: user?.displayName ?? user?.username ?? '' })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8} lg={6}>
          <Link to="/staff/records?deadline=open">
            <Card hoverable>
              <Statistic
                title={t('staff.home.openDeadlines')}
                value={counts ? formatCount(counts.open.total, counts.open.capped, locale) : '–'}
              />
            </Card>
          </Link>
        </Col>
        <Col xs={12} sm={8} lg={6}>
          <Link to="/staff/jobs">
            <Card hoverable>
              <Statistic title={t('fieldwork.home.myJobs')} value={counts?.jobs ?? '–'} />
            </Card>
          </Link>
        </Col>
        {counts?.approvals !== undefined && (
          <Col xs={12} sm={8} lg={6}>
            <Link to="/staff/approvals">
              <Card hoverable>
                <Statistic title={t('staff.home.approvals')} value={formatCount(counts.approvals.total, counts.approvals.capped, locale)} />
              </Card>
            </Link>
          </Col>
        )}
        {counts?.overdue !== undefined && (
          <Col xs={12} sm={8} lg={6}>
            <Link to="/staff/overdue">
              <Card hoverable>
                <Statistic
                  title={t('staff.home.overdue')}
                  value={formatCount(counts.overdue.total, counts.overdue.capped, locale)}
                  valueStyle={counts.overdue.total ? { color: '#cf1322' } : {}}
                />
              </Card>
            </Link>
          </Col>
        )}
      </Row>
      <Card className="staff-card" style={{ marginTop: 16 }} title={<h3 className="card-heading">{t('staff.home.notices')}</h3>}>
        {notices === null ? (
          <Loading />
        ) : (
          <List
            aria-label={t('staff.home.notices')}
            dataSource={notices}
            locale={{ emptyText: t('staff.home.noNotices') }}
            renderItem={(notice) => {
              const form = notice.record ? forms?.byId[notice.record.formId] : undefined;
              return (
                <List.Item>
                  <List.Item.Meta
                    title={notice.message[locale] || notice.message.en}
                    description={
                      <>
                        {formatDateTime(notice.at, locale)}
                        {notice.record && (
                          <>
                            {' · '}
                            <Link to={`/staff/records/${notice.record.id}`} className="touch-link">
                              {text(form?.title) || notice.record.formId} · {recordLabel(form, notice.record, locale, people)}
                            </Link>
                          </>
                        )}
                      </>
                    }
                  />
                </List.Item>
              );
            }}
          />
        )}
        {notices !== null && (
          <LoadMore
            shown={notices.length}
            total={noticePage.total}
            atLeast={noticePage.totalCapped}
            more={noticePage.nextCursor !== null}
            loading={noticePage.loading}
            onMore={moreNotices}
          />
        )}
      </Card>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card title={<h3 className="card-heading">{t('staff.home.myForms')}</h3>}>{formList(mine, t('staff.home.myForms'))}</Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h3 className="card-heading">{t('staff.home.otherForms')}</h3>}>{formList(others, t('staff.home.otherForms'))}</Card>
        </Col>
      </Row>
    </section>
  );
}
