"""Admin form for modules. A new module has no place in the page tree until it is saved, so rules
that depend on its course are checked here, where the admin tells us the parent page; saved
modules are checked by `ModulePage.clean()`. Errors appear next to the field to change."""

from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks.stream_block import StreamBlockValidationError

from .validation import module_errors


class ModulePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .authoring import learners_still_to_do, module_position

        module = self.instance
        if "position" in self.fields and module.position is None and module.path:
            self.initial["position"] = module_position(module)
        if "is_required" in self.fields and module.path and not module.is_required:
            count = learners_still_to_do(module)
            if count:
                self.fields["is_required"].help_text = ngettext(
                    "Ticking this changes the progress of %(count)d learner who started the "
                    "course and has not done this module: they will need to complete it before "
                    "their course counts as complete.",
                    "Ticking this changes the progress of %(count)d learners who started the "
                    "course and have not done this module: they will need to complete it before "
                    "their course counts as complete.",
                    count,
                ) % {"count": count}

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.path or self.parent_page is None:
            return cleaned_data
        from .models import CoursePage

        course = CoursePage.objects.filter(pk=self.parent_page.pk).first()
        errors = module_errors(
            course=course,
            module=self.instance,
            is_assessment=bool(cleaned_data.get("is_assessment")),
            body=cleaned_data.get("body"),
            questions_per_attempt=cleaned_data.get("questions_per_attempt"),
        )
        for name, message in errors.items():
            if name in self.errors:
                continue
            if name == "body":  # the StreamField widget shows stream-level errors in this shape
                self.add_error(name, StreamBlockValidationError(non_block_errors=[message]))
            else:
                self.add_error(name, message)
        return cleaned_data
