import { components } from '@aftersales/contract';

/**
 * Request body schemas by name, for routes declared the old way (`body: 'Name'`); they are the
 * contract's schemas (packages/contract). New routes declare a contract endpoint instead (see typedRoute.ts).
 */
export const bodySchemas = {
  Login: components.Login,
  Definition: components.Definition,
  Publish: components.Publish,
  Rollback: components.Rollback,
  Archive: components.Archive,
  RecordCreate: components.RecordCreate,
  RecordUpdate: components.RecordUpdate,
  Transition: components.Transition,
  Withdrawal: components.Withdrawal,
  Decision: components.Decision,
  Push: components.Push,
  Evaluate: components.Evaluate,
  UserCreate: components.UserCreate,
  UserUpdate: components.UserUpdate,
  CalendarPreview: components.CalendarPreview,
  FineCorrection: components.FineCorrection,
  ApiKeyCreate: components.ApiKeyCreate,
} as const;

export type BodySchemaName = keyof typeof bodySchemas;
