"""Mastodon: publish to a school's account on its Mastodon server (see README.md)."""
