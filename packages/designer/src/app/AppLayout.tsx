import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Button, Layout, Space } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nContext';
import { useAuth } from './auth/AuthContext';
import { LanguageSwitch } from './LanguageSwitch';
import { navigationFor } from './navigation';
import { RouteErrorBoundary } from './RouteError';
import { Loading } from './Loading';

/** The shared frame of both areas: header (title, language, user), side menu of the user's areas, the page. */
export function AppLayout() {
  const { t } = useI18n();
  const { user, signOut } = useAuth();
  const location = useLocation();
  const items = navigationFor(user ?? null, t);
  const [collapsed, setCollapsed] = useState(false);
  /** Below the md breakpoint (a phone): the menu opens over the page from a button, and closes once a page is picked. */
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    if (narrow) setCollapsed(true);
  }, [location.pathname, narrow]);
  const selected = items
    .flatMap((group) => group.children)
    .filter((item) => location.pathname.startsWith(item.key))
    .sort((a, b) => b.key.length - a.key.length)[0]?.key;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Layout.Header
        className="app-header"
        style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#001529', paddingInline: 20 }}
      >
        {items.length > 0 && narrow && (
          <Button
            className="menu-button"
            icon={<MenuOutlined />}
            aria-expanded={!collapsed}
            aria-controls="side-nav"
            aria-label={t(collapsed ? 'app.openMenu' : 'app.closeMenu')}
            onClick={() => setCollapsed((c) => !c)}
          />
        )}
        <strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>{t('app.title')}</strong>
        <span style={{ flex: 1 }} />
        <LanguageSwitch />
        {user && (
          <Space>
            <span className="header-user-name" style={{ color: '#fff' }}>
              {user.displayName ?? user.username}
            </span>
            <Button size="small" onClick={() => void signOut()}>
              {t('auth.signOut')}
            </Button>
          </Space>
        )}
      </Layout.Header>
      <Layout>
        {items.length > 0 && (
          <Layout.Sider
            id="side-nav"
            width={200}
            breakpoint="md"
            collapsible
            collapsed={collapsed}
            collapsedWidth={0}
            trigger={null}
            onBreakpoint={(broken) => {
              setNarrow(broken);
              setCollapsed(broken);
            }}
            className={narrow ? 'side-nav-over' : undefined}
            theme="light"
            aria-label={t('app.navigation')}
          >
            <nav aria-label={t('app.navigation')} className="side-nav">
              {items.map((group) => (
                <div key={group.key} className="side-nav-group">
                  <div className="side-nav-title" id={`nav-${group.key}`}>
                    {group.label}
                  </div>
                  <ul aria-labelledby={`nav-${group.key}`}>
                    {group.children.map((item) => (
                      <li key={item.key}>
                        <Link to={item.key} aria-current={item.key === selected ? 'page' : undefined}>
                          {item.label}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </nav>
          </Layout.Sider>
        )}
        <Layout.Content id="main" tabIndex={-1} className="app-content" style={{ padding: 20, minWidth: 0 }}>
          <RouteErrorBoundary>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </RouteErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
