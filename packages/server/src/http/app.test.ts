import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
let now = new Date('2025-10-09T10:00:00+08:00');
let server: TestServer;
let admin: Client;
let staff: Client;
let manager: Client;

const vehicleRules = {
  $schema: '../../schemas/meta/ruleset.schema.json',
  id: 'vehicle-use.test-approvals',
  form: 'vehicle-use',
  title: t('测试：出车通知', 'Test: trip notice'),
  rules: [
    {
      name: 'A1-repair-over-200',
      title: t('维修超过 200 元需总经理审批', 'Repair above 200 yuan needs the general manager'),
      catalog: ['A1'],
      conditions: { all: [{ fact: 'repairCost', operator: 'greaterThan', value: 200 }] },
      event: {
        type: 'approval',
        params: { approver: 'generalManager', before: 'repairApproved', reason: t('维修费用超过 200 元', 'Repair cost above 200 yuan') },
      },
    },
  ],
};

const serviceRules = {
  $schema: '../../schemas/meta/ruleset.schema.json',
  id: 'after-sales-record.test-arrival',
  form: 'after-sales-record',
  title: t('测试：到场时限', 'Test: arrival limit'),
  calendar: 'default-store',
  rules: [
    {
      name: 'T1-urban',
      title: t('市区 6 工作小时内到场', 'Urban: on site within 6 working hours'),
      catalog: ['T1'],
      conditions: { all: [{ fact: 'zone', operator: 'equal', value: 'urban' }] },
      event: {
        type: 'deadline',
        params: {
          key: 'arrivalWithFine',
          what: t('到场', 'Arrive on site'),
          from: 'callTime',
          limit: { unit: 'workingHours', amount: 6 },
          metBy: 'arrivalTime',
          remindMinutesBefore: 60,
          owner: { role: 'technician', personField: 'technician' },
          onBreach: {
            fines: [{ payer: { role: 'technician', personField: 'technician' }, amount: 10, reason: t('超时到场', 'Late arrival') }],
          },
        },
      },
    },
  ],
};

const file = (path: string, value: unknown) => ({ path, content: JSON.stringify(value, null, 2) });

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  admin = await server.signIn('admin', server.adminPassword);
  for (const [username, roles, policyRoles] of [
    ['clerk', ['staff'], ['customerServiceClerk', 'driver']],
    ['boss', ['manager'], ['generalManager']],
  ] as const) {
    const created = await admin('POST', '/users', {
      username,
      displayName: username,
      password: `${username}-password-123`,
      roles,
      policyRoles,
    });
    expect(created.status).toBe(201);
  }
  staff = await server.signIn('clerk', 'clerk-password-123');
  manager = await server.signIn('boss', 'boss-password-123');
});
afterAll(() => server.close());

describe('the HTTP API', () => {
  it('when nobody signs in, then every API route answers 401 and login with a wrong password too', async () => {
    const anonymous = (await import('../testing/startTestServer.js')).client(server.url);
    expect((await anonymous('GET', '/forms')).status).toBe(401);
    expect((await anonymous('POST', '/auth/login', { username: 'admin', password: 'wrong' })).status).toBe(401);
    expect((await anonymous('POST', '/auth/login', { username: 'nobody', password: 'wrong' })).status).toBe(401);
  });

  it('when a person signs out, then that session no longer signs anything in, and other sessions stay', async () => {
    const first = await server.signIn('clerk', 'clerk-password-123');
    const second = await server.signIn('clerk', 'clerk-password-123');
    expect((await first('POST', '/auth/logout')).status).toBe(204);
    expect((await first('GET', '/auth/me')).status).toBe(401);
    expect((await second('GET', '/auth/me')).status).toBe(200);
  });

  it('when an admin names a new user as the server names its own work, then it is refused and nobody is created', async () => {
    for (const username of ['clock', 'system']) {
      const refused = await admin('POST', '/users', { username, displayName: '时钟', password: 'reserved-password-123', roles: ['staff'] });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ reason: 'user.reservedName', messageZh: `用户名“${username}”为系统保留，请换一个` });
    }
    const users = (await admin('GET', '/users')).body.items as { username: string }[];
    expect(users.map((u) => u.username)).not.toContain('clock');
    expect(users.map((u) => u.username)).not.toContain('system');
  });

  it('when the API answers, then caches are told not to store it', async () => {
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('etag')).toBeNull();
  });

  it('when the server starts, then the default pack is published and staff see the forms', async () => {
    const forms = await staff('GET', '/forms');
    expect(forms.status).toBe(200);
    expect(forms.body.items.map((f: { id: string }) => f.id)).toEqual(
      expect.arrayContaining(['after-sales-record', 'vehicle-use', 'parts-requisition']),
    );
    expect((await staff('GET', '/roles')).body.roles.length).toBeGreaterThan(10);
  });

  it('when a rule file is pushed with dryRun, then the changes come back and nothing is published', async () => {
    const dry = await admin('POST', '/pack', { files: [file('rules/vehicle-use/test.rules.json', vehicleRules)], dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      valid: true,
      dryRun: true,
      changes: [{ kind: 'ruleset', id: 'vehicle-use.test-approvals', from: null, changed: true }],
    });
    expect((await admin('GET', '/rule-sets/vehicle-use.test-approvals')).status).toBe(404);
  });

  it('when a changed rule file is pushed with dryRun, then the diff against the published version comes back as a JSON Patch; after publishing, the two versions diff the same', async () => {
    const pulled = await admin('GET', '/pack');
    const entry = pulled.body.files.find((f: { path: string }) => f.path === 'rules/vehicle-use/vehicles.rules.json');
    const changed = JSON.parse(entry.content);
    const a1 = changed.rules.findIndex((r: { name: string }) => r.name === 'A1-repair-over-200');
    changed.rules[a1].conditions.all[0].value = 300;
    const files = [file('rules/vehicle-use/vehicles.rules.json', changed)];
    const dry = await admin('POST', '/pack', { files, dryRun: true });
    const patch = [{ op: 'replace', path: `/rules/${a1}/conditions/all/0/value`, value: 300 }];
    expect(dry.body.changes).toEqual([{ kind: 'ruleset', id: 'vehicle-use.vehicles', from: 1, changed: true, patch }]);
    expect((await admin('POST', '/pack', { files })).status).toBe(200);
    const diff = await admin('GET', '/rule-sets/vehicle-use.vehicles/diff?from=1&to=2');
    expect(diff.body).toEqual({ from: 1, to: 2, patch });
    expect((await admin('GET', '/rule-sets/vehicle-use.vehicles/diff?from=1&to=9')).status).toBe(404);
    expect((await admin('GET', '/rule-sets/vehicle-use.vehicles/diff?from=1')).status).toBe(400);
    expect((await admin('POST', '/rule-sets/vehicle-use.vehicles/rollback', { version: 1 })).status).toBe(200);
  });

  it('when a broken rule file is pushed, then the engine problems come back with pointers and lines, and nothing is written', async () => {
    const broken = structuredClone(vehicleRules);
    broken.rules[0]!.conditions.all[0]!.fact = 'repairCosts';
    const pushed = await admin('POST', '/pack', { files: [file('rules/vehicle-use/test.rules.json', broken)] });
    expect(pushed.status).toBe(200);
    expect(pushed.body.valid).toBe(false);
    expect(pushed.body.problems[0]).toMatchObject({
      file: 'rules/vehicle-use/test.rules.json',
      pointer: '/rules/0/conditions/all/0/fact',
      code: 'rules.unknownFact',
      line: expect.any(Number),
    });
    expect((await admin('GET', '/rule-sets/vehicle-use.test-approvals')).status).toBe(404);
  });

  it('A1 applies: when a vehicle repair of 350 yuan is recorded, then the move to "repair approved" waits for the general manager, who approves it from the inbox', async () => {
    // A1 comes from the default pack (rules/vehicle-use/vehicles.rules.json).
    const created = await staff('POST', '/records', {
      form: 'vehicle-use',
      data: { user: '张三', driver: 'clerk', departureTime: '2025-10-09T09:00:00+08:00', purpose: '送货', repairCost: 350 },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const to of ['approved', 'out', 'returned']) expect((await staff('POST', `/records/${id}/transitions`, { to })).status).toBe(200);
    const refused = await staff('POST', `/records/${id}/transitions`, { to: 'repairApproved' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details[0]).toMatchObject({
      code: 'approval.pending',
      messageZh: expect.stringContaining('维修费用超过 200 元'),
    });
    const inbox = await manager('GET', '/approvals');
    const task = inbox.body.items.find((a: { recordId: string }) => a.recordId === id);
    expect(task).toMatchObject({ approver: 'generalManager', before: 'repairApproved', state: 'pending' });
    expect((await staff('POST', `/approvals/${task.id}/decision`, { decision: 'approve' })).status).toBe(403);
    expect((await manager('POST', `/approvals/${task.id}/decision`, { decision: 'approve', comment: '同意' })).status).toBe(200);
    const moved = await staff('POST', `/records/${id}/transitions`, { to: 'repairApproved' });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe('repairApproved');
    const history = await staff('GET', `/records/${id}/history`);
    expect(history.body.items.map((e: { action: string }) => e.action)).toContain('status returned -> repairApproved');
  });

  it('when a record is stored, then only the trace of its explanation is kept, and reading it rebuilds the explanation', async () => {
    const created = await staff('POST', '/records', {
      form: 'vehicle-use',
      data: { user: '张三', driver: 'clerk', departureTime: '2025-10-09T09:00:00+08:00', purpose: '送货', repairCost: 350 },
    });
    const id = created.body.id as string;
    // The answer has the outcome; the explanation is read with the record.
    expect(created.body.evaluation.outcome.approvals).toHaveLength(1);
    expect(created.body.evaluation.explanation).toBeUndefined();
    expect(created.body.evaluation.trace).toBeUndefined();
    const read = await staff('GET', `/records/${id}`);
    const a1 = read.body.evaluation.explanation.find((r: { rule: string }) => r.rule === 'A1-repair-over-200');
    expect(a1).toMatchObject({ fired: true, title: { 'zh-CN': '车辆维修超过 200 元须总经理先审批' } });
    expect(a1.conditions.children[0]).toMatchObject({ fact: 'repairCost', factLabel: { 'zh-CN': '车辆维修费用' }, factValue: 350 });

    const stored = await server.services.store.getRecord(id);
    expect(stored!.evaluation.explanation).toBeUndefined();
    expect(stored!.evaluation.trace).toContainEqual({
      ruleSet: 'vehicle-use.vehicles',
      rule: 'A1-repair-over-200',
      fired: true,
      leaves: [{ factValue: 350, result: true }],
    });
    const { explanation: rebuilt, ...rest } = read.body.evaluation;
    expect(rest).toEqual(created.body.evaluation);
    // The same record evaluated afresh explains itself the same way.
    const afresh = await staff('POST', '/evaluate', {
      form: 'vehicle-use',
      data: stored!.data,
      now: created.body.evaluation.evaluatedAt,
    });
    expect(rebuilt).toEqual(afresh.body.explanation);

    // A record written before traces keeps its explanation and still reads.
    const { trace: _trace, ...legacy } = stored!.evaluation;
    const explanation = [{ ...a1, title: { 'zh-CN': '旧说明', en: 'Old explanation' } }];
    await server.services.store.writeRecord({
      record: { ...stored!, evaluation: { ...legacy, explanation }, rev: stored!.rev + 1 },
      previous: stored!,
      actor: 'test',
      action: 'legacy',
      approvals: [],
      deadlines: [],
      fines: [],
      notifications: [],
    });
    expect((await staff('GET', `/records/${id}`)).body.evaluation.explanation).toEqual(explanation);
  });

  it('A1 does not apply: when the repair costs exactly 200 yuan, then no approval is needed', async () => {
    const created = await staff('POST', '/records', {
      form: 'vehicle-use',
      data: { user: '张三', driver: 'clerk', departureTime: '2025-10-09T09:00:00+08:00', purpose: '送货', repairCost: 200 },
    });
    expect(created.body.evaluation.outcome.approvals).toEqual([]);
    expect(created.body.transitions.every((tr: { guards: unknown[] }) => tr.guards.length === 0)).toBe(true);
  });

  it('when the clock passes a due time, then the deadline is breached and its fine is posted exactly once', async () => {
    expect((await admin('POST', '/pack', { files: [file('rules/after-sales-record/test.rules.json', serviceRules)] })).body.valid).toBe(
      true,
    );
    const created = await staff('POST', '/records', {
      form: 'after-sales-record',
      data: {
        ticketNo: 'S-100',
        customer: { name: '王女士', phone: '13900139000' },
        callTime: '2025-10-09T10:00:00+08:00',
        zone: 'urban',
        serviceType: 'repair',
        technician: '赵师傅',
      },
    });
    expect(created.status).toBe(201);
    const deadline = created.body.evaluation.outcome.deadlines.find((d: { key: string }) => d.key === 'arrivalWithFine');
    expect(deadline).toMatchObject({ dueAt: '2025-10-09T09:00:00.000Z', state: 'open' });
    // The default pack's T1 deadline has the same due time and reminder; only the test rule carries a fine.
    now = new Date('2025-10-09T16:30:00+08:00');
    expect(await server.services.scheduler.tick()).toEqual({ breached: 0, reminded: 2 });
    now = new Date('2025-10-09T17:01:00+08:00');
    expect((await server.services.scheduler.tick()).breached).toBe(2);
    expect((await server.services.scheduler.tick()).breached).toBe(0);
    // Seven hours later the sessions have been idle past their timeout: sign in again.
    staff = await server.signIn('clerk', 'clerk-password-123');
    manager = await server.signIn('boss', 'boss-password-123');
    const fines = await manager('GET', '/fines');
    const mine = fines.body.items.filter((f: { recordId: string }) => f.recordId === created.body.id);
    expect(mine).toEqual([expect.objectContaining({ amount: 10, person: '赵师傅', payerRole: 'technician', origin: 'breach' })]);
    const overdue = await manager('GET', '/deadlines?state=breached');
    expect(overdue.body.items.some((d: { recordId: string }) => d.recordId === created.body.id)).toBe(true);
  });

  it('when a record is updated with a stale revision, then it is a 409 and nothing changes', async () => {
    const created = await staff('POST', '/records', {
      form: 'vehicle-use',
      data: { user: 'a', driver: 'clerk', departureTime: '2025-10-09T09:00:00+08:00', purpose: 'c' },
    });
    const data = { ...created.body.data, purpose: 'd' };
    expect((await staff('PUT', `/records/${created.body.id}`, { data, rev: 1 })).status).toBe(200);
    expect((await staff('PUT', `/records/${created.body.id}`, { data: { ...data, purpose: 'e' }, rev: 1 })).status).toBe(409);
    expect((await staff('GET', `/records/${created.body.id}`)).body.data.purpose).toBe('d');
  });

  it('when bodies are malformed, oversized, carry unknown fields, __proto__ or operator query parameters, then each is a 4xx with pointers', async () => {
    expect((await staff('POST', '/records', '{"form": ')).status).toBe(400);
    expect((await staff('POST', '/records', { form: 'vehicle-use', data: {}, extra: 1 })).body.error.details[0].pointer).toBe('/extra');
    expect((await staff('POST', '/records', '{"form":"vehicle-use","data":{},"__proto__":{"x":1}}')).body.error.details[0].pointer).toBe(
      '/__proto__',
    );
    expect(
      (await staff('POST', '/records', { form: 'vehicle-use', data: { user: 1 } })).body.error.details.map(
        (d: { pointer: string }) => d.pointer,
      ),
    ).toContain('/data/user');
    expect((await staff('GET', '/records?status[$ne]=x')).status).toBe(400);
    expect((await staff('GET', '/records?limit=100000')).status).toBe(400);
    const huge = await staff('POST', '/records', { form: 'vehicle-use', data: { user: 'x'.repeat(2_000_000) } });
    expect(huge.status).toBe(413);
    expect((await staff('POST', '/records', { form: 'no-such-form', data: {} })).status).toBe(404);
  });

  it('when staff try admin routes, then they are refused with 403', async () => {
    expect((await staff('POST', '/pack', { files: [file('x.json', {})] })).status).toBe(403);
    expect((await staff('GET', '/users')).status).toBe(403);
  });
});
