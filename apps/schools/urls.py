from django.urls import path

from apps.schools import consent_views, device_views, views

app_name = "schools"
urlpatterns = [
    path("", views.overview, name="settings"),
    path("policy/", views.policy, name="policy"),
    path("staff/", views.staff, name="staff"),
    path("staff/<int:pk>/role/", views.staff_role, name="staff_role"),
    path("staff/<int:pk>/deactivate/", views.staff_deactivate, name="staff_deactivate"),
    path("staff/<int:pk>/reactivate/", views.staff_reactivate, name="staff_reactivate"),
    path("staff/<int:pk>/send-link/", views.staff_send_link, name="staff_send_link"),
    path("staff/invitations/<int:pk>/resend/", views.invitation_resend, name="invitation_resend"),
    path("staff/invitations/<int:pk>/cancel/", views.invitation_cancel, name="invitation_cancel"),
    path("accounts/", views.accounts, name="accounts"),
    path("accounts/<int:pk>/", views.account_edit, name="account_edit"),
    path("accounts/<int:pk>/active/", views.account_active, name="account_active"),
    path("roster/", views.roster, name="roster"),
    path("roster/confirm/", views.roster_confirm, name="roster_confirm"),
    path("roster/imports/<int:pk>/undo/", views.roster_undo, name="roster_undo"),
    path("agreement/", views.agreement, name="agreement"),
    path("devices/", device_views.devices, name="devices"),
    path("devices/<int:pk>/forget/", device_views.device_forget, name="device_forget"),
    path("consent/", consent_views.register, name="consent"),
    path("consent/face-matching/", consent_views.face_matching, name="face_matching"),
    path("consent/pupils/<int:pk>/", consent_views.pupil_consent, name="pupil_consent"),
]
