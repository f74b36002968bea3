import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { detectLocale } from './i18n/detectLocale';
import { loadMessages } from './i18n/I18nContext';
import './app/app.css';

const locale = detectLocale();
void loadMessages(locale).then((messages) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App locale={locale} messages={messages} />
    </StrictMode>,
  ),
);
