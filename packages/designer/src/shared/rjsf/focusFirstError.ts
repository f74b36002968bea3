/**
 * After a refused submit: the first field showing an error (in the page's order) is scrolled to the
 * middle of the screen and focused; the error list when no field shows one. Waits a few frames for
 * the errors to be rendered (and a collapsed section holding one to open).
 */
export function focusFirstError(container: HTMLElement | null, tries = 10): void {
  if (!container) return;
  const step = (left: number) => {
    const field = container.querySelector<HTMLElement>('.form-field-has-error');
    const target = field ?? (left === 0 ? container.querySelector<HTMLElement>('.ant-alert, .error-detail, [role="alert"]') : null);
    if (!target) {
      if (left > 0) requestAnimationFrame(() => step(left - 1));
      return;
    }
    target.scrollIntoView({ block: 'center' });
    const control = target.matches('input, select, textarea, button')
      ? target
      : target.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea, button, [tabindex]');
    control?.focus({ preventScroll: true });
  };
  requestAnimationFrame(() => step(tries));
}
