import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { Kind, parse } from 'graphql';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { EXAMPLES, tabQuery } from './examples';

const PURPOSES = ['', 'LOAN_APPLICATION', 'CREDIT_REVIEW', 'POST_LOAN_MONITORING', 'BILLING'];

/** The credential lives in this tab's sessionStorage only: it is gone when the browser session ends. */
const stored = (name: string) => sessionStorage.getItem(`ecocredit.${name}`) ?? '';
const credential = { apiKey: stored('apiKey'), purpose: stored('purpose') };

const send = createGraphiQLFetcher({
  url: '/graphql',
  // Read at each request, so a key typed after the page loaded is used at once.
  fetch: (input, init) => {
    const headers = new Headers(init?.headers);
    if (credential.apiKey) headers.set('authorization', `Bearer ${credential.apiKey}`);
    if (credential.purpose) headers.set('x-access-purpose', credential.purpose);
    return fetch(input, { ...init, headers });
  },
});

/** The names of the operations a document defines (none when it does not parse: the hub names the problem). */
function operationNames(query: string): string[] {
  try {
    return parse(query).definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : []));
  } catch {
    return [];
  }
}

/**
 * GraphiQL 5 may send, right after a tab switch, the operation name of the tab shown before; the hub
 * refuses a name the document does not define (400). Such a stale name is replaced by the document's
 * only operation, or dropped, so that Run runs what the editor shows.
 */
const fetcher: Fetcher = (params, options) => {
  const { operationName } = params;
  if (operationName && typeof params.query === 'string') {
    const names = operationNames(params.query);
    if (names.length > 0 && !names.includes(operationName)) return send({ ...params, operationName: names.length === 1 ? names[0] : undefined }, options);
  }
  return send(params, options);
};

/**
 * The hub writes whether it answers introspection (HUB_SCHEMA_HINTS) into the page. Without hints,
 * GraphiQL is given no schema (`null`) so that it does not send an introspection query the hub
 * refuses: queries still run, without completion and docs.
 */
const schemaHints = document.getElementById('root')?.dataset.schemaHints !== 'off';

const TABS = EXAMPLES.map((example) => ({
  query: tabQuery(example),
  variables: example.variables ? JSON.stringify(example.variables, null, 2) : undefined,
  // A bank's or utility's example carries its purpose in the tab's headers; the purpose field, when set, wins.
  headers: example.purpose ? JSON.stringify({ 'X-Access-Purpose': example.purpose }, null, 2) : undefined,
}));

function CredentialBar() {
  const [apiKey, setApiKey] = useState(credential.apiKey);
  const [purpose, setPurpose] = useState(credential.purpose);
  const keep = (name: 'apiKey' | 'purpose', value: string) => {
    credential[name] = value;
    sessionStorage.setItem(`ecocredit.${name}`, value);
  };
  return (
    <form className="credential-bar" onSubmit={(event) => event.preventDefault()}>
      <strong>ecocredit hub · GraphiQL</strong>
      <label>
        API key
        <input
          name="apiKey"
          type="password"
          autoComplete="off"
          placeholder="none = PUBLIC"
          value={apiKey}
          onChange={(event) => {
            setApiKey(event.target.value);
            keep('apiKey', event.target.value.trim());
          }}
        />
      </label>
      <label>
        X-Access-Purpose
        <select
          name="purpose"
          value={purpose}
          onChange={(event) => {
            setPurpose(event.target.value);
            keep('purpose', event.target.value);
          }}
        >
          {PURPOSES.map((p) => (
            <option key={p} value={p}>
              {p || '(none)'}
            </option>
          ))}
        </select>
      </label>
      <span className="hint">Each example tab names the demo key it is for. Kept for this browser session only.</span>
    </form>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <div className="page">
      <CredentialBar />
      <div className="explorer">
        <GraphiQL
          fetcher={fetcher}
          {...(schemaHints ? {} : { schema: null })}
          defaultTabs={TABS}
          // GraphiQL 5 takes the first tab's query but not its variables from defaultTabs: give both.
          initialQuery={TABS[0].query}
          initialVariables={TABS[0].variables}
        />
      </div>
    </div>
  </StrictMode>,
);
