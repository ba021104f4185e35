"""Bluesky: posting to a school's Bluesky account through its PDS with an app password."""
