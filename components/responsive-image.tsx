import { getImageProps, type ImageProps } from 'next/image';

export type ResponsiveImageProps = Omit<ImageProps, 'loading' | 'preload' | 'priority' | 'fetchPriority' | 'style'> & {
  /** The page's largest image above the fold: loads eagerly, with high priority; every other image lazy-loads. */
  priority?: boolean;
};

/**
 * next/image's responsive image (a srcset of optimizer widths, width and height against layout
 * shift) as a plain <img>. The <Image> component is a client component, and public pages carry no
 * framework JavaScript (docs/decisions/0017); getImageProps gives the same attributes without it.
 * Its `style="color:transparent"` (hiding alt text while loading) is dropped: the CSP allows no
 * inline style attributes.
 */
export function ResponsiveImage({ priority = false, alt, ...props }: ResponsiveImageProps) {
  const { props: image } = getImageProps({ ...props, alt, loading: priority ? 'eager' : 'lazy', fetchPriority: priority ? 'high' : undefined });
  const attributes: Partial<typeof image> = { ...image };
  delete attributes.style;
  // eslint-disable-next-line @next/next/no-img-element -- this is next/image's own output, as plain HTML
  return <img {...attributes} alt={alt} />;
}
