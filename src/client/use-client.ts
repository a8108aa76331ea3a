import { useEffect, useState } from 'preact/hooks';
import { getState, INITIAL_STATE, start, subscribe, type ClientState } from './runtime';

/** The shared client state; starts loading on mount. Renders `INITIAL_STATE` first, as on the server, so hydration matches; then the live state. */
export function useClient(): ClientState {
  const [state, setState] = useState<ClientState>(INITIAL_STATE);
  useEffect(() => {
    const unsubscribe = subscribe(setState);
    setState(getState());
    void start();
    return unsubscribe;
  }, []);
  return state;
}
