import { pickText, type FormDefinition, type Pack } from '@aftersales/engine';
import { domainDetail } from '../../errors/domainDetail.js';
import { DomainError } from '../../errors/DomainError.js';
import type { RecordsRepository } from '../../store/ports/RecordsRepository.js';
import type { StoredRecord } from '../../store/types.js';
import { recordTitle } from '../recordTitle.js';
import { storeTimeZone } from '../recordDateFilter.js';
import { fieldLabel, linksOf } from './linkFields.js';

/** How many records linking to one a record page lists (a ticket has a handful of visits). */
const LINKING_LIMIT = 100;

type Text = { 'zh-CN': string; en: string };

/** A record as a linked record's page names it: its title and status in both languages. */
interface LinkedRecordView {
  id: string;
  formId: string;
  title: Text;
  status: string | null;
  statusLabel: Text | null;
  createdAt: string;
}

/**
 * Linked records (a return visit -> its ticket): a link must name a record of the field's form in
 * the same store (the rules read the linked record's values: linkedFacts.ts); a record's page shows
 * its links both ways, the records linking to one read through an index.
 */
export class RecordLinks {
  constructor(
    private readonly store: Pick<RecordsRepository, 'getRecord' | 'linkingRecords'>,
    private readonly pack: () => Promise<Pack>,
    /** People's display names by user name (titles that name a person). */
    private readonly names: () => Promise<ReadonlyMap<string, string>>,
  ) {}

  /** Refuses a link to a record that is missing, of another form or of another store (a 422 at the field). */
  async refuseBadLinks(form: FormDefinition, data: unknown, store: string | null): Promise<void> {
    for (const { field, toId } of linksOf(form, data)) {
      const target = form.schema.properties?.[field]?.['x-linkForm'];
      const linked = await this.store.getRecord(toId);
      if (linked && linked.formId === target && linked.store === store) continue;
      const label = fieldLabel(form.schema.properties?.[field] ?? {}, field);
      const targetForm = (await this.pack()).forms.get(String(target))?.definition;
      const formZh = targetForm ? pickText(targetForm.title, 'zh-CN') : String(target);
      const formEn = targetForm ? pickText(targetForm.title, 'en') : String(target);
      throw new DomainError(
        'link.unknownRecord',
        { fieldZh: label.zh, fieldEn: label.en, formZh, formEn },
        { details: [domainDetail(`/data/${field}`, 'detail.pickLinkedRecord', { formZh, formEn })] },
      );
    }
  }

  /**
   * A record's links both ways, each by the other record's title: the records its link fields name,
   * and the records whose link fields name it (newest first); only records the caller may see.
   */
  async view(record: StoredRecord, visible: (other: StoredRecord) => boolean) {
    const pack = await this.pack();
    const formOf = (id: string) => pack.forms.get(id)?.definition;
    const label = (form: FormDefinition | undefined, field: string): Text => {
      const text = fieldLabel(form?.schema.properties?.[field] ?? {}, field);
      return { 'zh-CN': text.zh, en: text.en };
    };
    const own = formOf(record.formId);
    const links: { field: string; label: Text; other: StoredRecord }[] = [];
    for (const { field, toId } of own ? linksOf(own, record.data) : []) {
      const other = await this.store.getRecord(toId);
      if (other && visible(other)) links.push({ field, label: label(own, field), other });
    }
    const linkedFrom: typeof links = [];
    for (const other of await this.store.linkingRecords(record.id, LINKING_LIMIT)) {
      if (!visible(other)) continue;
      const form = formOf(other.formId);
      for (const { field, toId } of form ? linksOf(form, other.data) : [])
        if (toId === record.id) linkedFrom.push({ field, label: label(form, field), other });
    }
    // People's names are read only for a record that has links to title.
    const people = links.length + linkedFrom.length > 0 ? await this.names() : new Map<string, string>();
    const present = ({ field, label, other }: (typeof links)[number]) => {
      const form = formOf(other.formId);
      const state = form?.statusFlow?.states.find((s) => s.id === other.status);
      const view: LinkedRecordView = {
        id: other.id,
        formId: other.formId,
        title: recordTitle(form, other, storeTimeZone(pack, other.formId), people),
        status: other.status,
        statusLabel: state ? { 'zh-CN': pickText(state.label, 'zh-CN'), en: pickText(state.label, 'en') } : null,
        createdAt: other.createdAt,
      };
      return { field, label, record: view };
    };
    return { links: links.map(present), linkedFrom: linkedFrom.map(present) };
  }
}
