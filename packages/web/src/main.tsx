/** Web app entry (being built: see issue #5). */
import { render } from 'preact';

render(<main>sangfroid</main>, document.getElementById('app') as HTMLElement);
