from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "apps.publishing"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from apps.posts.publisher import Publisher, install
        from apps.publishing import actions, targets, words

        # Posts sits below publishing and hands its posts over through this (apps.posts.publisher).
        install(
            Publisher(
                queue=actions.queue,
                cancel=actions.cancel,
                withdraw=actions.withdraw,
                places_for=targets.targets_for,
                label_of=targets.label_of,
                advice=words.publication_advice,
                next_retry=words.next_retry,
            )
        )
