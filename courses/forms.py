"""Admin form for modules. A new module has no place in the page tree until it is saved, so rules
that depend on its course are checked here, where the admin tells us the parent page; saved
modules are checked by `ModulePage.clean()`. Errors appear next to the field to change."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks.stream_block import StreamBlockValidationError

from .validation import module_errors


class ModulePageForm(WagtailAdminPageForm):
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
