import { cloneElement, type ReactElement } from 'react';
import type { PaginationProps } from 'antd';
import type { Translate } from '../../i18n/I18nContext';

/** Ant Design's previous/next page buttons are icons only: give them names screen readers can say. */
export function namedPageButtons(t: Translate): PaginationProps['itemRender'] {
  return (_page, type, element) => {
    if (type !== 'prev' && type !== 'next') return element;
    return cloneElement(element as ReactElement<{ 'aria-label'?: string }>, {
      'aria-label': t(type === 'prev' ? 'staff.page.prev' : 'staff.page.next'),
    });
  };
}
