from django.db import migrations, models


def stamp_existing_tokens(apps, schema_editor):
    """Existing feed URLs stay valid under the password their owner has now."""
    from civic_wagtail.events.models.records import password_stamp

    CalendarToken = apps.get_model("civic_wagtail_events", "CalendarToken")
    tokens = list(CalendarToken.objects.select_related("user"))
    for token in tokens:
        token.password_stamp = password_stamp(token.user)
    CalendarToken.objects.bulk_update(tokens, ["password_stamp"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("civic_wagtail_events", "0002_feed_stamps")]

    operations = [
        migrations.AddField(
            model_name="calendartoken",
            name="password_stamp",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.RunPython(stamp_existing_tokens, migrations.RunPython.noop),
    ]
