from civic_wagtail.conf import register_defaults

register_defaults(
    {
        #: Profile fields shown to other people unless a member changes it. ``display_name``
        #: is always public.
        "MEMBERS_DEFAULT_PUBLIC_FIELDS": ["organisation", "job_title", "topics"],
    }
)
