"""X (formerly Twitter): the platform client for one connected school account, over API v2."""
