/**
 * The citizen's status page as HTML: a form for the last four digits of the IIN, and the answer
 * or one message. Rendered on the server for a cheap phone on 2G: no script, no external font or
 * file, a few kilobytes with its style inline, large text, readable at any width.
 */
import { answerLines, type PublicLang, type PublicStatus } from '../../src/domain/public-status';
import { STATUS_LABELS } from '../../src/domain/public-status-texts';

export type PageMessage =
  | { kind: 'answer'; answer: PublicStatus }
  | { kind: 'notFound' }
  | { kind: 'iin4Invalid' }
  | { kind: 'rateLimited'; seconds: number }
  | { kind: 'form' };

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

// System fonts only: Android's and iOS's have every Kazakh letter, and nothing is downloaded.
const STYLE =
  'body{margin:0 auto;max-width:34em;padding:1em;font:1.25rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111;background:#fff}' +
  'h1{font-size:1.5rem;margin:.5em 0}nav{text-align:right}a{color:#0b5c7a}strong{white-space:nowrap}' +
  'dl{margin:1em 0;padding:.75em 1em;border:2px solid #0b5c7a;border-radius:.5em}dt{font-size:1rem;color:#444}dd{margin:0 0 .5em;font-weight:600}' +
  '.message{padding:.75em 1em;border-left:.4em solid #b3261e;background:#fdecea}' +
  'label{display:block;margin:1em 0 .25em}input{font:inherit;width:5em;padding:.3em;letter-spacing:.2em}' +
  'button{font:inherit;margin-left:.5em;padding:.3em 1em;background:#0b5c7a;color:#fff;border:0;border-radius:.3em}' +
  '.hint{font-size:1rem;color:#444;margin:.25em 0}';

function messageOf(message: PageMessage, lang: PublicLang): string {
  const labels = STATUS_LABELS[lang];
  switch (message.kind) {
    case 'answer': {
      const lines = answerLines(message.answer, lang)
        .map((l) => `<dt>${escapeHtml(l.label)}</dt><dd>${escapeHtml(l.value)}</dd>`)
        .join('');
      return `<dl>${lines}</dl>`;
    }
    case 'notFound':
      return `<p class="message" role="alert">${escapeHtml(labels.notFound)}</p>`;
    case 'iin4Invalid':
      return `<p class="message" role="alert">${escapeHtml(labels.iin4Invalid)}</p>`;
    case 'rateLimited':
      return `<p class="message" role="alert">${escapeHtml(
        labels.rateLimited.replace('{{seconds}}', String(message.seconds)),
      )}</p>`;
    case 'form':
      return '';
  }
}

/** The whole page for this number in this language. */
export function statusPageHtml(number: string, lang: PublicLang, message: PageMessage): string {
  const labels = STATUS_LABELS[lang];
  const other: PublicLang = lang === 'kk' ? 'ru' : 'kk';
  const path = `/s/${encodeURIComponent(number)}`;
  const shown = escapeHtml(number);
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    '<meta name="robots" content="noindex">' +
    `<title>${escapeHtml(labels.title)} ${shown}</title><style>${STYLE}</style></head><body>` +
    `<nav><a href="${path}?lang=${other}" lang="${other}" hreflang="${other}">${escapeHtml(
      STATUS_LABELS[lang].otherLanguage,
    )}</a></nav>` +
    `<main><h1>${escapeHtml(labels.title)}</h1>` +
    `<p>${escapeHtml(labels.number)}: <strong>${shown}</strong></p>` +
    messageOf(message, lang) +
    `<form method="post" action="${path}?lang=${lang}">` +
    `<label for="iin4">${escapeHtml(labels.iin4)}</label>` +
    '<input id="iin4" name="iin4" inputmode="numeric" pattern="[0-9]{4}" maxlength="4" ' +
    'autocomplete="off" required aria-describedby="iin4-hint">' +
    `<button type="submit">${escapeHtml(labels.check)}</button>` +
    `<p class="hint" id="iin4-hint">${escapeHtml(labels.iin4Hint)}</p>` +
    '</form></main></body></html>'
  );
}
