"""Course content in Wagtail: the catalogue, courses and their modules."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import PARAGRAPH_FEATURES
from cms.serving import CachedViewRestrictionsMixin
from cms.wording import complete_sentences

from ..blocks import ModuleStreamBlock
from ..forms import ModulePageForm
from ..guidance import safe_messaging_panel


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    SCHOOL_COLLEGE_STAFF = "school_college_staff", _("School and college staff")
    UNIVERSITY_STAFF = "university_staff", _("University staff")


class Programme(models.TextChoices):
    SUICIDE_PREVENTION = "suicide_prevention", _("Suicide prevention")
    YOUTH_MHFA = "youth_mhfa", _("Youth Mental Health First Aid")


def route_to_child(parent, child_model, request, path_components):
    """Route one level down with a single query for the specific child page (Wagtail's default
    takes two: the generic page, then its specific type), keeping the parent for later use.

    Under a translated parent, a child with no live translation yet falls back to its English
    source (a learner reads the English module with a note in their language, rather than a 404)."""
    if not path_components:
        return None
    child = child_model.objects.child_of(parent).filter(slug=path_components[0]).first()
    if child is None or not child.live:
        fallback = _source_child(parent, child_model, path_components[0], child)
        if fallback is not None:
            return fallback.route(request, path_components[1:])
    if child is None:
        return None
    child._cached_parent_obj = parent
    return child.route(request, path_components[1:])


class AssessmentFeedback(models.TextChoices):
    """What a learner sees about the correct answers after an assessment attempt."""

    AFTER_PASS = "after_pass", _(
        "After a pass: full feedback. After a fail: which questions were not right and the "
        "explanations, not the correct options"
    )
    ALWAYS = "always", _("After every attempt: full feedback, including the correct options")
    NEVER = "never", _(
        "Never the correct options: only which questions were right and the explanations"
    )


def _source_child(parent, child_model, slug, translated_child):
    """The live English child with this slug (or the English source of the draft translation that
    has it) of the English page `parent` translates; None when `parent` is English."""
    from ..translations import is_source, source_page

    if is_source(parent):
        return None
    if translated_child is not None:
        source = source_page(translated_child)
    else:
        source_parent = source_page(parent)
        source = (
            child_model.objects.child_of(source_parent).filter(slug=slug).first()
            if source_parent is not None else None
        )
    if source is None or not source.live:
        return None
    return source


class SourceWorkflowMixin:
    """A translation goes through the same moderation workflow as its English source: Wagtail
    finds a page's workflow on its ancestors, and a translation's ancestors are the translated
    tree, which has none of its own, so it asks the source page instead."""

    def get_workflow(self):
        from ..translations import is_source, source_page

        if self.locale_id and not is_source(self):
            source = source_page(self)
            if source is not None:
                return source.get_workflow()
        return super().get_workflow()


class CourseIndexPage(CachedViewRestrictionsMixin, SourceWorkflowMixin, Page):
    """The catalogue of published courses."""

    intro = RichTextField(features=PARAGRAPH_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1
    template = "courses/course_index_page.html"

    def route(self, request, path_components):
        return route_to_child(self, CoursePage, request, path_components) or super().route(
            request, path_components
        )

    def get_context(self, request, *args, **kwargs):
        from ..learner_context import catalogue_learner_context
        from ..selectors import catalogue_courses

        context = super().get_context(request, *args, **kwargs)
        courses = list(catalogue_courses(index=self))
        context["courses"] = courses
        context.update(catalogue_learner_context(request=request, courses=courses))
        return context


class CoursePage(CachedViewRestrictionsMixin, SourceWorkflowMixin, Page):
    summary = models.TextField(max_length=400, help_text=_("One or two sentences for the catalogue."))
    audience = models.CharField(max_length=32, choices=Audience.choices, default=Audience.EVERYONE)
    programme = models.CharField(
        max_length=32,
        choices=Programme.choices,
        help_text=_("Which campaign target completions of this course count toward."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    learning_outcomes = RichTextField(
        features=["ul", "bold", "italic"], help_text=_("What learners will be able to do.")
    )
    content_note = RichTextField(
        features=PARAGRAPH_FEATURES,
        help_text=_(
            "Shown before the course starts: say plainly what it covers (for example suicide "
            "and self-harm), that learners can take a break at any time, and where support is."
        ),
    )
    pass_mark = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Percentage of assessment questions a learner must answer correctly (1-100)."),
    )
    assessment_feedback = models.CharField(
        _("feedback after an attempt"),
        max_length=16,
        choices=AssessmentFeedback.choices,
        default=AssessmentFeedback.AFTER_PASS,
        help_text=_(
            "Showing the correct options after a failed attempt lets learners pass the next one "
            "by copying them."
        ),
    )
    certificate_wording = models.TextField(
        blank=True,
        validators=[complete_sentences],
        help_text=_(
            "Optional: one or two whole sentences for this course's certificate, printed as a "
            "paragraph of their own under the course title, e.g. “The course covered noticing the "
            "signs, asking directly and helping someone find support.”"
        ),
    )

    content_panels = [
        safe_messaging_panel(),
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("programme"), FieldPanel("estimated_minutes")],
            heading=_("Who and how long"),
        ),
        FieldPanel("learning_outcomes"),
        FieldPanel("content_note"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("assessment_feedback"),
                FieldPanel("certificate_wording"),
            ],
            heading=_("Assessment and certificate"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_outcomes"),
        index.FilterField("audience"),
        index.FilterField("programme"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    template = "courses/course_page.html"
    # The admin lists a course's modules in course order, not by when they were last edited.
    admin_default_ordering = "ord"

    def route(self, request, path_components):
        return route_to_child(self, ModulePage, request, path_components) or super().route(
            request, path_components
        )

    def clean(self):
        super().clean()
        from ..validation import course_errors

        if errors := course_errors(course=self, pass_mark=self.pass_mark):
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from ..learner_context import course_learner_context
        from ..selectors import course_outline

        context = super().get_context(request, *args, **kwargs)
        outline = course_outline(course=self, request=request)
        context["outline"] = outline
        context["first_module"] = outline[0] if outline else None
        context.update(course_learner_context(request=request, course=self, outline=outline))
        return context

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pass_mark__isnull=True)
                | models.Q(pass_mark__gte=1, pass_mark__lte=100),
                name="courses_coursepage_pass_mark_1_100",
            )
        ]


class ModulePage(CachedViewRestrictionsMixin, SourceWorkflowMixin, Page):
    estimated_minutes = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(240)]
    )
    content_note = RichTextField(
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text=_(
            "Optional: shown before this module's content, with a choice to take a break. Say "
            "plainly what the module covers and where support is; never describe methods."
        ),
    )
    is_required = models.BooleanField(
        _("learners must complete this module"),
        default=True,
        help_text=_(
            "Ticked: completing the course needs this module. Unticked: the module is optional "
            "extra reading."
        ),
    )
    is_assessment = models.BooleanField(
        _("this module is the course assessment"),
        default=False,
        help_text=_(
            "This module is the course assessment: its questions are graded against the course "
            "pass mark."
        ),
    )
    questions_per_attempt = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Leave empty to ask every question. Otherwise each attempt draws this many of the "
            "module's questions at random (a question pool), graded against the same pass mark."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("position in course"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Where this module sits in the course: 1 is first. It moves there when this change is "
            "published (after review). A new module goes before the course assessment."
        ),
    )
    body = StreamField(ModuleStreamBlock())

    content_panels = [
        safe_messaging_panel(),
        *Page.content_panels,
        FieldPanel("position"),
        FieldPanel("estimated_minutes"),
        FieldPanel("content_note"),
        MultiFieldPanel(
            [
                FieldPanel("is_required"),
                FieldPanel("is_assessment"),
                FieldPanel("questions_per_attempt"),
            ],
            heading=_("Role"),
        ),
        FieldPanel("body"),
    ]
    # A module's address is its only "promote" setting: modules are not listed in site menus or
    # search engines on their own, so the SEO title, description and menu fields are left out.
    promote_panels = [FieldPanel("slug")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []
    template = "courses/module_page.html"
    base_form_class = ModulePageForm

    def clean(self):
        super().clean()
        from ..validation import module_errors

        if self.path:  # saved in code (the admin form checks new pages, which have no path yet)
            course = CoursePage.objects.parent_of(self).first()
            errors = module_errors(
                course=course, module=self, is_assessment=self.is_assessment, body=self.body,
                questions_per_attempt=self.questions_per_attempt,
            )
            if errors:
                raise ValidationError(errors)

    def save(self, *args, **kwargs):
        from ..translations import fall_back_partial_questions

        fall_back_partial_questions(module=self)
        return super().save(*args, **kwargs)

    @property
    def course(self):
        """The course this module belongs to (set while routing, so usually no extra query)."""
        parent = getattr(self, "_cached_parent_obj", None)
        if isinstance(parent, CoursePage):
            return parent
        return CoursePage.objects.parent_of(self).first()

    def get_admin_display_title(self):
        """In the admin (review lists, history, workflow emails) a module says which course it
        belongs to: several courses have modules with the same title."""
        title = super().get_admin_display_title()
        course_title = getattr(self, "admin_course_title", None)  # the explorer gives it
        if course_title is None:
            course = self.course if self.path else None
            if course is None:
                return title
            course_title = course.title
        return _("%(module)s (course: %(course)s)") % {"module": title, "course": course_title}

    @property
    def has_questions(self) -> bool:
        return any(block["type"] == "question" for block in self.body.raw_data)

    def get_context(self, request, *args, **kwargs):
        from ..learner_context import module_learner_context
        from ..selectors import course_outline, outline_neighbours

        context = super().get_context(request, *args, **kwargs)
        course = self.course
        outline = course_outline(course=course, request=request, current=self) if course else []
        previous_module, next_module = outline_neighbours(outline=outline, current=self)
        context.update(
            course=course,
            outline=outline,
            previous_module=previous_module,
            next_module=next_module,
            has_questions=self.has_questions,
            question_form_id="module-answers",
        )
        context.update(
            module_learner_context(request=request, module=self, course=course, outline=outline)
        )
        return context
