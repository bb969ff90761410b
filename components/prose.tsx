import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import type { Element } from 'hast';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import type { ComponentPropsWithoutRef } from 'react';
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
    components: {
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
