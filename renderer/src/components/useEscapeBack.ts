import { useEffect } from 'react';
import { useNavigate } from 'react-router';

/**
 * Escape goes back to `to`: not while a dialog is open, not when another handler took the key,
 * never from a select (Escape closes its list), and from a text field only with `fromFields`
 * (a form that Escape leaves without writing).
 */
export function useEscapeBack(to: string, { fromFields = false }: { fromFields?: boolean } = {}): void {
  const navigate = useNavigate();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target;
      if (target instanceof HTMLSelectElement) return;
      if (!fromFields && target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA'].includes(target.tagName))) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      event.preventDefault();
      void navigate(to);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [to, fromFields, navigate]);
}
