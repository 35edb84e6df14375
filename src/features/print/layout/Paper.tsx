/**
 * The frame every paper is printed in: the controls (hidden in print), the page rule for A4 or
 * the 80 mm roll, the bundled typeface, the office's header and the title. A paper gives its
 * words in its own language and its body; the frame marks it ready to print (`data-ready`) once
 * the typeface and whatever the paper still waits for (`isReady`, e.g. its QR code) are there.
 */
import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PaperPlace } from '../../../db/papers';
import { PAPER_LABELS } from '../labels';
import type { PaperProps } from '../papers';
import { loadPaperFonts } from './fonts';
import { OfficeHeader } from './OfficeHeader';
import { PageRule } from './PageRule';
import { PaperControls } from './PaperControls';

export interface PaperLayoutProps {
  request: PaperProps['request'];
  /** the paper's title in the paper's language: its heading and its accessible name */
  title: string;
  subtitle?: ReactNode;
  /** the office the paper is issued by, and its district: the header; none without an office */
  place: PaperPlace;
  /** false while a part of the paper is still loading; printing waits for it */
  isReady?: boolean;
  children: ReactNode;
}

const MM_PER_CSS_PX = 25.4 / 96;

export function Paper({
  request,
  title,
  subtitle,
  place,
  isReady = true,
  children,
}: PaperLayoutProps) {
  const { lang, size, orientation } = request;
  const article = useRef<HTMLElement>(null);
  const [hasFonts, setHasFonts] = useState(false);
  const [contentMm, setContentMm] = useState<number | null>(null);

  useEffect(() => {
    let isCurrent = true;
    // Without the typeface the paper still prints, in a system font, rather than never.
    const done = () => isCurrent && setHasFonts(true);
    loadPaperFonts().then(done, done);
    return () => {
      isCurrent = false;
    };
  }, []);

  // The roll's page is as long as the paper: measured after every change of its layout.
  useLayoutEffect(() => {
    const node = article.current;
    if (size !== '80mm' || !node) return;
    const measure = () => {
      const style = getComputedStyle(node);
      const padding = Number.parseFloat(style.paddingTop) + Number.parseFloat(style.paddingBottom);
      setContentMm((node.getBoundingClientRect().height - padding) * MM_PER_CSS_PX);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, [size]);

  const isPaperReady = hasFonts && isReady && (size !== '80mm' || contentMm !== null);
  const sizeClass = size === 'a4' ? `paper-a4 paper-a4-${orientation}` : 'paper-roll';
  return (
    <main className="print-view">
      <PageRule size={size} orientation={orientation} contentMm={contentMm} />
      <PaperControls request={request} isReady={isPaperReady} />
      <article
        ref={article}
        className={`paper ${sizeClass} paper-${request.paper}`}
        lang={lang}
        aria-label={title}
        data-ready={isPaperReady}
      >
        <OfficeHeader place={place} lang={lang} labels={PAPER_LABELS[lang]} />
        <h1>{title}</h1>
        {subtitle && <p className="paper-subtitle">{subtitle}</p>}
        {children}
      </article>
    </main>
  );
}
