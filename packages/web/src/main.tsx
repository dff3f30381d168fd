/** Web app entry: i18n first (French by default), then the app. */
import { render } from 'preact';
import { App } from './app.tsx';
import { initI18n } from './i18n/index.ts';
import './styles.css';

initI18n();
render(<App />, document.getElementById('app') as HTMLElement);
