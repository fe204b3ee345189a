"""Training done elsewhere on a page another app owns: the learner's list in My learning (courses)."""

from django import template

from ..external import external_records_for_user

register = template.Library()


@register.inclusion_tag("schools/external/my_learning_section.html", takes_context=True)
def external_training_list(context):
    """The signed-in learner's own records. One query."""
    user = context["request"].user
    return {"records": external_records_for_user(user=user) if user.is_authenticated else []}
