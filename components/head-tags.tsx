import { titleText, type MetaImage, type PageMeta } from '@/lib/metadata';
import { siteConfig } from '@/lib/site-config';

/** A site path (or an absolute URL, left as it is) as an absolute URL on the site's origin, as crawlers and link previews need. */
function absolute(url: string): string {
  return new URL(url, siteConfig.siteUrl).toString();
}

function ImageTags({ prefix, images }: { prefix: 'og:image' | 'twitter:image'; images: MetaImage[] | undefined }) {
  const attribute = prefix === 'og:image' ? 'property' : 'name';
  return (images ?? []).map((image) => (
    <MetaImageTags key={image.url} attribute={attribute} prefix={prefix} image={image} />
  ));
}

function MetaImageTags({ attribute, prefix, image }: { attribute: 'property' | 'name'; prefix: string; image: MetaImage }) {
  const tag = (suffix: string, content: string | number | undefined) =>
    content === undefined ? null : <meta {...{ [attribute]: `${prefix}${suffix}` }} content={String(content)} />;
  return (
    <>
      {tag('', absolute(image.url))}
      {tag(':width', image.width)}
      {tag(':height', image.height)}
      {tag(':alt', image.alt)}
    </>
  );
}

/**
 * A page's <head> metadata (lib/metadata): title, description, canonical and feed links, robots,
 * Open Graph and Twitter cards; the tags Next's metadata API wrote for the App Router pages.
 */
export function HeadTags({ meta }: { meta: PageMeta }) {
  const { description, alternates, openGraph: og, twitter, robots } = meta;
  const property = (name: string, content: string | undefined) => (content === undefined ? null : <meta property={name} content={content} />);
  const named = (name: string, content: string | undefined) => (content === undefined ? null : <meta name={name} content={content} />);
  return (
    <>
      <title>{titleText(meta.title)}</title>
      {named('description', description)}
      {robots && named('robots', `${robots.index ? 'index' : 'noindex'}, ${robots.follow ? 'follow' : 'nofollow'}`)}
      {alternates?.canonical && <link rel="canonical" href={absolute(alternates.canonical)} />}
      {Object.entries(alternates?.types ?? {}).flatMap(([type, links]) =>
        links.map((link) => <link key={`${type} ${link.url}`} rel="alternate" type={type} href={absolute(link.url)} title={link.title} />),
      )}
      {og && (
        <>
          {property('og:title', og.title)}
          {property('og:description', og.description)}
          {property('og:url', og.url && absolute(og.url))}
          {property('og:site_name', og.siteName)}
          {property('og:locale', og.locale)}
          <ImageTags prefix="og:image" images={og.images} />
          {property('og:type', og.type)}
          {property('article:published_time', og.publishedTime)}
          {property('article:modified_time', og.modifiedTime)}
          {og.tags?.map((tag) => <meta key={tag} property="article:tag" content={tag} />)}
        </>
      )}
      {twitter && (
        <>
          {named('twitter:card', twitter.card)}
          {named('twitter:title', twitter.title)}
          {named('twitter:description', twitter.description)}
          <ImageTags prefix="twitter:image" images={twitter.images} />
        </>
      )}
      <link rel="icon" href="/favicon.ico" type="image/x-icon" sizes="48x48" />
    </>
  );
}
