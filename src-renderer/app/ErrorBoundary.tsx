import { Component, type ReactNode } from 'react';
import { translate, type Language } from '../i18n/i18n';

interface Props {
  lang: Language;
  children: ReactNode;
}

/** Any render error becomes a readable message with a way out, never a blank window. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <ErrorScreen lang={this.props.lang} detail={error.message} />;
  }
}

export function ErrorScreen({ lang, detail }: { lang: Language; detail: string }) {
  return (
    <div className="error-screen" role="alert">
      <h1>{translate(lang, 'error.title')}</h1>
      <p>{translate(lang, 'error.body')}</p>
      <pre>{detail}</pre>
      <button type="button" className="primary" onClick={() => location.reload()}>
        {translate(lang, 'error.reload')}
      </button>
    </div>
  );
}
