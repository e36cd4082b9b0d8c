"""Requests to start a chapter, seen and decided by the network admins only.

Their group is made by chapters 0005 too; whichever migration runs first makes it.
"""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models


def grant_network_admins(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Network admins")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="home",
            content_type__model="chapterrequest",
            codename__in=["view_chapterrequest", "change_chapterrequest", "delete_chapterrequest"],
        )
    )


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0003_alliance_roles'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ChapterRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('place', models.CharField(help_text='The city, county or reservation.', max_length=120)),
                ('locality_type', models.CharField(help_text='What kind of place it is.', max_length=20)),
                ('state', models.CharField(blank=True, help_text='Its US state, if any.', max_length=2)),
                ('contact_name', models.CharField(max_length=120)),
                ('contact_email', models.EmailField(max_length=254)),
                ('languages', models.JSONField(default=list, help_text='The languages they want the site in.')),
                ('activities', models.TextField(blank=True, help_text='What they already do, in their words.')),
                ('consent_text', models.TextField()),
                ('consented_at', models.DateTimeField()),
                ('language', models.CharField(help_text='The language of the form they filled.', max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('status', models.CharField(choices=[('pending', 'Waiting for a decision'), ('approved', 'Approved'), ('declined', 'Declined')], default='pending', max_length=10)),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
                ('hostname', models.CharField(blank=True, max_length=255)),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('site', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'chapter request',
                'ordering': ['-created_at'],
                'default_permissions': ('view', 'change', 'delete'),
                'indexes': [models.Index(fields=['status', '-created_at'], name='home_chapte_status_a47df2_idx')],
            },
        ),
        migrations.RunPython(grant_network_admins, migrations.RunPython.noop),
    ]
