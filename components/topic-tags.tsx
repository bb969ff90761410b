import type { Topic } from '@/lib/content/types';

/** An article's topics as USWDS tags, each linking to its topic page. */
export function TopicTags({ topics }: { topics: Topic[] }) {
  if (topics.length === 0) return null;
  return (
    <ul className="site-topics" aria-label="Topics">
      {topics.map((topic) => (
        <li key={topic.slug}>
          <a href={`/topics/${topic.slug}`} className="usa-tag site-topic-link">
            {topic.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
