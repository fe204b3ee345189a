"""Demo content owned by cms: the home page and helplines (both created by migrations), and the
accessibility statement and privacy notice pages with placeholder wording for programme staff."""

from wagtail.models import Page

from .models import Helpline, HomePage, StandardPage
from .sites import align_default_site

PLACEHOLDER = (
    "<p><b>Placeholder wording for programme staff to replace.</b> This page was created with the "
    "demo content. Replace it with the programme's reviewed wording before launch.</p>"
)

PAGES = [
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "summary": "How accessible this website is, and how to report a problem.",
        "body": [
            ("callout", {"kind": "important", "title": "Draft", "text": PLACEHOLDER}),
            ("paragraph", "<p>We want as many people as possible to be able to use this "
             "website. It is designed to meet the Web Content Accessibility Guidelines (WCAG) 2.2 "
             "at level AA. You should be able to change colours, contrast levels and fonts, zoom "
             "in up to 400% without the text spilling off the screen, and navigate the whole "
             "site using just a keyboard or speech recognition software.</p>"),
            ("heading", {"text": "Reporting a problem", "level": "h2"}),
            ("paragraph", "<p>If you find a problem that is not listed here, tell the programme "
             "team (contact details to be added by programme staff).</p>"),
            ("heading", {"text": "Open data on this site", "level": "h2"}),
            ("paragraph", "<p>School, college and university details come from the Department "
             "for Education's Get Information About Schools register. Borough boundaries contain "
             "National Statistics and Ordnance Survey data © Crown copyright and database right. "
             "Both contain public sector information licensed under the Open Government Licence "
             "v3.0.</p>"),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy notice",
        "summary": "What information we keep about you, why, and your rights.",
        "body": [
            ("callout", {"kind": "important", "title": "Draft", "text": PLACEHOLDER}),
            ("paragraph", "<p>We keep your email address and name to run your account and issue "
             "your certificates; your borough and role only if you choose to give them; and "
             "which modules you have completed and your assessment results. We never ask about "
             "your own mental health, and anything you write in a reflection stays in your own "
             "browser.</p>"),
            ("paragraph", "<p>A school, college or university sees your progress only if you "
             "join it and agree to share. Public figures are totals only and never identify "
             "anyone.</p>"),
        ],
    },
]


def seed() -> str:
    home = HomePage.objects.first()
    if home is None:
        return "home page missing: run migrations first"
    created = 0
    for spec in PAGES:
        if Page.objects.child_of(home).filter(slug=spec["slug"]).exists():
            continue
        page = StandardPage(
            title=spec["title"], slug=spec["slug"], summary=spec["summary"], body=spec["body"]
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    site = "site address set from SITE_URL, " if align_default_site() else ""
    return f"{site}{Helpline.objects.count()} helplines, {created} content pages created"
