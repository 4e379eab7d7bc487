// GitHub blob/ addresses: which are, where their raw file is, their page at a commit, and the
// web server of a GitHub Enterprise API; and addresses as they may be recorded.
import { describe, expect, it } from 'vitest';
import { blobPageUrl, isCommitId, parseBlobUrl, rawUrlOfBlob, webBaseOfApi } from '../../../src/core/sources/blob-url.js';
import { publicUrl } from '../../../src/core/sources/url-source.js';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';

describe('parseBlobUrl', () => {
  it('reads github.com blob addresses, the ref as the first segment after blob/', () => {
    expect(parseBlobUrl('https://github.com/cncf/toc/blob/main/reviews/x.md#L3')).toEqual({ web: 'https://github.com', owner: 'cncf', repo: 'toc', ref: 'main', path: 'reviews/x.md' });
    expect(parseBlobUrl('https://www.github.com/o/r/blob/v1.0/a%20b.md')?.path).toBe('a%20b.md');
  });

  it('reads a GitHub Enterprise blob only on the server of the API in use', () => {
    expect(parseBlobUrl('https://ghe.example.com/o/r/blob/main/x.md', 'https://ghe.example.com')).toMatchObject({ web: 'https://ghe.example.com', ref: 'main' });
    expect(parseBlobUrl('https://ghe.example.com/o/r/blob/main/x.md', null)).toBeNull();
    expect(parseBlobUrl('https://other.example.com/o/r/blob/main/x.md', 'https://ghe.example.com')).toBeNull();
  });

  it('is null for anything else', () => {
    expect(parseBlobUrl('https://github.com/o/r/issues/3')).toBeNull();
    expect(parseBlobUrl('https://github.com/o/r/blob/main')).toBeNull();
    expect(parseBlobUrl('https://example.org/o/r/blob/main/x.md')).toBeNull();
    expect(parseBlobUrl('not a url')).toBeNull();
  });
});

describe('raw and page addresses', () => {
  it('reads github.com from raw.githubusercontent.com and Enterprise from its raw/ path, at the ref given', () => {
    const gh = parseBlobUrl('https://github.com/o/r/blob/main/d/x.md')!;
    expect(rawUrlOfBlob(gh, COMMIT)).toBe(`https://raw.githubusercontent.com/o/r/${COMMIT}/d/x.md`);
    expect(blobPageUrl(gh, COMMIT)).toBe(`https://github.com/o/r/blob/${COMMIT}/d/x.md`);
    const ghe = parseBlobUrl('https://ghe.example.com/o/r/blob/main/d/x.md', 'https://ghe.example.com')!;
    expect(rawUrlOfBlob(ghe, 'main')).toBe('https://ghe.example.com/o/r/raw/main/d/x.md');
  });

  it('knows a full commit id from a ref', () => {
    expect(isCommitId(COMMIT)).toBe(true);
    expect(isCommitId('main')).toBe(false);
    expect(isCommitId('0123456')).toBe(false);
  });
});

describe('webBaseOfApi', () => {
  it('is github.com (null) for the public API and the server for Enterprise', () => {
    expect(webBaseOfApi('https://api.github.com')).toBeNull();
    expect(webBaseOfApi('https://ghe.example.com/api/v3')).toBe('https://ghe.example.com');
    expect(webBaseOfApi('http://127.0.0.1:4000/api/v3')).toBe('http://127.0.0.1:4000');
  });
});

describe('publicUrl', () => {
  it('leaves out credentials and secret-looking parameters, and keeps the rest', () => {
    expect(publicUrl('https://u:p@example.org/x.md?token=abc&v=1&sig=s&X-Amz-Signature=q')).toBe('https://example.org/x.md?v=1');
    expect(publicUrl('https://example.org/x.md')).toBe('https://example.org/x.md');
  });
});
