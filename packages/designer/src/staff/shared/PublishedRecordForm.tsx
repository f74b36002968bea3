import { useCallback, useEffect, useState } from 'react';
import { Alert } from 'antd';
import { hashForSchema, ID_KEY, type RJSFSchema, type ValidatorType } from '@rjsf/utils';
import createPrecompiledValidator from '@rjsf/validator-ajv8/lib/createPrecompiledValidator.js';
import type { ValidatorFunctions } from '@rjsf/validator-ajv8/lib/types.js';
import { loadValidatorRuntime, type Locale, type RecordValidatorsModule } from '@aftersales/engine';
import { API_BASE } from '../../api/ApiClient';
import { Loading } from '../../app/Loading';
import { useI18n } from '../../i18n/I18nContext';
import { RecordForm, type RecordFormProps } from '../../shared/rjsf/RecordForm';

/** The module of a published version's validate functions, made by the server from its own ajv. */
async function loadValidators(formId: string, version: number, locale: Locale): Promise<ValidatorFunctions> {
  const url = `${API_BASE}/forms/${encodeURIComponent(formId)}/versions/${version}/validator.js?locale=${locale}`;
  const module = (await import(/* @vite-ignore */ url)) as RecordValidatorsModule;
  // The linear regular-expression engine is fetched only for a form with patterns.
  return module.default(await loadValidatorRuntime(module.requires)) as ValidatorFunctions;
}

/**
 * RJSF's precompiled validator on those functions. A sub-schema RJSF's parser did not foresee has
 * no function: it matches nothing, as with RJSF's ajv validator when it cannot compile one.
 */
function precompiledValidator(functions: ValidatorFunctions, schema: RJSFSchema): ValidatorType {
  const validator = createPrecompiledValidator(functions, schema);
  const isValid = validator.isValid.bind(validator);
  validator.isValid = (sub, data, root) => (sub[ID_KEY] ?? hashForSchema(sub)) in functions && isValid(sub, data, root);
  return validator;
}

/**
 * A record form of a published form version, checked in the browser by the very validate functions
 * the server checks records with (GET /forms/:id/versions/:version/validator.js), without shipping
 * ajv to the staff area.
 */
export function PublishedRecordForm({
  formId,
  version,
  ...props
}: Omit<RecordFormProps, 'validatorFor'> & { formId: string; version: number }) {
  const { locale, t } = useI18n();
  const [functions, setFunctions] = useState<ValidatorFunctions | 'failed' | undefined>(undefined);
  useEffect(() => {
    let current = true;
    setFunctions(undefined);
    loadValidators(formId, version, locale).then(
      (loaded) => current && setFunctions(loaded),
      () => current && setFunctions('failed'),
    );
    return () => {
      current = false;
    };
  }, [formId, version, locale]);
  const validatorFor = useCallback((schema: RJSFSchema) => precompiledValidator(functions as ValidatorFunctions, schema), [functions]);
  if (functions === undefined) return <Loading />;
  if (functions === 'failed') return <Alert type="error" showIcon title={t('staff.checksFailed')} />;
  return <RecordForm {...props} validatorFor={validatorFor} />;
}
