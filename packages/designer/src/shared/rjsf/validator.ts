import { customizeValidator } from '@rjsf/validator-ajv8';
import { ajvOptions } from '@aftersales/engine';

/**
 * RJSF's validator with the engine's own ajv options (draft-07, annotation keywords, formats):
 * a record is valid in the browser exactly when the server accepts it.
 */
export const recordValidator = customizeValidator({ ajvOptionsOverrides: { ...ajvOptions, keywords: [...ajvOptions.keywords] } });
