"""Who may write and publish courses, and how a course change gets reviewed.

- The course catalogue (a CourseIndexPage at /courses/) is created under the home page if missing,
  so the permissions below have a place to live.
- Trainers: may use the CMS, add and edit pages in the catalogue (courses and modules), upload and
  choose images, choose helplines. They cannot publish: their changes go to review.
- Reviewers: the same, plus publish, lock and unlock.
- Workflow "Course review" (one task, "Reviewer approval", for the Reviewers group) applies to the
  catalogue and everything under it, so a trainer's "Submit for review" reaches a reviewer, whose
  approval publishes the page.
"""

from django.db import migrations

TRAINERS, REVIEWERS = "Trainers", "Reviewers"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def next_child_path(parent_path, last_child_path):
    if last_child_path is None:
        return parent_path + "0001"
    number = int(last_child_path[-STEPLEN:], 36) + 1
    step = ""
    while number:
        number, digit = divmod(number, 36)
        step = ALPHABET[digit] + step
    return parent_path + step.rjust(STEPLEN, "0")


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return perm


def course_index(apps):
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("cms", "HomePage")
    CourseIndexPage = apps.get_model("courses", "CourseIndexPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    existing = CourseIndexPage.objects.order_by("path").first()
    if existing:
        return existing
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return None
    children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    taken = set(children.values_list("slug", flat=True))
    slug = "courses" if "courses" not in taken else "course-catalogue"
    last = children.order_by("-path").values_list("path", flat=True).first()
    index = CourseIndexPage.objects.create(
        title="Courses",
        draft_title="Courses",
        slug=slug,
        content_type=ContentType.objects.get_or_create(app_label="courses", model="courseindexpage")[0],
        path=next_child_path(home.path, last),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{slug}/",
        live=True,
        locale_id=home.locale_id,
        intro="<p>Free, self-paced courses. Each one tells you before you start what it covers, "
        "and you can take a break at any time.</p>",
    )
    Page.objects.filter(pk=home.pk).update(numchild=children.count())
    return index


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    trainers, _ = Group.objects.get_or_create(name=TRAINERS)
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)

    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    view_helpline = permission(apps, "cms", "helpline", "view_helpline", "Can view helpline")
    image_perms = [
        permission(apps, "wagtailimages", "image", codename, name)
        for codename, name in [("add_image", "Can add image"), ("change_image", "Can change image"),
                               ("choose_image", "Can choose image")]
    ]
    for group in (trainers, reviewers):
        group.permissions.add(access_admin, view_helpline)

    page_perm = {
        codename: permission(apps, "wagtailcore", "page", codename, name)
        for codename, name in [
            ("add_page", "Can add page"), ("change_page", "Can change page"),
            ("publish_page", "Can publish page"), ("lock_page", "Can lock page"),
            ("unlock_page", "Can unlock page"),
        ]
    }
    index = course_index(apps)
    if index is not None:
        grants = {
            trainers: ["add_page", "change_page"],
            reviewers: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        }
        for group, codenames in grants.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group, page_id=index.pk, permission=page_perm[codename]
                )

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for group in (trainers, reviewers):
            for perm in image_perms:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm
                )

    if index is not None and not WorkflowPage.objects.filter(page_id=index.pk).exists():
        task = GroupApprovalTask.objects.filter(name="Reviewer approval").first()
        if task is None:
            task = GroupApprovalTask.objects.create(
                name="Reviewer approval",
                active=True,
                content_type=ContentType.objects.get_or_create(
                    app_label="wagtailcore", model="groupapprovaltask"
                )[0],
            )
        task.groups.add(reviewers)
        workflow, _ = Workflow.objects.get_or_create(name="Course review", defaults={"active": True})
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        WorkflowPage.objects.create(page_id=index.pk, workflow=workflow)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_alter_modulepage_body"),
        ("cms", "0002_seed_helplines_and_home"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
