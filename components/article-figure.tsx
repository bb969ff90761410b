import Image from 'next/image';
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
 * An image with its title, caption, credit and VIRIN, in DoD News's order.
 * Parts that are empty render nothing, and a figure with none of them has no
 * <figcaption> at all (an empty caption box is a known peer bug).
 */
export function ArticleFigure({ figure, eager = false, unoptimized = false, className, ...rest }: ArticleFigureProps) {
  const { title, caption, credit, virin } = figure;
  const hasCaption = Boolean(title || caption || credit || virin);
  return (
    <figure className={['site-figure', className].filter(Boolean).join(' ')} {...rest}>
      <Image
        src={figure.src}
        alt={figure.alt}
        width={figure.width}
        height={figure.height}
        sizes="(min-width: 1024px) 640px, 100vw"
        preload={eager}
        loading={eager ? 'eager' : 'lazy'}
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
