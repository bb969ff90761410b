import { ResponsiveImage } from './responsive-image';
import type { ComponentPropsWithoutRef } from 'react';
import type { Figure } from '@/lib/content/types';

export interface ArticleFigureProps extends ComponentPropsWithoutRef<'figure'> {
  figure: Figure;
  /** The page's first image loads eagerly with high priority; all others lazy-load. */
  eager?: boolean;
  /**
   * Skip the image optimizer: in staff preview, a draft's images are served only to the
   * previewing browser, and the optimizer fetches without its cookie.
   */
  unoptimized?: boolean;
}

/**
 * The figure's rendered width: the article column is `u-measure(5)` (596 CSS px with the
 * default font size) from 640 px up, and the viewport less the 1rem gutters below that.
 * Measured in the browser at 320, 390, 640, 800, 1024 and 1280 px.
 */
export const FIGURE_SIZES = '(min-width: 640px) 596px, calc(100vw - 2rem)';

/**
 * An image with its title, caption, credit and VIRIN, in DoD News's order.
 * Parts that are empty render nothing, and a figure with none of them has no
 * <figcaption> at all (an empty caption box is a known peer bug).
 */
export function ArticleFigure({ figure, eager = false, unoptimized = false, className, ...rest }: ArticleFigureProps) {
  const { title, caption, credit, virin } = figure;
  const hasCaption = Boolean(title || caption || credit || virin);
  return (
    <figure className={['site-figure', className].filter(Boolean).join(' ')} {...rest}>
      <ResponsiveImage
        src={figure.src}
        alt={figure.alt}
        width={figure.width}
        height={figure.height}
        sizes={FIGURE_SIZES}
        priority={eager}
        unoptimized={unoptimized}
      />
      {hasCaption && (
        <figcaption>
          {title && <p className="site-figure__title">{title}</p>}
          {caption && <p className="site-figure__caption">{caption}</p>}
          {credit && <p className="site-figure__credit">Credit: {credit}</p>}
          {virin && <p className="site-figure__virin">VIRIN: {virin}</p>}
        </figcaption>
      )}
    </figure>
  );
}
