import { Typography } from '@mantine/core';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkBreaks from 'remark-breaks';

/**
 * What a reply may contain (the emails' list, backend notification.MarkdownHtml, less headings, which
 * must not compete with the page's outline: their text stays, unwrapped).
 */
const ALLOWED_ELEMENTS = ['p', 'br', 'strong', 'em', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'hr', 'a'];

/** A Markdown tree node, as far as {@link htmlAsText} looks at it. */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/**
 * A remark plugin that turns raw HTML written in a reply into plain text, before any rendering: it
 * is shown as the person typed it (as in the emails, whose renderer escapes it), never parsed.
 */
function htmlAsText() {
  const walk = (node: MdNode) => {
    node.children?.forEach((child, i, siblings) => {
      if (child.type === 'html') siblings[i] = { type: 'text', value: child.value ?? '' };
      else walk(child);
    });
  };
  return walk;
}

const components: Components = {
  // Links leave Guichet in a new tab, telling the target neither who linked nor giving it a handle.
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
};

/**
 * User-written Markdown (replies and notes): bold, italics, lists, links, code. Raw HTML is shown
 * as text, never parsed ({@link htmlAsText}); the tree is then sanitized (rehype-sanitize,
 * GitHub's rules) and limited to formatting elements; `javascript:` and other unsafe links are
 * dropped; every link opens with `rel="noopener noreferrer"`. Single line breaks are kept.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <Typography fz="sm" style={{ overflowWrap: 'anywhere' }} className="guichet-markdown">
      <ReactMarkdown
        remarkPlugins={[htmlAsText, remarkBreaks]}
        rehypePlugins={[rehypeSanitize]}
        allowedElements={ALLOWED_ELEMENTS}
        unwrapDisallowed
        components={components}
      >
        {children}
      </ReactMarkdown>
    </Typography>
  );
}
