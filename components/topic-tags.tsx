import type { Topic } from '@/lib/content/types';

/** An article's topics as USWDS tags. */
export function TopicTags({ topics }: { topics: Topic[] }) {
  if (topics.length === 0) return null;
  return (
    <ul className="site-topics" aria-label="Topics">
      {topics.map((topic) => (
        <li key={topic.slug}>
          <span className="usa-tag">{topic.name}</span>
        </li>
      ))}
    </ul>
  );
}
