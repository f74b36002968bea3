import { customizeValidator } from '@rjsf/validator-ajv8';
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { ajvOptions, configureRecordAjv } from '@aftersales/engine';

/**
 * RJSF's ajv validator on the engine's own ajv set-up (options, formats, decimal `multipleOf`),
 * for drafts that have no published version yet: the form preview and the test bench. It compiles
 * schemas in the browser; the staff area instead loads the published version's validate
 * functions from the server (staff/shared/PublishedRecordForm).
 */
export const liveValidator: ValidatorType = customizeValidator({
  ajvOptionsOverrides: { ...ajvOptions, keywords: [...ajvOptions.keywords] },
  ajvFormatOptions: false,
  extenderFn: configureRecordAjv,
});

export const liveValidatorFor = (_schema: RJSFSchema) => liveValidator;
