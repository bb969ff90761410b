import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import type { Element } from 'hast';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { Body } from '@/lib/content/types';
import { ArticleFigure } from './article-figure';

export interface ProseProps extends ComponentPropsWithoutRef<'div'> {
  body: Body;
  /** Whether the body's first figure is the page's first image (no lead image above it). */
  firstFigureEager?: boolean;
  /** Serve figures without the image optimizer (staff preview). */
  unoptimizedImages?: boolean;
}

/**
 * The one place converted Markdown becomes markup. It renders only the sanitized
 * HAST that lib/content produced; figure placeholders become <ArticleFigure>.
 */
export function Prose({ body, firstFigureEager = false, unoptimizedImages = false, className, ...rest }: ProseProps) {
  const content = toJsxRuntime(body.tree, {
    Fragment,
    jsx,
    jsxs,
    passNode: true,
    // Keep a cell's Markdown alignment as its `align` attribute (styles/_table.scss): the default
    // turns it into a `style` attribute, which the CSP (style-src 'self') refuses.
    tableCellAlignToStyle: false,
    components: {
      // A wide table scrolls inside its own box instead of widening the page on a phone (WCAG 1.4.10
      // reflow); tabIndex lets keyboard users scroll it, as in the USWDS scrollable table.
      // Markdown tables carry no attributes of their own (alignment sits on the cells).
      table: ({ children }: { children?: ReactNode }) => (
        <div className="usa-table-container--scrollable site-table-container" tabIndex={0}>
          <table className="usa-table">{children}</table>
        </div>
      ),
      figure: ({ node }: { node?: Element }) => {
        const index = Number(node?.properties?.dataFigureIndex);
        const figure = body.figures[index];
        if (!figure) throw new Error(`Figure placeholder ${index} has no figure in the body`);
        return (
          <ArticleFigure figure={figure} eager={firstFigureEager && index === 0} unoptimized={unoptimizedImages} />
        );
      },
    },
  });
  return (
    <div className={['usa-prose', className].filter(Boolean).join(' ')} {...rest}>
      {content}
    </div>
  );
}
