from django.urls import path

from apps.governance import views

app_name = "governance"
urlpatterns = [
    path("", views.index, name="index"),
    path("policy/", views.document, name="document"),
    path("chair/", views.chair, name="chair"),
    path("versions/<int:pk>/", views.version, name="version"),
    path("versions/<int:pk>/pdf/", views.version_pdf, name="version_pdf"),
    path("versions/<int:pk>/sign/", views.sign, name="sign"),
    path("parents/letter/", views.parent_letter, {"kind": "letter"}, name="letter"),
    path(
        "parents/letter/pdf/", views.parent_letter_file, {"kind": "letter", "as_pdf": True}, name="letter_pdf"
    ),
    path(
        "parents/letter/text/",
        views.parent_letter_file,
        {"kind": "letter", "as_pdf": False},
        name="letter_text",
    ),
    path("parents/summary/", views.parent_letter, {"kind": "summary"}, name="summary"),
    path(
        "parents/summary/pdf/",
        views.parent_letter_file,
        {"kind": "summary", "as_pdf": True},
        name="summary_pdf",
    ),
    path(
        "parents/summary/text/",
        views.parent_letter_file,
        {"kind": "summary", "as_pdf": False},
        name="summary_text",
    ),
    path("esafety/", views.esafety_messages, name="esafety"),
]
