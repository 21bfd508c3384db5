// The authority of a tag: URI (RFC 4151): a domain name (`example.org`) or an email address
// (`desk@example.org`). A JSON Schema pattern, shared by the config schema and the feed ids.
export const AUTHORITY_PATTERN =
  '^(?:[A-Za-z0-9._%+-]+@)?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$';
