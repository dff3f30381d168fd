/**
 * A page loaded on first visit (its own chunk): the dashboard brings chart.js, which agents on
 * the live-assist screen never need to download.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n/index.ts';

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyPage(props: P) {
    const t = useT();
    const [Page, setPage] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      load()
        .then((c) => {
          loaded = c;
          setPage(() => c);
        })
        .catch(() => setFailed(true));
    }, []);
    if (failed) return <p class="page error">{t('error.generic')}</p>;
    return Page ? <Page {...props} /> : <p class="page muted">{t('common.loading')}</p>;
  };
}
