from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "apps.posts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Schools sits below posts: it announces withdrawn consent, and posts holds what now breaks the policy.
        from apps.posts.actions import hold_on_withdrawn_consent
        from apps.schools.signals import consent_withdrawn

        consent_withdrawn.connect(hold_on_withdrawn_consent, dispatch_uid="posts.hold_on_withdrawn_consent")
