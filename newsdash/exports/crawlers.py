"""Which visitors are link-preview crawlers: the bots a chat or social site sends to fetch a
link's title, description and image. Light (no data layer): the server asks it of every
request, from its first (newsdash.app.public_routes.LinkPreviewMiddleware)."""

from __future__ import annotations

PREVIEW_AGENTS = ("facebookexternalhit", "facebot", "twitterbot", "slackbot", "slack-imgproxy", "whatsapp",
                  "telegrambot", "discordbot", "linkedinbot", "skypeuripreview", "applebot", "iframely",
                  "embedly", "mastodon", "bluesky", "signal", "redditbot", "pinterest", "vkshare", "xing-contenttabreceiver")


def is_link_preview_agent(user_agent: str | None) -> bool:
    """True for the crawler a chat or social site sends to draw a link's preview."""
    agent = (user_agent or "").lower()
    return any(name in agent for name in PREVIEW_AGENTS)
