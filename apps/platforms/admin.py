from django.contrib import admin

from apps.platforms.models import Connection, CredentialRotation, RotationPermission, RotationReminder


@admin.register(Connection)
class ConnectionAdmin(admin.ModelAdmin[Connection]):
    # The encrypted tokens are never shown, not even to a superuser.
    list_display = ("account", "kind", "handle", "status", "approved_at", "last_rotated_at")
    list_filter = ("kind", "status")
    exclude = ("credentials_encrypted",)
    readonly_fields = ("school", "account", "kind", "handle", "external_id", "started_by", "approved_by")


admin.site.register(CredentialRotation)
admin.site.register(RotationPermission)
admin.site.register(RotationReminder)
