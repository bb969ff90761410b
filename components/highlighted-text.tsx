import type { TextPart } from '@/lib/search/highlight';

/** Text with the words a search matched in <mark>. Built as elements, so the text is always escaped. */
export function HighlightedText({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : part.text))}
    </>
  );
}
