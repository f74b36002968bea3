import { describe, expect, it } from 'vitest';
import { countOf, evaluate, outcomesOf, policyFor } from './harness.js';

const now = { now: '2025-10-20T10:00:00+08:00' };

describe('F2 parts requisition', () => {
  const F2 = 'parts-requisition';
  const requisition = {
    requisitionNo: 'LL-1',
    requester: '王师傅',
    items: [{ name: '进水阀', qty: 2, unitPrice: 85 }],
    purpose: 'repair',
    totalAmount: 170,
  };

  it('F2 accepts: a requisition with items and purpose', () => {
    expect(policyFor(F2).validate(requisition).valid).toBe(true);
  });
  it('F2 refuses: a requisition line with quantity 0', () => {
    expect(policyFor(F2).validate({ ...requisition, items: [{ name: 'x', qty: 0 }] }).errors[0]!.pointer).toBe('/items/0/qty');
  });
  it('A3 applies: when a requisition is filled, then the supervisor approves it before 已审批 and the parts-group leader before 已发放', async () => {
    const { approvals } = outcomesOf(await evaluate(F2, requisition, now), 'A3');
    expect(approvals.map((a) => [a.approver, a.before])).toEqual([
      ['partsGroupLeader', 'issued'],
      ['afterSalesSupervisor', 'approved'],
    ]);
  });
  it('A3 does not apply: to submitting a draft, and a signature is no field one could tick', async () => {
    const { approvals } = outcomesOf(await evaluate(F2, requisition, now), 'A3');
    expect(approvals.map((a) => a.before)).not.toContain('submitted');
    expect(policyFor(F2).validate({ ...requisition, partsLeaderSigned: true }).valid).toBe(false);
  });
  it('A4 applies: when a warranty claim of 6,000 yuan is ordered, then the workshop manager and the after-sales director approve', async () => {
    const { approvals } = outcomesOf(await evaluate(F2, { ...requisition, purpose: 'warrantyClaim', totalAmount: 6000 }, now), 'A4');
    expect(approvals.map((a) => a.approver)).toEqual(['workshopManager', 'afterSalesDirector']);
  });
  it('A4 does not apply: when the parts are for a repair', async () => {
    expect(countOf(await evaluate(F2, requisition, now), 'A4')).toBe(0);
  });
  it('A13 applies: when a self-purchased part has two quotes, then approval is blocked', async () => {
    expect(outcomesOf(await evaluate(F2, { ...requisition, selfPurchased: true, quotesCompared: 2 }, now), 'A13').blocks[0]!.before).toBe(
      'approved',
    );
  });
  it('A13 does not apply: when three quotes were compared', async () => {
    expect(countOf(await evaluate(F2, { ...requisition, selfPurchased: true, quotesCompared: 3 }, now), 'A13')).toBe(0);
  });
  it('T6 applies: when parts are lent on Oct 20 10:00, then the outbound paperwork is due Oct 23 10:00', async () => {
    const [deadline] = outcomesOf(
      await evaluate(F2, { ...requisition, lentToTechnician: true, lentAt: '2025-10-20T10:00:00+08:00' }, now),
      'T6',
    ).deadlines;
    expect(deadline).toMatchObject({
      key: 'outboundPaperwork',
      dueAt: '2025-10-23T02:00:00.000Z',
      owner: { role: 'technician', person: '王师傅' },
    });
  });
  it('T6 does not apply: when nothing was lent', async () => {
    expect(countOf(await evaluate(F2, requisition, now), 'T6')).toBe(0);
  });
  it('P11 applies: when a special tool worth 380 yuan is lost, then the borrower pays 380', async () => {
    expect(
      outcomesOf(await evaluate(F2, { ...requisition, specialToolLost: true, toolOriginalPrice: 380 }, now), 'P11').fines[0],
    ).toMatchObject({ amount: 380, payer: { person: '王师傅' } });
  });
  it('P11 does not apply: when no tool was lost', async () => {
    expect(countOf(await evaluate(F2, requisition, now), 'P11')).toBe(0);
  });
});

describe('F5 vehicle use', () => {
  const F5 = 'vehicle-use';
  const trip = { user: '张三', driver: '李四', departureTime: '2025-10-20T09:00:00+08:00', purpose: '送货' };

  it('F5 accepts: a trip with user, driver, departure and purpose', () => {
    expect(policyFor(F5).validate(trip).valid).toBe(true);
  });
  it('F5 refuses: a trip with a negative repair cost', () => {
    expect(policyFor(F5).validate({ ...trip, repairCost: -5 }).errors[0]!.pointer).toBe('/repairCost');
  });
  it('A1 applies: when a repair costs 350 yuan, then the general manager approves before the repair', async () => {
    expect(outcomesOf(await evaluate(F5, { ...trip, repairCost: 350 }, now), 'A1').approvals[0]).toMatchObject({
      approver: 'generalManager',
      before: 'repairApproved',
    });
  });
  it('A1 does not apply: when a repair costs exactly 200 yuan', async () => {
    expect(countOf(await evaluate(F5, { ...trip, repairCost: 200 }, now), 'A1')).toBe(0);
  });
  it('A2 applies: when the car is used on a holiday, then the general manager approves first', async () => {
    expect(outcomesOf(await evaluate(F5, { ...trip, holidayOrAfterHoursUse: true }, now), 'A2').approvals[0]).toMatchObject({
      approver: 'generalManager',
      before: 'approved',
    });
  });
  it('A2 does not apply: when it is a working-day business trip', async () => {
    expect(countOf(await evaluate(F5, trip, now), 'A2')).toBe(0);
  });
  it('P7 applies: when the driver let someone else drive, then he pays 100 yuan', async () => {
    expect(outcomesOf(await evaluate(F5, { ...trip, lentToOtherDriver: true }, now), 'P7').fines[0]).toMatchObject({
      amount: 100,
      payer: { role: 'driver', person: '李四' },
    });
  });
  it('P7 does not apply: when he drove himself', async () => {
    expect(countOf(await evaluate(F5, { ...trip, lentToOtherDriver: false }, now), 'P7')).toBe(0);
  });
  it('P8 applies: when the car is untidy after a warning, then 10 yuan', async () => {
    expect(outcomesOf(await evaluate(F5, { ...trip, untidyAfterWarning: true }, now), 'P8').fines[0]!.amount).toBe(10);
  });
  it('P8 does not apply: when the car is tidy', async () => {
    expect(countOf(await evaluate(F5, trip, now), 'P8')).toBe(0);
  });
  it("P9 applies: when a 200-yuan traffic fine was the driver's fault, then he pays 60", async () => {
    expect(
      outcomesOf(await evaluate(F5, { ...trip, trafficFineAmount: 200, trafficFinePersonalFault: true }, now), 'P9').fines[0]!.amount,
    ).toBe(60);
  });
  it('P9 does not apply: when the fine was not his fault', async () => {
    expect(countOf(await evaluate(F5, { ...trip, trafficFineAmount: 200, trafficFinePersonalFault: false }, now), 'P9')).toBe(0);
  });
  it('P10 applies: when the driver bears the main blame for 3,000 yuan after insurance, then he pays 20% (600); unauthorised use 100%', async () => {
    expect(
      outcomesOf(await evaluate(F5, { ...trip, accidentResponsibility: 'main', accidentCostAfterInsurance: 3000 }, now), 'P10').fines[0]!
        .amount,
    ).toBe(600);
    expect(
      outcomesOf(await evaluate(F5, { ...trip, accidentResponsibility: 'unauthorizedUse', accidentCostAfterInsurance: 3000 }, now), 'P10')
        .fines[0]!.amount,
    ).toBe(3000);
  });
  it('P10 does not apply: when there was no accident', async () => {
    expect(countOf(await evaluate(F5, { ...trip, accidentResponsibility: 'none' }, now), 'P10')).toBe(0);
  });
  it('C2 applies: when a private car goes 10-50 km out of town, then the subsidy is 30 yuan; a motorbike 220 a month', async () => {
    expect(
      outcomesOf(await evaluate(F5, { ...trip, ownVehicle: 'privateCar', tripKind: 'outOfTown10to50km' }, now), 'C2').amounts[0],
    ).toMatchObject({ name: 'carSubsidy', value: 30 });
    expect(outcomesOf(await evaluate(F5, { ...trip, ownVehicle: 'motorbike' }, now), 'C2').amounts[0]).toMatchObject({
      name: 'motorbikeAllowance',
      value: 220,
    });
  });
  it('C2 does not apply: when the company car is used', async () => {
    expect(countOf(await evaluate(F5, { ...trip, ownVehicle: 'none', tripKind: 'inTown' }, now), 'C2')).toBe(0);
  });
});

describe('F8 sales contract', () => {
  const F8 = 'sales-contract';
  const contract = {
    contractNo: 'XS-1',
    customer: '钱先生',
    customerType: 'new',
    productKind: 'regular',
    amount: 8000,
    salesperson: '小孙',
    contractSigned: true,
    customerRecordReported: true,
  };

  it('F8 accepts: a contract with customer type, product kind and amount', () => {
    expect(policyFor(F8).validate(contract).valid).toBe(true);
  });
  it('F8 refuses: a contract with an unknown product kind', () => {
    expect(policyFor(F8).validate({ ...contract, productKind: 'vintage' }).errors[0]!.pointer).toBe('/productKind');
  });
  it('C1 applies: when a new customer buys regular products for 8,000, then the deposit is 1,600 (20%); 12,000 gives 3,600 (30%); custom 50%', async () => {
    expect(outcomesOf(await evaluate(F8, contract, now), 'C1').amounts[0]).toMatchObject({ name: 'deposit', value: 1600 });
    expect(outcomesOf(await evaluate(F8, { ...contract, amount: 12000 }, now), 'C1').amounts[0]!.value).toBe(3600);
    expect(outcomesOf(await evaluate(F8, { ...contract, productKind: 'custom' }, now), 'C1').amounts[0]!.value).toBe(4000);
  });
  it('C1 does not apply: when an existing customer buys regular products', async () => {
    expect(countOf(await evaluate(F8, { ...contract, customerType: 'old' }, now), 'C1')).toBe(0);
  });
  it('A6 applies: when an existing customer signs for 12,000, then the general manager approves; for 8,000 the logistics supervisor', async () => {
    expect(outcomesOf(await evaluate(F8, { ...contract, customerType: 'old', amount: 12000 }, now), 'A6').approvals[0]).toMatchObject({
      approver: 'generalManager',
      before: 'signed',
    });
    expect(outcomesOf(await evaluate(F8, { ...contract, customerType: 'old' }, now), 'A6').approvals[0]!.approver).toBe(
      'logisticsSupervisor',
    );
  });
  it('A6 does not apply: when the customer is new', async () => {
    expect(countOf(await evaluate(F8, contract, now), 'A6')).toBe(0);
  });
  it('A7 applies: when any credit sale is made, then the general manager signs', async () => {
    expect(outcomesOf(await evaluate(F8, { ...contract, amount: 300, creditSale: true }, now), 'A7').approvals[0]!.approver).toBe(
      'generalManager',
    );
  });
  it('A7 does not apply: when the customer pays', async () => {
    expect(countOf(await evaluate(F8, contract, now), 'A7')).toBe(0);
  });
  it('A8 applies: when a custom product has no signed contract, then delivery is blocked', async () => {
    expect(
      outcomesOf(await evaluate(F8, { ...contract, productKind: 'custom', amount: 500, contractSigned: false }, now), 'A8').blocks[0]!
        .before,
    ).toBe('delivered');
  });
  it('A8 does not apply: when a regular product costs 800 yuan', async () => {
    expect(countOf(await evaluate(F8, { ...contract, amount: 800, contractSigned: false }, now), 'A8')).toBe(0);
  });
  it('A9 applies: when a 5,000-yuan sale is not yet reported, then the logistics manager is told', async () => {
    expect(outcomesOf(await evaluate(F8, { ...contract, amount: 5000, customerRecordReported: false }, now), 'A9').notices).toHaveLength(1);
  });
  it('A9 does not apply: when the sale is 4,999 yuan', async () => {
    expect(countOf(await evaluate(F8, { ...contract, amount: 4999, customerRecordReported: false }, now), 'A9')).toBe(0);
  });
  it('A5 applies: when the customer asks to return goods, then the general manager approves the return', async () => {
    expect(outcomesOf(await evaluate(F8, { ...contract, returnRequested: true }, now), 'A5').approvals[0]).toMatchObject({
      approver: 'generalManager',
      before: 'returned',
    });
  });
  it('A5 does not apply: when no return is asked for', async () => {
    expect(countOf(await evaluate(F8, contract, now), 'A5')).toBe(0);
  });
  it('T10 applies: when goods are accepted on Oct 20 10:00, then the warranty certificate is due Oct 23 10:00', async () => {
    expect(outcomesOf(await evaluate(F8, { ...contract, acceptedAt: '2025-10-20T10:00:00+08:00' }, now), 'T10').deadlines[0]).toMatchObject(
      { dueAt: '2025-10-23T02:00:00.000Z' },
    );
  });
  it('T10 does not apply: when nothing is accepted yet', async () => {
    expect(countOf(await evaluate(F8, contract, now), 'T10')).toBe(0);
  });
  it('P12 applies: when cash taken on Monday is not handed in by closing, then the deadline is breached; over-limit contracts warn the GM', async () => {
    const cash = { ...contract, cashReceived: 2000, signedAt: '2025-10-20T11:00:00+08:00' };
    expect(outcomesOf(await evaluate(F8, cash, { now: '2025-10-20T18:30:00+08:00' }), 'P12').deadlines[0]).toMatchObject({
      dueAt: '2025-10-20T10:00:00.000Z',
      state: 'breached',
    });
    expect(outcomesOf(await evaluate(F8, { ...contract, overLimit: true }, now), 'P12').notices[0]!.to.role).toBe('generalManager');
  });
  it('P12 does not apply: when no cash was taken and the contract is within the limit', async () => {
    expect(countOf(await evaluate(F8, contract, now), 'P12')).toBe(0);
  });
});

describe('F9 accident-repair quote', () => {
  const F9 = 'accident-quote';
  const quote = {
    quoteNo: 'BJ-1',
    advisor: '顾问甲',
    quotedAt: '2025-10-20T10:00:00+08:00',
    grossMarginPercent: 35,
  };

  it('F9 accepts: a quote with advisor and time', () => {
    expect(policyFor(F9).validate(quote).valid).toBe(true);
  });
  it('F9 refuses: a discount rate of 1.2', () => {
    expect(policyFor(F9).validate({ ...quote, discountRate: 1.2 }).errors[0]!.pointer).toBe('/discountRate');
  });
  it('P3 applies: when the advisor gives a 6th 10%-off discount this week, then 20 yuan; without a reason, 20 more', async () => {
    const evaluation = await evaluate(
      F9,
      { ...quote, discountRate: 0.9 },
      { ...now, history: { 'accident-quote.quotes': { discountsThisWeek: 6 } } },
    );
    expect(outcomesOf(evaluation, 'P3').fines.map((f) => f.amount)).toEqual([20, 20]);
  });
  it('P3 does not apply: when it is the 3rd discount this week, with a reason', async () => {
    const evaluation = await evaluate(
      F9,
      { ...quote, discountRate: 0.9, discountReason: '老客户' },
      { ...now, history: { 'accident-quote.quotes': { discountsThisWeek: 3 } } },
    );
    expect(countOf(evaluation, 'P3')).toBe(0);
  });
  it('P4 applies: when the margin is 25% without an explanation, then 50 yuan', async () => {
    expect(outcomesOf(await evaluate(F9, { ...quote, grossMarginPercent: 25 }, now), 'P4').fines[0]!.amount).toBe(50);
  });
  it('P4 does not apply: when the low margin is explained', async () => {
    expect(countOf(await evaluate(F9, { ...quote, grossMarginPercent: 25, marginExplanation: '保险公司定损价' }, now), 'P4')).toBe(0);
  });
  it('P5 applies: when an unclear part name caused a wrong order, then 30 yuan', async () => {
    expect(outcomesOf(await evaluate(F9, { ...quote, wrongOrderFromUnclearName: true }, now), 'P5').fines[0]!.amount).toBe(30);
  });
  it('P5 does not apply: when the order was right', async () => {
    expect(countOf(await evaluate(F9, quote, now), 'P5')).toBe(0);
  });
  it("A14 applies: when a quote is made, then ordering waits for the after-sales manager's approval", async () => {
    expect(outcomesOf(await evaluate(F9, quote, now), 'A14').approvals.map((a) => [a.approver, a.before])).toEqual([
      ['afterSalesManager', 'ordered'],
    ]);
  });
  it('A14 does not apply: to quoting, and a signature is no field one could tick', async () => {
    expect(outcomesOf(await evaluate(F9, quote, now), 'A14').approvals.map((a) => a.before)).not.toContain('quoted');
    expect(policyFor(F9).validate({ ...quote, responsibleSigned: true }).valid).toBe(false);
  });
});

describe('F10 office supplies', () => {
  const F10 = 'office-supply-request';
  const request = { item: '打印纸', itemKind: 'general', unitPrice: 30, quantity: 2, unit: 'pack', requester: '小周' };

  it('F10 accepts: a request with item, kind, price and quantity', () => {
    expect(policyFor(F10).validate(request).valid).toBe(true);
  });
  it('F10 refuses: a request for 0 items', () => {
    expect(policyFor(F10).validate({ ...request, quantity: 0 }).errors[0]!.pointer).toBe('/quantity');
  });
  it('A11 applies: when a unit costs 150 yuan, then the department head approves (high-value flow)', async () => {
    expect(outcomesOf(await evaluate(F10, { ...request, unitPrice: 150 }, now), 'A11').approvals[0]!.approver).toBe('departmentHead');
  });
  it('A11 applies as low-value: when a unit costs 99 yuan, then the assistant approves and issues it (low-value flow)', async () => {
    const outcome = outcomesOf(await evaluate(F10, { ...request, unitPrice: 99 }, now), 'A11');
    expect(outcome.approvals.map((a) => a.approver)).toEqual(['assistant']);
  });
  it('A11 does not apply: when the request is for reception cigarettes', async () => {
    expect(countOf(await evaluate(F10, { ...request, itemKind: 'cigarettes', quantity: 1 }, now), 'A11')).toBe(0);
  });
  it('A12 applies: when 5 packs, then the assistant; 8 packs the department head; 2 cartons the executive deputy GM', async () => {
    const approver = async (unit: string, quantity: number) =>
      outcomesOf(await evaluate(F10, { ...request, itemKind: 'cigarettes', unit, quantity }, now), 'A12').approvals.map((a) => a.approver);
    expect(await approver('pack', 5)).toEqual(['assistant']);
    expect(await approver('pack', 8)).toEqual(['departmentHead']);
    expect(await approver('carton', 2)).toEqual(['executiveDeputyGeneralManager']);
    expect(await approver('carton', 1)).toEqual(['departmentHead']);
    expect(await approver('pack', 11)).toEqual(['executiveDeputyGeneralManager']);
  });
  it('A12 does not apply: when the request is for paper', async () => {
    expect(countOf(await evaluate(F10, request, now), 'A12')).toBe(0);
  });
});

describe('F11 parts stock-in', () => {
  const F11 = 'parts-stock-in';
  const line = { name: '进水阀', qty: 10, qualityOk: true, quantityMatches: true, usable: true };
  const stockIn = {
    stockInNo: 'RK-1',
    supplier: '科勒配件',
    lines: [line],
    receivedAt: '2025-10-20T10:00:00+08:00',
    matchesRequisition: true,
  };

  it('F11 accepts: a stock-in with inspected lines', () => {
    expect(policyFor(F11).validate(stockIn).valid).toBe(true);
  });
  it('F11 refuses: a stock-in without lines', () => {
    const { lines: _l, ...rest } = stockIn;
    expect(policyFor(F11).validate(rest).errors[0]!.pointer).toBe('/lines');
  });
  it('A15 applies: when one line fails quality, then stocking is blocked', async () => {
    const evaluation = await evaluate(F11, { ...stockIn, lines: [line, { ...line, qualityOk: false }] }, now);
    expect(outcomesOf(evaluation, 'A15').blocks.map((b) => b.before)).toEqual(['stocked']);
  });
  it('A15 applies: when the delivery does not match its requisition, then stocking is blocked; the purchase always needs the department head', async () => {
    const outcome = outcomesOf(await evaluate(F11, { ...stockIn, matchesRequisition: false }, now), 'A15');
    expect(outcome.blocks).toHaveLength(1);
    expect(outcome.approvals.map((a) => [a.approver, a.before])).toEqual([['departmentHead', 'stocked']]);
  });
  it('A15 does not apply: when every line passes and the delivery matches, then nothing blocks (only the approval remains)', async () => {
    const outcome = outcomesOf(await evaluate(F11, stockIn, now), 'A15');
    expect(outcome.blocks).toEqual([]);
    expect(policyFor(F11).validate({ ...stockIn, purchaseApproved: true }).valid).toBe(false);
  });
});
