"""A published regulation version may change articles that lessons and questions cite."""

from django.dispatch import receiver
from wagtail.signals import page_published

from policies.models import RegulationPage


@receiver(page_published, sender=RegulationPage, dispatch_uid="training_flag_stale_questions")
def flag_on_publish(sender, instance, **kwargs):
    from .staleness import flag_questions_for

    flag_questions_for(instance)
