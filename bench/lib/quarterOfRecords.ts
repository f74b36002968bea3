// A quarter of after-sales records (F1) as a store keeps them, for benches that must not measure one
// record over and over (whose dates, offsets and texts every cache of the engine then holds): calls on
// any of 90 days, in and out of working hours, urban and suburban, security faults, units taken back,
// finished or not, each evaluated when it was last written. Drawn by fast-check from a fixed seed, so
// every run measures the same records.
import fc from 'fast-check';

export interface QuarterRecord {
  data: Record<string, unknown>;
  context: { now: string; status: string };
}

const QUARTER_START = Date.parse('2025-07-01T00:00:00+08:00');
const MINUTE = 60_000;
const TECHNICIANS = Array.from({ length: 30 }, (_, i) => `技术员${i + 1}`);
const BRANDS = ['meixinDoor', 'changguTile', 'kohler', 'sungoBath', 'goldenCabinet', 'holikeWardrobe', 'xibianliangStairs'] as const;

/** "YYYY-MM-DDTHH:mm:ss+08:00", as the web app writes a time picked in Shanghai. */
function shanghai(ms: number): string {
  return `${new Date(ms + 8 * 60 * MINUTE).toISOString().slice(0, 19)}+08:00`;
}

const record = fc
  .record({
    day: fc.integer({ min: 0, max: 89 }),
    minuteOfDay: fc.integer({ min: 7 * 60, max: 21 * 60 + 59 }),
    zone: fc.constantFrom('urban', 'urban', 'urban', 'suburban'),
    securityFault: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    ringZone: fc.constantFrom('ring1', 'ring2', 'ring3', 'nearbyCity', 'beyond'),
    serviceType: fc.constantFrom('repair', 'repair', 'repair', 'install', 'delivery', 'measure', 'design'),
    billingCategory: fc.constantFrom('paid', 'contract', 'free'),
    brand: fc.constantFrom(...BRANDS),
    purchaseDaysBefore: fc.integer({ min: 10, max: 2_000 }),
    takenBack: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
    units: fc.integer({ min: 1, max: 60 }),
    rings: fc.integer({ min: 0, max: 6 }),
    dispatchAfter: fc.integer({ min: 5, max: 120 }),
    arrivalAfter: fc.integer({ min: 30, max: 720 }),
    finishAfter: fc.option(fc.integer({ min: 20, max: 600 }), { freq: 5 }),
    fee: fc.constantFrom(0, 0, 80, 120, 180, 260, 450),
    technician: fc.constantFrom(...TECHNICIANS),
    expertCalled: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    received: fc.boolean(),
  })
  .map((r): QuarterRecord => {
    const call = QUARTER_START + r.day * 1_440 * MINUTE + r.minuteOfDay * MINUTE;
    const dispatch = call + r.dispatchAfter * MINUTE;
    const arrival = dispatch + r.arrivalAfter * MINUTE;
    const completed = r.finishAfter === null ? undefined : arrival + r.finishAfter * MINUTE;
    const data: Record<string, unknown> = {
      ticketNo: `SH-2025-${String(r.day).padStart(2, '0')}${String(r.minuteOfDay).padStart(4, '0')}`,
      store: '解放路店',
      customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号 3 单元 502' },
      brand: r.brand,
      purchaseDate: new Date(call - r.purchaseDaysBefore * 1_440 * MINUTE).toISOString().slice(0, 10),
      hasMaintenanceContract: r.billingCategory === 'contract',
      serviceType: r.serviceType,
      billingCategory: r.billingCategory,
      problemDescription: '马桶水箱进水阀漏水',
      zone: r.zone,
      securitySystemFault: r.securityFault,
      ...(r.securityFault ? { ringZone: r.ringZone } : {}),
      callTime: shanghai(call),
      ringsBeforeAnswer: r.rings,
      dispatchTime: shanghai(dispatch),
      technician: r.technician,
      arrivalTime: shanghai(arrival),
      resolution: r.takenBack ? 'takenBack' : 'fixedOnSite',
      ...(r.takenBack ? { unitsReceived: r.units, goodsReceiptNo: `G-${r.units}` } : {}),
      fee: r.fee,
      expertCalled: r.expertCalled,
      commissionBase: r.fee,
      ...(completed === undefined ? {} : { completedAt: shanghai(completed) }),
      ...(completed !== undefined && r.received ? { customerReceivedAt: shanghai(completed + 30 * MINUTE) } : {}),
    };
    const lastWritten = completed ?? arrival;
    // Read back from JSON, as a store hands records to the engine.
    return {
      data: JSON.parse(JSON.stringify(data)) as Record<string, unknown>,
      context: { now: shanghai(lastWritten + 5 * MINUTE), status: completed === undefined ? 'onSite' : 'completed' },
    };
  });

/** `count` records of one quarter (the same ones on every call). */
export function quarterOfRecords(count: number): QuarterRecord[] {
  return fc.sample(record, { seed: 20_251_001, numRuns: count });
}
