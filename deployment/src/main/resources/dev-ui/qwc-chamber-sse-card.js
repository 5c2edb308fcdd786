import { LitElement, html, css } from 'lit';
import { pages, ssePath } from 'build-time-data';
import 'qwc/qwc-extension-link.js';

/** The Chamber SSE card: the extension's description with where this app serves the stream, and its page. */
export class QwcChamberSseCard extends LitElement {

    static styles = css`
        .card-content { display: flex; flex-direction: column; height: 100%; }
        .description { padding-bottom: 10px; color: var(--lumo-contrast-50pct); }
        code { font-family: var(--lumo-font-family-monospace, monospace); }
    `;

    static properties = {
        extensionName: { attribute: true },
        description: { attribute: true },
        guide: { attribute: true },
        namespace: { attribute: true },
    };

    render() {
        return html`<div class="card-content" slot="content">
            <div class="description">${this.description}</div>
            <div class="description">This app serves it at <code class="path">${ssePath}</code></div>
            ${pages.map(page => html`
                <qwc-extension-link slot="link"
                    namespace=${this.namespace}
                    extensionName=${this.extensionName}
                    iconName=${page.icon}
                    displayName=${page.title}
                    staticLabel=${page.staticLabel ?? ''}
                    dynamicLabel=${page.dynamicLabel ?? ''}
                    streamingLabel=${page.streamingLabel ?? ''}
                    path=${page.id}
                    ?embed=${page.embed}
                    externalUrl=${page.metadata?.externalUrl ?? ''}
                    webcomponent=${page.componentLink}>
                </qwc-extension-link>`)}
        </div>`;
    }
}
customElements.define('qwc-chamber-sse-card', QwcChamberSseCard);
