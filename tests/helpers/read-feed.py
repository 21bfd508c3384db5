# Read a feed file with feedparser (Debian's python3-feedparser) and print what a feed reader
# sees, as JSON: bozo (and why), the feed's title and id, and each entry's title, link, id,
# date, authors, summary and content. Run with /usr/bin/python3 (tests/e2e/feeds.test.ts).
import json
import sys

import feedparser

parsed = feedparser.parse(sys.argv[1])
out = {
    "bozo": bool(parsed.bozo),
    "bozo_exception": str(parsed.get("bozo_exception", "")),
    "version": parsed.version,
    "feed": {"title": parsed.feed.get("title"), "id": parsed.feed.get("id"), "link": parsed.feed.get("link")},
    "entries": [],
}
for entry in parsed.entries:
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    out["entries"].append(
        {
            "title": entry.get("title"),
            "link": entry.get("link"),
            "id": entry.get("id"),
            "guidislink": entry.get("guidislink"),
            "date": None if published is None else "%04d-%02d-%02d" % tuple(published[:3]),
            "authors": [author.get("name") for author in entry.get("authors", [])],
            "summary": entry.get("summary"),
            "content": [content.get("value") for content in entry.get("content", [])],
            "tags": [tag.get("term") for tag in entry.get("tags", [])],
        }
    )
json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
