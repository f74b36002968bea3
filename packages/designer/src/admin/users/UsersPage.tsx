import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { CardTable } from '../../shared/list/CardTable';
import type { Role } from '../../api/types';
import type { UserAccount, UserCreate } from '../../api/usersApi';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { useReferenceData } from '../../shared/useReferenceData';
import { CheckboxGroupField } from '../shared/CheckboxGroupField';
import { errorText } from '../shared/errorText';
import { PASSWORD_MIN, USERNAME, generatePassword, knownStores } from './userModel';
import { useFeedback } from '../../app/Feedback';
import { useAuth } from '../../app/auth/AuthContext';
import { ApiError } from '../../api/ApiError';
import { StoreNamesCard } from './StoreNamesCard';
import { useStoreNames } from '../../shared/useStoreNames';

export const ROLES: Role[] = ['admin', 'manager', 'staff'];
/** Solid tags, white text: AA contrast (axe checks the page). */
export const ROLE_COLORS: Record<Role, string> = { admin: '#cf1322', manager: '#0958d9', staff: 'default' };

type UserValues = UserCreate;

/** Everyone who can sign in: their roles, policy roles and stores; create people and change them (a new password signs them out). */
export function UsersPage() {
  const api = useApi();
  const { t, text, locale } = useI18n();
  const { message, modal } = useFeedback();
  const { user: me } = useAuth();
  const reference = useReferenceData();
  const storeNames = useStoreNames();
  const [users, setUsers] = useState<UserAccount[] | null>(null);
  /** The dialog: a new user, or the user being changed. */
  const [dialog, setDialog] = useState<{ user?: UserAccount } | null>(null);

  const load = useCallback(async () => {
    try {
      setUsers(await api.users.list());
    } catch (e) {
      setUsers([]);
      void message.error(errorText(e, t, locale));
    }
  }, [api, message, t, locale]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Deactivate or reactivate after a confirmation that says what happens. */
  const setActive = (user: UserAccount, active: boolean) =>
    modal.confirm({
      title: t(active ? 'users.reactivateConfirm' : 'users.deactivateConfirm', { name: user.displayName }),
      content: t(active ? 'users.reactivateExplain' : 'users.deactivateExplain', { name: user.displayName }),
      okText: t(active ? 'users.reactivate' : 'users.deactivate'),
      okButtonProps: { danger: !active },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.users.setActive(user.id, active);
          void message.success(t(active ? 'users.reactivatedDone' : 'users.deactivatedDone', { name: user.displayName }));
        } catch (e) {
          void message.error(errorText(e, t, locale));
        }
        await load();
      },
    });

  const policyLabel = useCallback((id: string) => text(reference?.roles?.roles.find((r) => r.id === id)?.label) || id, [reference, text]);

  return (
    <section aria-labelledby="users-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title id="users-title" level={2} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setDialog({})}>
          {t('users.new')}
        </Button>
      </Space>
      <CardTable<UserAccount>
        rowKey="id"
        loading={users === null}
        dataSource={users ?? []}
        pagination={false}
        locale={{ emptyText: <Typography.Text type="secondary">{t('users.none')}</Typography.Text> }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('users.displayName'), dataIndex: 'displayName' },
          {
            title: t('users.username'),
            render: (_, user) => <Typography.Text code>{user.username}</Typography.Text>,
          },
          {
            title: t('users.roles'),
            render: (_, user) => (
              <Space size={4} wrap>
                {ROLES.filter((role) => user.roles.includes(role)).map((role) => (
                  <Tag key={role} color={ROLE_COLORS[role]}>
                    {t(`role.${role}`)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('users.policyRoles'),
            render: (_, user) => (
              <Space size={4} wrap>
                {user.policyRoles.map((id) => (
                  <Tag key={id}>{policyLabel(id)}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('users.stores'),
            render: (_, user) => (
              <Space size={4} wrap>
                {user.stores.map((store) => (
                  <Tag key={store}>{storeNames.nameOf(store)}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('users.state'),
            render: (_, user) =>
              user.deactivatedAt ? (
                <Tag color="#595959" variant="solid">
                  {t('users.deactivated')}
                </Tag>
              ) : (
                <Tag>{t('users.active')}</Tag>
              ),
          },
          {
            title: t('common.actions'),
            render: (_, user) => (
              <Space size={4}>
                <Button size="small" onClick={() => setDialog({ user })} aria-label={`${t('users.edit')} ${user.displayName}`}>
                  {t('users.edit')}
                </Button>
                {user.id !== me?.id && (
                  <Button
                    size="small"
                    danger={!user.deactivatedAt}
                    onClick={() => setActive(user, !!user.deactivatedAt)}
                    aria-label={`${t(user.deactivatedAt ? 'users.reactivate' : 'users.deactivate')} ${user.displayName}`}
                  >
                    {t(user.deactivatedAt ? 'users.reactivate' : 'users.deactivate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog && (
        <UserDialog
          user={dialog.user}
          stores={knownStores(users ?? [])}
          policyRoles={reference?.roles?.roles.map((r) => ({ value: r.id, label: text(r.label) })) ?? []}
          onClose={() => setDialog(null)}
          onSaved={(text) => {
            setDialog(null);
            void message.success(text);
            void load();
          }}
        />
      )}
      {/* Reloaded when the users' stores change (a store typed in the user dialog appears here to be named). */}
      <StoreNamesCard key={knownStores(users ?? []).join(',')} onSaved={storeNames.reload} />
    </section>
  );
}

/** Create a user, or change one (`user`): everything but the user name; the password only when a new one is typed. */
function UserDialog(props: {
  user: UserAccount | undefined;
  stores: string[];
  policyRoles: { value: string; label: string }[];
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { user, onClose, onSaved } = props;
  const api = useApi();
  const { t, locale } = useI18n();
  const { message } = useFeedback();
  const [form] = Form.useForm<UserValues>();
  const [busy, setBusy] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const [generated, setGenerated] = useState<string | null>(null);
  const password = Form.useWatch('password', form);

  // Policy roles the user holds that the published roles file no longer lists still show, by id.
  const policyOptions = useMemo(() => {
    const extra = (user?.policyRoles ?? []).filter((id) => !props.policyRoles.some((o) => o.value === id));
    return [...props.policyRoles, ...extra.map((id) => ({ value: id, label: id }))];
  }, [props.policyRoles, user]);

  const generate = () => {
    const value = generatePassword(16);
    form.setFieldValue('password', value);
    void form.validateFields(['password']);
    setGenerated(value);
    setShowPassword(true);
  };

  const save = async (values: UserValues) => {
    setBusy(true);
    try {
      const common = {
        displayName: values.displayName.trim(),
        roles: values.roles,
        policyRoles: values.policyRoles ?? [],
        stores: (values.stores ?? []).map((s) => s.trim()).filter(Boolean),
      };
      if (user) {
        await api.users.update(user.id, { ...common, ...(values.password ? { password: values.password } : {}) });
        onSaved(t(values.password ? 'users.savedSignedOut' : 'users.saved', { name: common.displayName }));
      } else {
        await api.users.create({ ...common, username: values.username.trim(), password: values.password });
        onSaved(t('users.created', { name: common.displayName }));
      }
    } catch (e) {
      // A password the policy refuses: the reason under the password field, in the person's language.
      if (e instanceof ApiError && e.status === 400 && e.pointsAt('/password'))
        form.setFields([{ name: 'password', errors: [e.messageIn(locale)] }]);
      else void message.error(errorText(e, t, locale));
    } finally {
      setBusy(false);
    }
  };

  const passwordRules = [
    ...(user ? [] : [{ required: true, message: t('common.required') }]),
    { min: PASSWORD_MIN, message: t('users.passwordMin', { min: PASSWORD_MIN }) },
    { max: 500 },
  ];
  const passwordExtra =
    generated && password === generated ? (
      <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('users.generated')} />
    ) : user ? (
      t('users.newPasswordHelp', { name: user.displayName })
    ) : (
      t('users.passwordHelp', { min: PASSWORD_MIN })
    );

  return (
    <Modal
      open
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.new')}
      okText={user ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <Form<UserValues>
        form={form}
        name="user"
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={
          user
            ? { displayName: user.displayName, roles: user.roles, policyRoles: user.policyRoles, stores: user.stores }
            : { roles: ['staff'], policyRoles: [], stores: [] }
        }
      >
        {!user && (
          <Form.Item
            name="username"
            label={t('users.username')}
            extra={t('users.usernameHelp')}
            rules={[
              { required: true, message: t('common.required') },
              { pattern: USERNAME, message: t('users.usernamePattern') },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={user ? t('users.newPassword') : t('users.password')}
          htmlFor="user-password"
          required={!user}
          extra={passwordExtra}
        >
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="password" noStyle rules={passwordRules}>
              <Input.Password
                id="user-password"
                autoComplete="new-password"
                visibilityToggle={{ visible: showPassword, onVisibleChange: setShowPassword }}
                styles={{ input: showPassword ? { fontFamily: 'monospace' } : {} }}
              />
            </Form.Item>
            <Button onClick={generate} aria-label={t('users.generateLabel')}>
              {t('users.generate')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
        >
          <CheckboxGroupField label={t('users.roles')} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
            {ROLES.map((role) => (
              <Checkbox key={role} value={role}>
                {t(`role.${role}`)}
                <Typography.Text type="secondary"> — {t(`role.${role}Help`)}</Typography.Text>
              </Checkbox>
            ))}
          </CheckboxGroupField>
        </Form.Item>
        <Form.Item name="policyRoles" label={t('users.policyRoles')} extra={t('users.policyRolesHelp')}>
          <Select mode="multiple" allowClear options={policyOptions} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="stores" label={t('users.stores')} extra={t('users.storesHelp')}>
          <Select mode="tags" allowClear options={props.stores.map((s) => ({ value: s, label: s }))} tokenSeparators={[',', '，']} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
