import 'server-only';
import { getArticlesForView, getTopicArticlesForView, getTopicsForView, type Article, type Topic, type View } from '../content';
import { siteConfig } from '../site-config';
import { renderFeed, type FeedChannel } from './build';
import { feedPath, feedTitle, formatInfo, type FeedFormat } from './catalog';

/** Feeds are the public site, always: never a draft or a scheduled article, even in staff preview. */
const PUBLIC: View = { preview: false };

function channel(topic?: Topic): FeedChannel {
  const url = (path: string) => new URL(path, siteConfig.siteUrl).href;
  return {
    title: feedTitle(topic),
    description: topic
      ? `The latest news articles about ${topic.name} from the ${siteConfig.agencyName}.`
      : siteConfig.description,
    link: url(topic ? `/topics/${topic.slug}` : '/news'),
    urls: { rss: url(feedPath('rss', topic)), atom: url(feedPath('atom', topic)), json: url(feedPath('json', topic)) },
  };
}

function feedResponse(format: FeedFormat, articles: readonly Article[], topic?: Topic): Response {
  return new Response(renderFeed(format, channel(topic), articles, siteConfig), {
    headers: { 'Content-Type': `${formatInfo(format).type}; charset=utf-8`, 'X-Content-Type-Options': 'nosniff' },
  });
}

/** The GET handler of `/news/<feed file>`. */
export function siteFeedHandler(format: FeedFormat) {
  return function GET(): Response {
    return feedResponse(format, getArticlesForView(PUBLIC));
  };
}

type TopicContext = { params: Promise<{ topic: string }> };

/** The GET handler of `/topics/<topic>/<feed file>`: 404 for a topic no public article has. */
export function topicFeedHandler(format: FeedFormat) {
  return async function GET(_request: Request, { params }: TopicContext): Promise<Response> {
    const found = getTopicArticlesForView((await params).topic, PUBLIC);
    if (!found) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    return feedResponse(format, found.articles, found.topic);
  };
}

/** Topic feeds built ahead: one per topic of the public articles. */
export function topicFeedParams(): { topic: string }[] {
  return getTopicsForView(PUBLIC).map(({ topic }) => ({ topic: topic.slug }));
}
