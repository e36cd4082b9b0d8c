from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Logging in: lockout (django-axes), the second factor (django-otp) and idle sessions."""

    name = "network_site.accounts"
    label = "accounts"
    verbose_name = "Logging in"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from network_site.accounts.sessions import start_activity_clock

        user_logged_in.connect(start_activity_clock)
