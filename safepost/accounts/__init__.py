"""Other accounts on the platforms: their profiles and what they suggest (followers, follows)."""
