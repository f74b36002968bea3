import type { TSchema } from 'typebox';
import { ApiKeyCreate, Login, UserCreate, UserUpdate } from './endpoints/auth.js';
import {
  Archive,
  DefinitionBody,
  DocumentDetail,
  DocumentSummary,
  Publish,
  PublishedVersion,
  Rollback,
  VersionInfo,
} from './endpoints/definitions.js';
import { Dispatch, Person } from './endpoints/fieldwork.js';
import { Impact, ImpactAnswer, ImpactStreamLine } from './endpoints/impact.js';
import { ChannelCreate, ChannelInfo, Delivery } from './endpoints/notices.js';
import { CalendarPreviewBody, DeadlineShift, PackChange, Push } from './endpoints/pack.js';
import { Evaluate, RecordCreate, RecordListItem, RecordUpdate, RecordView, Transition } from './endpoints/records.js';
import { ApprovalItem, Decision, DeadlineItem, FineCorrection, LedgerItem, LedgerLine, NoticeItem, Withdrawal } from './endpoints/work.js';
import { ErrorBody } from './errors/ErrorBody.js';
import {
  ApiKeyInfo,
  Approval,
  ApprovalWithChanges,
  AuditEntry,
  DeadlineRow,
  ErrorDetail,
  FieldChange,
  FileInfo,
  FineEntry,
  LocalizedText,
  Notice,
  PublicUser,
  RecordBrief,
} from './shapes.js';

/**
 * The named schemas of the OpenAPI document (`#/components/schemas/<name>`): an endpoint's schema
 * that is one of these is referenced by name, so a generated client gets a named type for it.
 */
export const components = {
  // request bodies
  Login,
  UserCreate,
  UserUpdate,
  ApiKeyCreate,
  Definition: DefinitionBody,
  Publish,
  Rollback,
  Archive,
  RecordCreate,
  RecordUpdate,
  Transition,
  Evaluate,
  Decision,
  Withdrawal,
  FineCorrection,
  Push,
  CalendarPreview: CalendarPreviewBody,
  Impact,
  Dispatch,
  ChannelCreate,
  // answers
  Error: ErrorBody,
  ErrorDetail,
  LocalizedText,
  PublicUser,
  ApiKeyInfo,
  DocumentSummary,
  DocumentDetail,
  VersionInfo,
  PublishedVersion,
  RecordView,
  RecordListItem,
  RecordBrief,
  AuditEntry,
  DeadlineRow,
  DeadlineItem,
  Approval,
  ApprovalWithChanges,
  ApprovalItem,
  FieldChange,
  FineEntry,
  LedgerItem,
  LedgerLine,
  Notice,
  NoticeItem,
  ImpactAnswer,
  ImpactStreamLine,
  Person,
  ChannelInfo,
  Delivery,
  FileInfo,
  PackChange,
  DeadlineShift,
} satisfies Record<string, TSchema>;
