import { forgetListMemory } from '../pages/listMemory';
import { queryClient } from './queryClient';

/** Once the book is locked, nothing read from it stays in the window. */
export function forgetSession(): void {
  queryClient.clear();
  forgetListMemory();
}
