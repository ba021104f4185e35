"""RAC-02: the main account shares what a class account posts, when the school's policy says so.

Every target applies the same rule: the website feed adds an entry on the main account's feed,
each platform reposts from the main account's connection to the same platform.
"""

from __future__ import annotations

from apps.posts.models import Post
from apps.schools.models import Account


def resharing_account(post: Post) -> Account | None:
    """The school's main account when it reshares ``post`` (a class account's, RAC-02), else ``None``."""
    if post.account.kind != Account.Kind.CLASS or not post.school.policy.accounts.reshare_class_posts:
        return None
    return Account.objects.filter(school_id=post.school_id, kind=Account.Kind.MAIN, is_active=True).first()
