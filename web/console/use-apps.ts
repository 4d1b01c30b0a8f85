import { useEffect, useState } from 'preact/hooks';
import type { Api } from './api.ts';
import { appsKeysApi, type ConsoleApp } from './apps-keys-api.ts';

/**
 * The apps the signed-in admin manages (every app for an owner), for a page's app choice;
 * null until they arrive, and empty when they could not be read (the page's own calls say
 * why).
 */
export function useApps(api: Api): ConsoleApp[] | null {
  const [apps, setApps] = useState<ConsoleApp[] | null>(null);
  useEffect(() => {
    appsKeysApi(api)
      .apps()
      .then(setApps, () => setApps([]));
  }, [api]);
  return apps;
}
