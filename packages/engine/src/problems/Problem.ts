import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { ProblemCode } from './problemMessages.js';

/** One thing wrong in a pack file, as data: where (file, JSON pointer, line/column) and what. */
export interface Problem {
  file: string;
  /** JSON pointer into the file's content, "" for the whole file. */
  pointer: string;
  /** 1-based, when the file's text is known. */
  line?: number;
  column?: number;
  code: ProblemCode;
  message: LocalizedText;
}
