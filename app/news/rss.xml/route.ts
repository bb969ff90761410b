import { siteFeedHandler } from '@/lib/feeds/routes';

// Static, regenerated at most every minute: a scheduled article joins within a minute of its time.
export const revalidate = 60;

export const GET = siteFeedHandler('rss');
