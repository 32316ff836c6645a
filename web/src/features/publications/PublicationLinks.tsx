/** A publication's links: the words the reader saw, and where they lead; only http(s) addresses are clickable. */
import { Typography } from 'antd';
import { opensInBrowser, type PublicationLink } from '../../../../src/shared/links.js';

export function PublicationLinks({ links }: { links: readonly PublicationLink[] }) {
  return (
    <ol style={{ margin: 0, paddingLeft: 20 }}>
      {links.map((link, index) => (
        <li key={index} style={{ wordBreak: 'break-all' }}>
          {link.text !== link.url && <Typography.Text strong>{link.text} — </Typography.Text>}
          {opensInBrowser(link.url) ? (
            <a href={link.url} target="_blank" rel="noreferrer">
              {link.url}
            </a>
          ) : (
            link.url
          )}
        </li>
      ))}
    </ol>
  );
}
