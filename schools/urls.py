from django.urls import path

from . import external_views, views

app_name = "schools"

urlpatterns = [
    path("", views.my_institutions, name="mine"),
    path("join/", views.join_search, name="join"),
    path("join/code/", views.invitation_code, name="invitation_code"),
    path("join/<int:institution_id>/", views.join_confirm, name="join_confirm"),
    path("invite/<str:code>/", views.invitation, name="invitation"),
    path("memberships/<int:membership_id>/sharing/", views.membership_sharing, name="membership_sharing"),
    path("memberships/<int:membership_id>/leave/", views.membership_leave, name="membership_leave"),
    path(
        "memberships/<int:membership_id>/request-lead/",
        views.membership_request_lead,
        name="membership_request_lead",
    ),
    path("<int:institution_id>/", views.lead_dashboard, name="dashboard"),
    path("<int:institution_id>/staff.csv", views.lead_dashboard_csv, name="dashboard_csv"),
    path("<int:institution_id>/invitation/", views.rotate_invitation, name="rotate_invitation"),
    path("<int:institution_id>/invite/", views.invite_staff, name="invite_staff"),
    path("<int:institution_id>/remind/", views.remind_staff, name="remind_staff"),
    path("<int:institution_id>/staff-total/", views.staff_total, name="staff_total"),
    path("<int:institution_id>/summary.pdf", views.coverage_summary_pdf, name="summary_pdf"),
    path("summary/<str:code>/", views.summary_verify, name="summary_verify"),
    # Training done elsewhere, and confirming memberships.
    path("external/add/", external_views.external_add, name="external_add"),
    path("external/review/", external_views.external_review_all, name="external_review_all"),
    path("external/<int:pk>/evidence/", external_views.external_evidence, name="external_evidence"),
    path("external/<int:pk>/decide/", external_views.external_decide, name="external_decide"),
    path(
        "<int:institution_id>/external/",
        external_views.external_review_institution,
        name="external_review",
    ),
    path(
        "<int:institution_id>/memberships/<int:membership_id>/confirm/",
        external_views.membership_confirm,
        name="membership_confirm",
    ),
]
