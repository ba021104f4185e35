from django.urls import path

from apps.moderation import views

app_name = "moderation"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.item, name="item"),
    path("<int:pk>/take/", views.item_take, name="take"),
    path("<int:pk>/state/", views.item_state, name="state"),
    path("<int:pk>/keep/", views.item_keep, name="keep"),
    path("<int:pk>/answer/", views.item_answer, name="answer"),
    path("answer/<int:pk>/approve/", views.answer_approve, name="answer_approve"),
    path("<int:pk>/do/<slug:action>/", views.item_act, name="act"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
    path("reading/<int:pk>/", views.reading_interval, name="reading_interval"),
    path("record/", views.incidents, name="incidents"),
    path("record/new/", views.incident_new, name="incident_new"),
    path("record/e-safety-record.csv", views.incidents_csv, name="incidents_csv"),
    path("record/e-safety-record.pdf", views.incidents_pdf, name="incidents_pdf"),
    path("record/<int:pk>/", views.incident, name="incident"),
    path("record/<int:pk>/add/", views.incident_link, name="incident_link"),
]
